import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Task, TaskStatus } from "../../wire/types.ts";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { RefreshNotice } from "../../components/RefreshNotice.tsx";
import { useNow } from "../../components/use-now.ts";
import { describeError, isRateLimited } from "../../lib/errors.ts";
import { filtersToParams, parseFilters, serverQuery, type TaskFilters } from "../../lib/task-filters.ts";
import { taskActions } from "../../lib/task-phase.ts";
import { useDeployment } from "../../queries/deployment.ts";
import { usePermissions } from "../../queries/permissions.ts";
import { organizationsQuery } from "../../queries/directory.ts";
import { taskListQuery, useBulkTaskAction, type BulkAction } from "../../queries/tasks.ts";
import { useStuck } from "../../queries/stuck.ts";
import { useWaitingSince } from "../../queries/waiting.ts";
import { BulkBar } from "./BulkBar.tsx";
import { BulkResults } from "./BulkResults.tsx";
import { ConfirmDeleteDialog } from "./ConfirmDeleteDialog.tsx";
import { FilterBar } from "./FilterBar.tsx";
import { ListSkeleton, UpdatedAgo } from "./ListStatus.tsx";
import { TaskTable } from "./TaskTable.tsx";
import { useSearchDraft } from "./use-search-draft.ts";
import { useTaskView } from "./use-task-view.ts";
import { useReplies } from "./use-replies.ts";

// Its own chunk: the send rules and the composer load with the first reply, not with the list.
const ReplySession = lazy(() => import("./ReplySession.tsx"));

/** Coder's own list polls every 10 s; React Query pauses the interval while the tab is hidden. */
const POLL_MS = 10_000;
/** While a reply waits for its task to resume or its agent to be idle, the list looks sooner. */
const REPLY_POLL_MS = 3_000;
const NO_TASKS: Task[] = [];

/**
 * One list request per poll, filtered here. The API takes a single `status:`, but the page shows a count for
 * every status and lets several be on at once, so asking per status would cost six requests for what one
 * answers. Owner and organization do go to the server: they narrow what it sends.
 */
