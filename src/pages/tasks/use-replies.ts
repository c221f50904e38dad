import { useCallback, useMemo, useState } from "react";
import type { ReplyProgress } from "./ReplySession.tsx";

/**
 * The list's replies: which tasks have one (each keeps its draft and its send until the page goes), which one
 * has its dialog open, and what each is doing, for its row.
 */
export function useReplies() {
  const [sessions, setSessions] = useState<readonly string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ReadonlyMap<string, ReplyProgress>>(new Map());
  const open = useCallback((id: string) => {
    setSessions((prev) => (prev.includes(id) ? prev : [...prev, id]));
    setOpenId(id);
  }, []);
  const close = useCallback(() => setOpenId(null), []);
  const report = useCallback((id: string, next: ReplyProgress | null) => {
    setProgress((prev) => {
      const current = prev.get(id);
      if (current?.text === next?.text && current?.pending === next?.pending) return prev;
      const map = new Map(prev);
      if (next) map.set(id, next);
      else map.delete(id);
      return map;
    });
  }, []);
  const pending = useMemo(() => [...progress.values()].some((p) => p.pending), [progress]);
  return { sessions, openId, progress, pending, open, close, report };
}
