import { useEffect } from "react";
import { useNavigate } from "react-router";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);

/** Moves focus to the next or previous task link of the list (rows mark their link data-row-link). */
function moveInList(step: 1 | -1): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-row-link]")];
  if (links.length === 0) return;
  // From any control in a row (its Reply button, its checkbox), the row's own link is where it stands.
  const current = document.activeElement?.closest("tr")?.querySelector("a[data-row-link]") ?? document.activeElement;
  const at = links.findIndex((a) => a === current);
  const next = links[at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + step))];
  next?.focus();
  next?.scrollIntoView?.({ block: "nearest" });
}

/**
 * `/` search, `j`/`k` move through the list (Enter opens, as links do), `n` new task, `?` the list of keys.
 * The keys that act on the focused row (reply, pause, open) belong to the list's table.
 */
export function useShortcuts(onHelp: () => void): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === "/") {
        const search = document.querySelector<HTMLInputElement>("input[data-shortcut-search]");
        if (!search) return;
        e.preventDefault();
        search.focus();
      } else if (e.key === "j" || e.key === "k") {
        moveInList(e.key === "j" ? 1 : -1);
      } else if (e.key === "n") {
        navigate("/tasks/new");
      } else if (e.key === "?") {
        onHelp();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, onHelp]);
}
