import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `server/main.ts` (the process `npm start` runs after building) on a free port. New tasks are calm
 * (`SIM_CALM=1`): a test that creates one watches the journey it arranged, not a build failure drawn at random.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SIM_CALM: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A session token for `email`, straight from the API, for arranging things a test then watches in the page. */
export async function apiToken(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v2/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "demo-password" }),
  });
  return ((await response.json()) as { session_token: string }).session_token;
}

/** Display names of a user's tasks, asked of the API as the site owner. */
export async function taskNamesOf(baseUrl: string, username: string): Promise<string[]> {
  const token = await apiToken(baseUrl, "admin@example.com");
  const list = await fetch(`${baseUrl}/api/v2/tasks?q=${encodeURIComponent(`owner:${username}`)}`, {
    headers: { "Coder-Session-Token": token },
  });
  const { tasks } = (await list.json()) as { tasks: { display_name: string }[] };
  return tasks.map((t) => t.display_name);
}
