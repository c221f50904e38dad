import { lazy, Suspense, useState } from "react";
import type { NotificationPrefs } from "../lib/notify-events.ts";

// The choices load when the dialog first opens: the first page's script stays small.
const NotificationDialog = lazy(() => import("./NotificationDialog.tsx"));

export interface NotificationSettingsProps {
  prefs: NotificationPrefs;
  /** "unsupported" when the browser has no Notification API. */
  permission: NotificationPermission | "unsupported";
  onChange: (prefs: NotificationPrefs) => void;
  onAskPermission: () => void;
}

/** A button in the header that opens the choice of which of my tasks' events become desktop notifications. */
export function NotificationSettings(props: NotificationSettingsProps) {
  const [isOpen, setOpen] = useState(false);
  const on = Object.values(props.prefs).filter(Boolean).length;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
        onClick={() => setOpen(true)}
      >
        Notifications{on > 0 ? ` (${on} on)` : ""}
      </button>
      {isOpen && (
        <Suspense fallback={null}>
          <NotificationDialog {...props} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
