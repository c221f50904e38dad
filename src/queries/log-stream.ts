import { useEffect, useMemo, useState } from "react";

export interface LogSource<T> {
  /** Opens Coder's follow socket after line `after`, or null where there can be none. */
  follow(after: number): WebSocket | null;
  /** The lines after `after`, as a plain request. */
  fetch(after: number, signal: AbortSignal): Promise<T[]>;
  /** One socket message as lines: a build log sends one line a message, an agent log a batch. */
  decode(data: unknown): T[];
}

export interface LogStream<T> {
  /** Every line so far, oldest first; the same array grows, so `version` says when it did. */
  lines: readonly T[];
  version: number;
  /** "live": following over a socket; "polling": no socket, asking every 2 s; "done": the log is complete. */
  mode: "loading" | "live" | "polling" | "done";
  error: unknown;
}

const POLL_MS = 2_000;
/** Lines arriving together are drawn together: at most one render per this many ms. */
const RENDER_EVERY_MS = 50;

/**
 * A build's or agent's log, followed while it is being written: the socket sends each line as Coder writes
 * it; if there is no socket, or it drops, plain requests every 2 s take over. Once `finished` (the job has
 * ended, the agent was replaced) one last request picks up anything missed and the stream stops. `key`
 * names the log; a new key starts a new one.
 */
export function useLogStream<T extends { id: number }>(key: string | null, source: LogSource<T>, finished: boolean): LogStream<T> {
  // One array per log (a new key starts a new one), grown in place by the effect: a 20,000-line log is never copied.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const lines = useMemo<T[]>(() => [], [key]);
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<LogStream<T>["mode"]>("loading");
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    let socket: WebSocket | null = null;
    let poll: ReturnType<typeof setTimeout> | undefined;
    let render: ReturnType<typeof setTimeout> | undefined;
    const lastId = () => lines[lines.length - 1]?.id ?? 0;
    const add = (more: T[]) => {
      const after = lastId();
      for (const line of more) if (line.id > after) lines.push(line);
      render ??= setTimeout(() => {
        render = undefined;
        setVersion((v) => v + 1);
      }, RENDER_EVERY_MS);
    };
    const request = async () => {
      try {
        add(await source.fetch(lastId(), abort.signal));
        setError(null);
      } catch (caught) {
        if (!abort.signal.aborted) setError(caught);
      }
    };
    const pollLoop = async () => {
      setMode("polling");
      await request();
      if (!abort.signal.aborted) poll = setTimeout(() => void pollLoop(), POLL_MS);
    };

    if (finished) {
      void request().then(() => !abort.signal.aborted && setMode("done"));
    } else {
      socket = source.follow(lastId());
      if (socket === null) {
        void pollLoop();
      } else {
        const opened = socket;
        opened.onopen = () => setMode("live");
        opened.onmessage = (message) => {
          try {
            add(source.decode(JSON.parse(String(message.data))));
          } catch {
            // A message that is not a log line is skipped.
          }
        };
        // Coder closes a follow when the log ends; any other end falls back to polling until `finished`.
        opened.onclose = (event) => {
          if (abort.signal.aborted) return;
          if (event.code === 1000) void request().then(() => !abort.signal.aborted && setMode("done"));
          else void pollLoop();
        };
      }
    }
    return () => {
      abort.abort();
      clearTimeout(poll);
      clearTimeout(render);
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
      setVersion((v) => v + 1);
    };
  }, [key, finished, source, lines]);

  return { lines, version, mode: key === null ? "loading" : mode, error };
}
