import { useId, useSyncExternalStore, type ReactNode } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const KEY = "coder-tasks.theme";
const listeners = new Set<() => void>();
const darkQuery = () => (typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null);

function readChoice(): ThemeChoice {
  const stored = window.localStorage.getItem(KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = darkQuery();
  media?.addEventListener("change", listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener("change", listener);
  };
}

export function setThemeChoice(choice: ThemeChoice): void {
  if (choice === "system") window.localStorage.removeItem(KEY);
  else window.localStorage.setItem(KEY, choice);
  for (const listener of listeners) listener();
}

/** The user's choice, and whether the page is dark: following the system unless told otherwise. */
export function useTheme(): { choice: ThemeChoice; isDark: boolean } {
  const choice = useSyncExternalStore(subscribe, readChoice);
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery()?.matches ?? false);
  return { choice, isDark: choice === "dark" || (choice === "system" && systemDark) };
}

/** The app's themed surface: the dark palette (theme-dark.css) applies to everything inside it. */
export function ThemeRoot({ children }: { children: ReactNode }) {
  const { isDark } = useTheme();
  return <div className={`${isDark ? "dark" : ""} min-h-screen bg-slate-50 text-slate-900`}>{children}</div>;
}

export function ThemePicker() {
  const id = useId();
  const { choice } = useTheme();
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={id} className="text-slate-300">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}
        className="rounded bg-slate-800 px-1 py-0.5 text-white ring-1 ring-slate-600"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
