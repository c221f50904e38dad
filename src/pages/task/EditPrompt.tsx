import { useId, useState } from "react";
import type { Task } from "../../wire/types.ts";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { describeError } from "../../lib/errors.ts";
import type { TaskActions } from "../../lib/task-phase.ts";
import { taskRef, usePauseTask, useUpdateTaskInput } from "../../queries/tasks.ts";

const button = "rounded px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/**
 * Coder changes a prompt only while the task is paused (the agent starts on it at the next resume). For any
 * other status the button says why it is disabled and offers to pause first, then opens the editor.
 */
export function EditPrompt({ task, actions }: { task: Task; actions: TaskActions }) {
  const [isOpen, setOpen] = useState(false);
  const [editWhenPaused, setEditWhenPaused] = useState(false);
  const [saved, setSaved] = useState(false);
  const pause = usePauseTask();
  const isPaused = actions.editPrompt;
  const showForm = isPaused && (isOpen || editWhenPaused);
  const canPauseNow = actions.pause.offered && actions.pause.blockedBy === null;
  const reasonId = useId();

  if (showForm) {
    return (
      <PromptForm
        task={task}
        onDone={(didSave) => {
          setOpen(false);
          setEditWhenPaused(false);
          setSaved(didSave);
        }}
      />
    );
  }
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={!isPaused}
          aria-describedby={isPaused ? undefined : reasonId}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          Edit prompt
        </button>
        {!isPaused && canPauseNow && (
          <button
            type="button"
            className={button}
            disabled={pause.isPending || editWhenPaused}
            onClick={() => pause.mutate(taskRef(task), { onSuccess: () => setEditWhenPaused(true) })}
          >
            {pause.isPending || editWhenPaused ? "Pausing…" : "Pause and edit"}
          </button>
        )}
      </div>
      {!isPaused && (
        <p id={reasonId} className="text-xs text-slate-500">
          {editWhenPaused
            ? "The editor opens once the task is paused."
            : "Only a paused task's prompt can be edited; the agent starts on it at the next resume."}
        </p>
      )}
      {pause.isError && <ErrorBanner error={describeError(pause.error)} title="The task could not be paused" />}
      {saved && (
        <p role="status" className="text-sm text-green-800">
          ✓ Prompt saved. The agent starts on it when the task resumes.
        </p>
      )}
    </div>
  );
}

function PromptForm({ task, onDone }: { task: Task; onDone: (saved: boolean) => void }) {
  const id = useId();
  const [text, setText] = useState(task.initial_prompt);
  const update = useUpdateTaskInput();
  const save = () => {
    if (update.isPending) return;
    update.mutate({ ...taskRef(task), input: text }, { onSuccess: () => onDone(true) });
  };
  return (
    <form
      className="space-y-2 rounded-md border border-slate-300 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        New prompt
      </label>
      <textarea
        id={id}
        value={text}
        rows={5}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
        className="w-full rounded border border-slate-300 px-3 py-2 text-sm"
      />
      {update.isError && <ErrorBanner error={describeError(update.error)} title="The prompt was not saved" />}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {update.isPending ? "Saving…" : "Save prompt"}
        </button>
        <button type="button" className={button} onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
