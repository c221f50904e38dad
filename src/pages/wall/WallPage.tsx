import { useQuery } from "@tanstack/react-query";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useNow } from "../../components/use-now.ts";
import { describeError } from "../../lib/errors.ts";
import { relativeTime } from "../../lib/time.ts";
import { WALL_GROUPS, wallGroupOf } from "../../lib/wall-groups.ts";
import { taskListQuery } from "../../queries/tasks.ts";

/** A screen for a team room: dark, large, no navigation, and never blank while it has shown data once. */
export function WallPage() {
  const now = useNow(10_000);
  const tasks = useQuery({ ...taskListQuery(""), refetchInterval: 10_000 });
  const all = tasks.data?.tasks ?? [];

  return (
    <main className="min-h-screen bg-slate-950 p-6 text-slate-100">
      <header className="mb-4 flex items-baseline justify-between">
        <h1 className="text-3xl font-bold">Tasks</h1>
        {tasks.isError && tasks.data ? (
          <p role="status" className="text-amber-300">
            Stale since {new Date(tasks.dataUpdatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}: {describeError(tasks.error).message}
          </p>
        ) : tasks.isError ? (
          <p role="alert" className="text-red-300">{describeError(tasks.error).message}</p>
        ) : null}
      </header>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {WALL_GROUPS.map((group) => {
          const members = all.filter((task) => wallGroupOf(task) === group.id);
          if (members.length === 0 && group.id === "other") return null;
          return (
            <section key={group.id} aria-labelledby={`wall-${group.id}`}>
              <h2 id={`wall-${group.id}`} className="mb-2 text-xl font-semibold">
                {group.title} <span className="text-slate-400">({members.length})</span>
              </h2>
              <ul className="space-y-2">
                {members.map((task) => (
                  <li key={task.id} className="rounded-lg bg-slate-800 p-3">
                    <div className="flex items-center justify-between gap-2">
                      <span className="truncate text-lg font-medium">{task.display_name || task.name}</span>
                      <StatusBadge status={task.status} />
                    </div>
                    <p className="text-sm text-slate-300">
                      {task.owner_name} · {relativeTime(task.current_state?.timestamp ?? task.updated_at, now)}
                    </p>
                    {task.current_state?.message && <p className="truncate text-sm text-slate-400">{task.current_state.message}</p>}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </main>
  );
}
