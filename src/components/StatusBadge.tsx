import type { TaskStatus } from "../wire/types.ts";
import { statusLook } from "../lib/status.ts";

export function StatusBadge({ status }: { status: TaskStatus }) {
  const look = statusLook(status);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${look.tone}`}>
      <span aria-hidden="true">{look.icon}</span>
      {look.label}
    </span>
  );
}
