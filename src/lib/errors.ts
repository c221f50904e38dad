/** What a failed request says, in the server's words: message, detail and per-field validations. */
export interface ErrorDescription {
  message: string;
  detail: string;
  validations: { field: string; detail: string }[];
  status: number;
}

/** Duck-typed so that components can show any error without knowing the API module. */
export function describeError(error: unknown): ErrorDescription {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as { message: unknown; detail?: unknown; validations?: unknown; status?: unknown };
    return {
      message: typeof e.message === "string" && e.message ? e.message : "Something went wrong.",
      detail: typeof e.detail === "string" ? e.detail : "",
      validations: Array.isArray(e.validations) ? (e.validations as ErrorDescription["validations"]) : [],
      status: typeof e.status === "number" ? e.status : 0,
    };
  }
  return { message: "Something went wrong.", detail: String(error ?? ""), validations: [], status: 0 };
}
