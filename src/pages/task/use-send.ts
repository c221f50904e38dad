import { useEffect, useRef, useState } from "react";
import type { Task } from "../../wire/types.ts";
import { isAgentBusy } from "../../lib/errors.ts";
import { isReadyForInput } from "../../lib/task-phase.ts";
import { taskRef, useResumeTask, useSendTaskInput } from "../../queries/tasks.ts";

type SendPlan = null | "when-ready" | "follow-up";

export type Send = ReturnType<typeof useSend>;

/**
 * Sending a message: at once, or queued until the agent is ready, or — for a paused task — resume, wait
 * until active, then send. The draft stays until the server accepts it, and only one send is ever in flight.
 */
export function useSend(task: Task) {
  const [draft, setDraft] = useState("");
  const [plan, setPlan] = useState<SendPlan>(null);
  const [sentAt, setSentAt] = useState<string | null>(null);
  const send = useSendTaskInput();
  const resume = useResumeTask();
  const inFlight = useRef(false);
  const ref = taskRef(task);

  const deliver = (text: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    send.mutate(
      { ...ref, input: text },
      {
        onSuccess: () => {
          setDraft((current) => (current === text ? "" : current));
          setPlan(null);
          setSentAt(new Date().toLocaleTimeString());
        },
        onError: (error) => {
          // A queued message that meets a busy agent keeps waiting; otherwise the server's words are shown.
          if (!isAgentBusy(error)) setPlan(null);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  /** Sent at once, the agent was busy: the page offers to send when it is idle. */
  const isBusy = plan === null && send.isError && isAgentBusy(send.error);
  const ready = isReadyForInput(task);
  const isWaiting = plan === "when-ready" || (plan === "follow-up" && resume.isSuccess);
  useEffect(() => {
    if (isWaiting && ready && draft.trim() !== "" && !inFlight.current) deliver(draft);
    // deliver reads the latest state through its closure; re-running on its identity would resend.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isWaiting, ready, task.current_state?.timestamp]);

  return {
    draft,
    setDraft,
    plan,
    isBusy,
    sentAt,
    send,
    resume,
    /** Send now (active task). */
    submit: () => {
      if (draft === "" || send.isPending) return;
      setSentAt(null);
      deliver(draft);
    },
    /** Send once the agent is ready: after a "busy" answer, or while the task starts. */
    queue: () => setPlan("when-ready"),
    /** A paused task: resume it, wait until it is active, then send. */
    followUp: () => {
      if (draft === "" || resume.isPending) return;
      setPlan("follow-up");
      resume.mutate(ref, { onError: () => setPlan(null) });
    },
    cancel: () => setPlan(null),
  };
}
