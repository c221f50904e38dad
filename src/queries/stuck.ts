import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { delay } from "../lib/concurrency.ts";
import { stuckOf, type Stuck, type StuckLimits } from "../lib/stuck.ts";
import { taskPhase } from "../lib/task-phase.ts";
import type { Task } from "../wire/types.ts";
import { aiTemplatesQuery } from "./directory.ts";
import { useSessionToken } from "./session.ts";

const MINUTE = 60_000;
const TEMPLATES_AFTER_MS = 1_500;
const NO_USUAL: ReadonlyMap<string, number> = new Map();

/**
 * Which of `tasks` are stuck, and why, by task id (lib/stuck.ts). A template's usual start time can only
 * allow more than the floor, so templates are read only when some task has been starting longer than the
 * floor; a wall on the wall token (which reads only the task list) keeps the floor.
 */
export function useStuck(tasks: readonly Task[], limits: StuckLimits, now: number): ReadonlyMap<string, Stuck> {
  const hasSession = useSessionToken() !== null;
  const startingLong = useMemo(
    () =>
      tasks.some(
        (t) =>
          taskPhase(t) === "starting" && now - Date.parse(t.current_state?.timestamp ?? t.updated_at) >= limits.startingMinutes * MINUTE,
      ),
    [tasks, now, limits.startingMinutes],
  );
  const client = useQueryClient();
  const usualStarts = useQuery({
    queryKey: ["templates", "ai", "usual-start"],
    enabled: hasSession && startingLong,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      // Not needed for a first look: the floor already holds until the templates answer.
      await delay(TEMPLATES_AFTER_MS, signal);
      const byId = new Map<string, number>();
      for (const template of await client.fetchQuery(aiTemplatesQuery())) {
        const start = template.build_time_stats.start;
        const ms = start.P95 ?? start.P50;
        if (ms !== null) byId.set(template.id, ms);
      }
      return byId;
    },
  });
  const usual = usualStarts.data ?? NO_USUAL;
  return useMemo(() => {
    const out = new Map<string, Stuck>();
    for (const task of tasks) {
      const stuck = stuckOf(task, now, limits, usual.get(task.template_id) ?? null);
      if (stuck) out.set(task.id, stuck);
    }
    return out;
  }, [tasks, now, limits, usual]);
}
