import { SUPPORTED, whyNoTasks } from "../lib/coder-version.ts";

/** Said instead of an error where the deployment has no task routes at all (deployment reference §1.5). */
export function TasksUnavailable({ version }: { version: string | undefined }) {
  const [headline, ...more] = whyNoTasks(version);
  return (
    <section aria-labelledby="no-tasks" className="mx-auto max-w-2xl space-y-3 rounded-md border border-slate-300 bg-white p-6">
      <h1 id="no-tasks" className="text-xl font-semibold">
        {headline}
      </h1>
      {more.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="text-sm text-slate-600">
        This dashboard works with {SUPPORTED}, and with older versions that have Tasks under /api/experimental.
      </p>
    </section>
  );
}
