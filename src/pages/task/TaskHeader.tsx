import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { Task } from "../../wire/types.ts";
import { Avatar } from "../../components/Avatar.tsx";
import { PauseNote } from "../../components/PauseNote.tsx";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { TemplateIcon } from "../../components/TemplateIcon.tsx";
import { coderWorkspaceUrl } from "../../lib/paths.ts";
import { useDeployment } from "../../queries/deployment.ts";
import { organizationsQuery } from "../../queries/directory.ts";
import { usePauseReasons } from "../../queries/pause-reasons.ts";

export function TaskHeader({ task, now }: { task: Task; now: number }) {
  const { coderUi } = useDeployment();
  const organizations = useQuery(organizationsQuery());
  const org = organizations.data?.find((o) => o.id === task.organization_id);
  const pauseReason = usePauseReasons(useMemo(() => [task], [task])).get(task.id);
  return (
    <header className="space-y-3">
      <p className="text-sm">
        <Link to="/tasks" className="text-sky-700 hover:underline">
          ← Tasks
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{task.display_name || task.name}</h1>
        <StatusBadge status={task.status} />
        <PauseNote note={pauseReason} now={now} className="text-sm text-slate-600" />
      </div>
      <p className="font-mono text-sm text-slate-600">{task.name}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500">Owner</dt>
        <dd className="flex items-center gap-1.5">
          <Avatar name={task.owner_name} url={task.owner_avatar_url} /> {task.owner_name}
        </dd>
        <dt className="text-slate-500">Organization</dt>
        <dd>{org ? org.display_name || org.name : "—"}</dd>
        <dt className="text-slate-500">Template</dt>
        <dd className="flex items-center gap-1.5">
          <TemplateIcon icon={task.template_icon} /> {task.template_display_name || task.template_name}
        </dd>
        <dt className="text-slate-500">Workspace</dt>
        <dd className="break-words">
          {coderUi && task.workspace_name ? (
            <a
              href={coderWorkspaceUrl(coderUi, task.owner_name, task.workspace_name)}
              target="_blank"
              rel="noreferrer"
              className="text-sky-700 underline"
            >
              {task.workspace_name}
              <span className="sr-only"> (opens in Coder)</span>
            </a>
          ) : (
            task.workspace_name
          )}
          {task.workspace_status && ` · ${task.workspace_status}`}
          {task.workspace_build_number ? ` · build #${task.workspace_build_number}` : ""}
        </dd>
        <dt className="text-slate-500">Created</dt>
        <dd>
          <RelativeTime iso={task.created_at} now={now} />
        </dd>
        <dt className="text-slate-500">Updated</dt>
        <dd>
          <RelativeTime iso={task.updated_at} now={now} />
        </dd>
      </dl>
    </header>
  );
}

/** The prompt, folded to a few lines until asked, with Copy. */
export function PromptBlock({ prompt }: { prompt: string }) {
  const [isExpanded, setExpanded] = useState(false);
  const [copied, setCopied] = useState(false);
  const isLong = prompt.length > 280 || prompt.split("\n").length > 4;
  return (
    <div className="space-y-2">
      <pre className={`font-sans text-sm whitespace-pre-wrap ${isLong && !isExpanded ? "line-clamp-4" : ""}`}>
        {prompt || "(empty prompt)"}
      </pre>
      <div className="flex gap-2">
        {isLong && (
          <button
            type="button"
            aria-expanded={isExpanded}
            className="text-sm text-sky-700 underline"
            onClick={() => setExpanded(!isExpanded)}
          >
            {isExpanded ? "Show less" : "Show the whole prompt"}
          </button>
        )}
        <button
          type="button"
          className="rounded px-2 py-0.5 text-sm ring-1 ring-slate-300 hover:bg-slate-100"
          onClick={() => void navigator.clipboard.writeText(prompt).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy prompt"}
        </button>
      </div>
    </div>
  );
}
