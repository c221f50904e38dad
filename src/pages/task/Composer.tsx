import { useId } from "react";
import type { Task } from "../../wire/types.ts";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { describeError, isAgentUnreachable } from "../../lib/errors.ts";
import type { TaskActions } from "../../lib/task-phase.ts";
import { useSend, type Send } from "./use-send.ts";

const primary = "rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50";
const secondary = "rounded px-3 py-2 text-sm ring-1 ring-slate-300 hover:bg-slate-100";

/** The message box under the conversation, with what sending means for the task's status. */
export function Composer({ task, actions }: { task: Task; actions: TaskActions }) {
  return <ComposerBox task={task} actions={actions} send={useSend(task)} />;
}

/** The message box around a send whose state its owner keeps (the list's reply outlives its dialog). */
export function ComposerBox({ task, actions, send: s }: { task: Task; actions: TaskActions; send: Send }) {
  const id = useId();
  const isActive = actions.send === "now";
  const isPaused = actions.send === "resume-first";
  const isStarting = actions.send === "when-ready";
  const blocked = actions.send === null;
  const primaryAction = isActive ? s.submit : isPaused ? s.followUp : isStarting ? s.queue : undefined;
  const empty = s.draft.trim() === "";
  const sendError = s.send.isError && !s.isBusy && s.plan === null ? describeError(s.send.error) : null;

  return (
    <section aria-label="Send a message" className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <label htmlFor={id} className="block text-sm font-medium">
        Message to the agent
      </label>
      <textarea
        id={id}
        value={s.draft}
        onChange={(e) => s.setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && primaryAction && !empty && s.plan === null) {
            e.preventDefault();
            primaryAction();
          }
        }}
        rows={3}
        aria-describedby={`${id}-hint`}
        className="w-full rounded border border-slate-300 px-3 py-2 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {blocked
          ? task.status === "paused"
            ? actions.resume.offered
              ? `A paused task takes messages once resumed. ${actions.resume.blockedBy ?? ""}`
              : "This Coder cannot resume tasks, so a paused task cannot take messages."
            : `The task is ${task.status}; it takes messages only while active.`
          : "Ctrl+Enter (⌘+Enter on a Mac) sends."}
      </p>
      {sendError && (
        <ErrorBanner
          error={sendError}
          title={
            isAgentUnreachable(s.send.error)
              ? "The task's agent cannot be reached (Coder tried for 30 seconds), so the message was not sent; it is still in the box"
              : "The message was not sent; it is still in the box"
          }
        />
      )}
      {s.resume.isError && <ErrorBanner error={describeError(s.resume.error)} title="The task could not be resumed" />}
      {s.isBusy && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          The agent is busy and cannot take a message right now.
          <button type="button" className={secondary} onClick={s.queue}>
            Send when it is idle
          </button>
        </div>
      )}
      {s.plan === "follow-up" && <FollowUpSteps task={task} resumed={s.resume.isSuccess} sending={s.send.isPending} onCancel={s.cancel} />}
      {s.plan === "when-ready" && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          {s.send.isPending ? "Sending…" : "Will send when the agent is ready…"}
          <button type="button" className={secondary} onClick={s.cancel}>
            Cancel
          </button>
        </p>
      )}
      {s.sentAt && s.plan === null && (
        <p role="status" className="text-sm text-green-800">
          ✓ Sent at {s.sentAt}.
        </p>
      )}
      <div className="flex gap-2">
        {isActive && (
          <button type="button" className={primary} disabled={empty || s.send.isPending || s.plan !== null} onClick={s.submit}>
            {s.send.isPending && s.plan === null ? "Sending…" : "Send"}
          </button>
        )}
        {isPaused && (
          <button type="button" className={primary} disabled={empty || s.plan !== null} onClick={s.followUp}>
            Resume and send
          </button>
        )}
        {isStarting && (
          <button type="button" className={primary} disabled={empty || s.plan !== null} onClick={s.queue}>
            Send when ready
          </button>
        )}
      </div>
    </section>
  );
}

function FollowUpSteps({ task, resumed, sending, onCancel }: { task: Task; resumed: boolean; sending: boolean; onCancel: () => void }) {
  const active = task.status === "active";
  const steps = [
    { label: "Resume the task", done: resumed },
    { label: `Wait until it is active (now ${task.status})`, done: active },
    { label: "Send your message", done: false, doing: sending },
  ];
  const currentIndex = steps.findIndex((step) => !step.done);
  return (
    <div role="status" className="rounded-md border border-sky-200 bg-sky-50 p-2 text-sm">
      <ol className="space-y-0.5">
        {steps.map((step, i) => (
          <li key={step.label}>
            <span aria-hidden="true">{step.done ? "✓" : i === currentIndex ? "…" : "○"}</span> {step.label}
            {step.done ? " (done)" : i === currentIndex ? " (in progress)" : ""}
          </li>
        ))}
      </ol>
      <button type="button" className={`${secondary} mt-1`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