export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<TaskFilters>, replace = false) =>
      setParams((prev) => filtersToParams({ ...parseFilters(prev), ...patch }), { replace }),
    [setParams],
  );
  const writeSearch = useCallback((search: string) => update({ search }, true), [update]);
  const [searchText, setSearchText] = useSearchDraft(filters.search, writeSearch);
  const search = useDeferredValue(searchText);

  const now = useNow(30_000);
  const permissions = usePermissions();
  const deployment = useDeployment();
  const organizations = useQuery(organizationsQuery());
  const replies = useReplies();
  const list = useQuery({ ...taskListQuery(serverQuery(filters)), refetchInterval: replies.pending ? REPLY_POLL_MS : POLL_MS });
  const tasksById = useMemo(() => new Map((list.data?.tasks ?? NO_TASKS).map((t) => [t.id, t])), [list.data]);
  const waits = useWaitingSince(list.data?.tasks ?? NO_TASKS);
  const stuck = useStuck(list.data?.tasks ?? NO_TASKS, filters.stuckLimits, now);
  const view = useTaskView(list.data?.tasks, filters, search, waits, stuck);
  useTabTitle(view.waitingTotal);

  const orgNames = useMemo(() => new Map((organizations.data ?? []).map((o) => [o.id, o.display_name || o.name])), [organizations.data]);
  // Site owners and organization admins read others' tasks; a filter in a shared link stays visible to be cleared.
  const canSeeOthers =
    permissions.canSeeAllTasks || permissions.orgsWithAllTasks.size > 0 || filters.owner !== "" || filters.organization !== "";

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedRows = useMemo(() => view.rows.filter((t) => selected.has(t.id)), [view.rows, selected]);
  const toggle = useCallback((id: string) => setSelected((prev) => toggled(prev, id)), []);
  const toggleAll = useCallback(
    () => setSelected((prev) => (view.rows.every((t) => prev.has(t.id)) ? new Set() : new Set(view.rows.map((t) => t.id)))),
    [view.rows],
  );
  const bulk = useBulkTaskAction();
  const [confirming, setConfirming] = useState<Task[] | null>(null);
  const run = (action: BulkAction, tasks: Task[]) => {
    if (action === "delete" && confirming === null) return setConfirming(tasks);
    setConfirming(null);
    bulk.mutate({ action, tasks }, { onSuccess: () => setSelected(new Set()) });
  };

  const [keyNote, setKeyNote] = useState("");
  const { mutate: runBulk } = bulk;
  const { open: openReply } = replies;
  const onRowKey = useCallback(
    (key: "r" | "p", task: Task) => {
      const actions = taskActions(task, { pauseResume: deployment.canPauseResume });
      const title = task.display_name || task.name;
      if (key === "r") {
        if (actions.send !== null) return openReply(task.id);
        return setKeyNote(`${title} takes no messages while it is ${task.status}.`);
      }
      if (!actions.pause.offered) return setKeyNote(`${title} cannot be paused${task.status === "paused" ? ": it is paused" : ""}.`);
      if (actions.pause.blockedBy) return setKeyNote(`${title} cannot be paused now. ${actions.pause.blockedBy}`);
      setKeyNote("");
      runBulk({ action: "pause", tasks: [task] });
    },
    [deployment.canPauseResume, openReply, runBulk],
  );

  const toggleStatus = (status: TaskStatus) =>
    update({ statuses: filters.statuses.includes(status) ? filters.statuses.filter((s) => s !== status) : [...filters.statuses, status] });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Tasks</h1>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          {list.dataUpdatedAt > 0 && <UpdatedAgo at={list.dataUpdatedAt} />}
          <Link to="/tasks/new" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            New task
          </Link>
        </div>
      </div>
      <FilterBar
        filters={filters}
        counts={view.counts}
        searchText={searchText}
        onSearchText={setSearchText}
        showPeoplePickers={canSeeOthers}
        onChange={update}
        onToggleStatus={toggleStatus}
      />
      {bulk.data && bulk.variables && <BulkResults action={bulk.variables.action} outcomes={bulk.data} onDismiss={() => bulk.reset()} />}
      <BulkBar
        selected={selectedRows}
        canPauseResume={deployment.canPauseResume}
        isBusy={bulk.isPending}
        onAction={run}
        onClear={() => setSelected(new Set())}
      />
      <p role="status" className="text-sm text-slate-700 empty:hidden">
        {keyNote}
      </p>
      <Suspense fallback={null}>
        {replies.sessions.map((id) => {
          const task = tasksById.get(id);
          return (
            task && <ReplySession key={id} task={task} open={replies.openId === id} onClose={replies.close} onProgress={replies.report} />
          );
        })}
      </Suspense>
      {confirming && (
        <ConfirmDeleteDialog tasks={confirming} onConfirm={() => run("delete", confirming)} onCancel={() => setConfirming(null)} />
      )}
      {list.data ? (
        <>
          <RefreshNotice failure={list.failureReason} error={list.error} updatedAt={list.dataUpdatedAt} />
          {list.data.tasks.length === 0 ? (
            <EmptyState filtered={filters.owner !== "" || filters.organization !== ""} />
          ) : view.rows.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 p-6 text-center">
              No tasks match these filters.{" "}
              <Link to="/tasks" className="text-sky-700 underline">
                Clear filters
              </Link>
            </p>
          ) : (
            <TaskTable
              tasks={view.rows}
              now={now}
              organizations={orgNames}
              waits={waits}
              stuck={stuck}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
              replies={replies.progress}
              canPauseResume={deployment.canPauseResume}
              onRowKey={onRowKey}
              onReply={openReply}
            />
          )}
        </>
      ) : list.isError && !isRateLimited(list.error) ? (
        <ErrorBanner error={describeError(list.error)} title="Could not load tasks" onRetry={() => void list.refetch()} />
      ) : (
        <>
          <RefreshNotice failure={list.failureReason} error={null} updatedAt={list.dataUpdatedAt} />
          <ListSkeleton />
        </>
      )}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** "(3) Tasks": the number of tasks waiting for input, visible from another tab. */
function useTabTitle(waiting: number) {
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) Tasks` : "Tasks";
    return () => {
      document.title = "Coder Tasks";
    };
  }, [waiting]);
}

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 p-8 text-center">
      <p className="font-medium">{filtered ? "No tasks for this owner or organization." : "No tasks yet."}</p>
      <Link to="/tasks/new" className="text-sky-700 underline">
        Create a task
      </Link>
    </div>
  );
}
