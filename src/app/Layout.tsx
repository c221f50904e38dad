import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useState } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { NotificationSettings } from "../components/NotificationSettings.tsx";
import { TasksUnavailable } from "../components/TasksUnavailable.tsx";
import { ThemePicker, ThemeRoot } from "../components/theme.tsx";
import { deploymentNotice } from "../lib/coder-version.ts";
import { meQuery, useSignOut } from "../queries/auth.ts";
import { useDeployment } from "../queries/deployment.ts";
import { setNotificationPrefs, useNotificationPrefs, useTaskNotifications } from "./notifications.ts";
import { useShortcuts } from "./use-shortcuts.ts";

// Opened now and then, so loaded then: the first page's script stays small.
const ShortcutsDialog = lazy(() => import("../components/ShortcutsDialog.tsx").then((m) => ({ default: m.ShortcutsDialog })));

const navLink = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 ${isActive ? "bg-slate-700 text-white" : "text-slate-200 hover:bg-slate-800"}`;

const browserPermission = (): NotificationPermission | "unsupported" =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

export function Layout() {
  const me = useQuery(meQuery());
  const deployment = useDeployment();
  const notice = deployment.tasks === "available" ? deploymentNotice(deployment.version, deployment.api) : null;
  const signOut = useSignOut();
  const prefs = useNotificationPrefs(me.data?.id);
  const [permission, setPermission] = useState(browserPermission);
  const [isHelpOpen, setHelpOpen] = useState(false);
  useShortcuts(useCallback(() => setHelpOpen(true), []));
  useTaskNotifications(me.data?.id);
  return (
    <ThemeRoot>
      <header className="chrome bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link to="/tasks" className="font-semibold">
            Coder Tasks
          </Link>
          <nav aria-label="Main" className="flex gap-1 text-sm">
            <NavLink to="/tasks" end className={navLink}>
              Tasks
            </NavLink>
            <NavLink to="/tasks/new" className={navLink}>
              New task
            </NavLink>
            <NavLink to="/insights" className={navLink}>
              Insights
            </NavLink>
            <NavLink to="/wall" className={navLink}>
              Wall
            </NavLink>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <NotificationSettings
              prefs={prefs}
              permission={permission}
              onChange={(next) => me.data && setNotificationPrefs(me.data.id, next)}
              onAskPermission={() => void Notification.requestPermission().then(setPermission)}
            />
            <ThemePicker />
            <button
              type="button"
              className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
              aria-label="Keyboard shortcuts"
              onClick={() => setHelpOpen(true)}
            >
              ?
            </button>
            {me.data && (
              <span aria-label="Signed in as">
                {me.data.name || me.data.username} <span className="text-slate-300">({me.data.username})</span>
              </span>
            )}
            <button
              type="button"
              className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
              disabled={signOut.isPending}
              // Ending the session unmounts this page; the session guard then shows sign-in.
              onClick={() => signOut.mutate()}
            >
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">
        {notice && (
          <p role="note" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {notice}
          </p>
        )}
        {deployment.tasks === "missing" ? <TasksUnavailable version={deployment.version} /> : <Outlet />}
      </main>
      {isHelpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </ThemeRoot>
  );
}
