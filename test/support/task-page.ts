import { act } from "@testing-library/react";
import { vi } from "vitest";
import { newSimulator, renderApp } from "./render.tsx";
import { taskIn, type Situation } from "./sim-tasks.ts";

/** Lets the page's polls run: the fake interval timers fire and the requests settle. */
export async function poll(ms = 3_000) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

/** Alice's task page for a new task in `situation`, with polling on fake interval timers. */
export function openTask(situation: Situation, options: { version?: string; path?: string } = {}) {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"], shouldAdvanceTime: true });
  const sim = newSimulator(options.version ? { version: options.version } : {});
  const created = taskIn(sim, situation);
  const view = renderApp(`/tasks/alice/${created.task.id}${options.path ?? ""}`, { as: "alice", sim });
  return { ...view, ...created, sim };
}

/** What the user has said to the agent, as the simulator's AgentAPI holds it. */
export const inputs = (task: { conversation: { messages: { role: string; content: string }[] } }) =>
  task.conversation.messages.filter((m) => m.role === "user").map((m) => m.content);
