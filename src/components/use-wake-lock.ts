import { useEffect } from "react";

/** Keeps the screen on where the browser allows it (Screen Wake Lock API), again after the tab is shown. */
export function useWakeLock(): void {
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    let isActive = true;
    const acquire = async () => {
      if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
      try {
        const next = await navigator.wakeLock.request("screen");
        if (isActive) lock = next;
        else void next.release();
      } catch {
        // Refused (no user gesture yet, battery saver, or not allowed here): the wall still works.
      }
    };
    void acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      isActive = false;
      document.removeEventListener("visibilitychange", acquire);
      void lock?.release();
    };
  }, []);
}
