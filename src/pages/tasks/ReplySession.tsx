import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { Dialog, DialogClose } from "../../components/Dialog.tsx";
import { taskPath } from "../../lib/paths.ts";
import { taskActions, type TaskActions } from "../../lib/task-phase.ts";
import { useDeployment } from "../../queries/deployment.ts";
import { taskLogsQuery } from "../../queries/task-logs.ts";
import { useIsPausing } from "../../queries/tasks.ts";
import type { Task } from "../../wire/types.ts";
import { ComposerBox } from "../task/Composer.tsx";
import { useSend, type Send } from "../task/use-send.ts";

/** What a reply is doing, for its row: words, and whether it still has work to do (the list then polls sooner). */
export interface ReplyProgress {
  text: string;
  pending: boolean;
}

/** A reply in words: the task page's send rules, seen from the list. Null when there is nothing to say. */
function replyProgress(s: Send): ReplyProgress | null {
  if (s.send.isPending) return { text: "Reply: sending…", pending: true };
  if (s.plan === "follow-up") {
    return { text: s.resume.isSuccess ? "Reply: resumed, sends once active…" : "Reply: resuming the task…", pending: true };
  }
  if (s.plan === "when-ready") return { text: "Reply: sends when the agent is idle…", pending: true };
  if (s.isBusy) return { text: "Reply not sent: the agent is busy (draft kept)", pending: false };
  if (s.send.isError || s.resume.isError) return { text: "Reply not sent (draft kept)", pending: false };
  if (s.sentAt && s.draft.trim() === "") return { text: `✓ Replied at ${s.sentAt}`, pending: false };
  if (s.draft.trim() !== "") return { text: "Reply drafted, not sent", pending: false };
  return null;
}

interface ReplySessionProps {
  task: Task;
  open: boolean;
  onClose: () => void;
  onProgress: (id: string, progress: ReplyProgress | null) => void;
}

/**
 * A reply to one task from the list. It lives as long as the list page, whether its dialog is open or not, so
 * a reply that waits (for a resume, or for a busy agent) goes on after the dialog closes and its draft is
 * there when the dialog opens again. The rules are the task page's own (useSend).
 */
export default function ReplySession({ task, open, onClose, onProgress }: ReplySessionProps) {
  const s = useSend(task);
  const deployment = useDeployment();
  const actions = taskActions(task, { pauseResume: deployment.canPauseResume });
  const progress = replyProgress(s);
  const text = progress?.text;
  const pending = progress?.pending;
  useEffect(() => {
    onProgress(task.id, text === undefined ? null : { text, pending: pending ?? false });
  }, [onProgress, task.id, text, pending]);
  // Sent while its dialog is open: back to the list, where the row says so. Only a new send closes it (not
  // reopening the dialog afterwards), and never another task's dialog opened meanwhile.
  const sentAt = s.sentAt;
  const seenSentAt = useRef(sentAt);
  useEffect(() => {
    if (sentAt === seenSentAt.current) return;
    seenSentAt.current = sentAt;
    if (sentAt && open) onClose();
  }, [sentAt, open, onClose]);

  if (!open) return null;
  const title = task.display_name || task.name;
  return (
    <Dialog title={`Reply to ${title}`} onClose={onClose} className="max-w-2xl">
      <div className="space-y-3">
        <LastMessage task={task} actions={actions} />
        <ComposerBox task={task} actions={actions} send={s} />
        <div className="flex items-center justify-between gap-2">
          <Link to={taskPath(task)} className="text-sm text-sky-700 underline">
            Open the task page
          </Link>
          <DialogClose label="Close" />
        </div>
      </div>
    </Dialog>
  );
}

/** The agent's last words in the conversation Coder serves now, or its last report until they arrive. */
function LastMessage({ task, actions }: { task: Task; actions: TaskActions }) {
  const isPausing = useIsPausing(task.id);
  const kind = actions.logs === "live" && !isPausing ? "live" : actions.logs === "snapshot" ? "snapshot" : null;
  const logs = useQuery({ ...taskLogsQuery(task.owner_name, task.id, kind ?? "live"), enabled: kind !== null });
  const last = logs.data?.logs.findLast((entry) => entry.type === "output");
  const report = task.current_state?.message;
  return (
    <section aria-label="The agent's last message" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="mb-1 text-xs font-semibold text-slate-600 uppercase">The agent's last message</h3>
      <p className="max-h-48 overflow-auto break-words whitespace-pre-wrap">
        {last?.content ?? report ?? (logs.isPending && kind !== null ? "Loading the conversation…" : "The agent has said nothing yet.")}
      </p>
      {last && report && report !== last.content && <p className="mt-2 text-xs text-slate-600">Its last report: {report}</p>}
    </section>
  );
}
