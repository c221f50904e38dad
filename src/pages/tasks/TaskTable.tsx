import { Link } from "react-router";
import type { Task } from "../../api/types.ts";
import { RelativeTime } from "../../components/RelativeTime.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { taskPath } from "../../lib/paths.ts";
import { STATE_LABEL } from "../../lib/status.ts";

export function TaskTable({ tasks, now }: { tasks: Task[]; now: number }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tasks you can see</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Task</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium">Owner</th>
            <th scope="col" className="px-3 py-2 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tasks.map((task) => (
            <tr key={task.id}>
              <td className="px-3 py-2">
                <Link to={taskPath(task)} className="font-medium text-sky-800 hover:underline">
                  {task.display_name || task.name}
                </Link>
                <div className="text-xs text-slate-500">{task.name}</div>
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={task.status} />
                {task.current_state && (
                  <div className="mt-1 max-w-md truncate text-xs text-slate-600" title={task.current_state.message}>
                    {STATE_LABEL[task.current_state.state] ?? task.current_state.state}
                    {task.current_state.message && `: ${task.current_state.message}`}
                  </div>
                )}
              </td>
              <td className="px-3 py-2">{task.owner_name}</td>
              <td className="px-3 py-2 text-slate-600">
                <RelativeTime iso={task.updated_at} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
