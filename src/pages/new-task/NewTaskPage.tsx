import { useQuery } from "@tanstack/react-query";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { describeError } from "../../lib/errors.ts";
import { meQuery } from "../../queries/auth.ts";
import { aiTemplatesQuery } from "../../queries/directory.ts";
import { NewTaskForm } from "./NewTaskForm.tsx";

const TASK_TEMPLATES_DOCS = "https://coder.com/docs/ai-coder/tasks";

/** /tasks/new: waits for the user (whose draft it restores) and the templates, then shows the form. */
export function NewTaskPage() {
  const me = useQuery(meQuery());
  const templates = useQuery(aiTemplatesQuery());
  const failed = templates.isError ? templates : me.isError ? me : null;
  if (failed)
    return <ErrorBanner error={describeError(failed.error)} title="Could not load the form" onRetry={() => void failed.refetch()} />;
  if (!templates.data || !me.data) {
    return (
      <p role="status" className="animate-pulse text-slate-500">
        Loading templates…
      </p>
    );
  }
  if (templates.data.length === 0) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">New task</h1>
        <p>There are no templates with an AI task that you can use.</p>
        <a href={TASK_TEMPLATES_DOCS} className="text-sky-700 underline" target="_blank" rel="noopener noreferrer">
          How to add an AI task to a template
        </a>
      </div>
    );
  }
  return <NewTaskForm key={me.data.id} userId={me.data.id} templates={templates.data} />;
}
