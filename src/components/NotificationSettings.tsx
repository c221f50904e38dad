import { useState } from "react";
import type { NotificationPrefs, NotifyEvent } from "../lib/notify-events.ts";
import { Dialog, DialogClose } from "./Dialog.tsx";

const EVENTS: { event: NotifyEvent; label: string }[] = [
  { event: "waiting", label: "A task is waiting for my input" },
  { event: "complete", label: "A task completes" },
  { event: "failed", label: "A task fails" },
];

interface NotificationSettingsProps {
  prefs: NotificationPrefs;
  /** "unsupported" when the browser has no Notification API. */
  permission: NotificationPermission | "unsupported";
  onChange: (prefs: NotificationPrefs) => void;
  onAskPermission: () => void;
}

/** A button in the header that opens the choice of which of my tasks' events become desktop notifications. */
export function NotificationSettings({ prefs, permission, onChange, onAskPermission }: NotificationSettingsProps) {
  const [isOpen, setOpen] = useState(false);
  const on = Object.values(prefs).filter(Boolean).length;
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
        <Dialog title="Notifications" onClose={() => setOpen(false)} className="max-w-sm">
          <fieldset className="space-y-1 text-sm">
            <legend className="mb-1 font-medium">Notify me when</legend>
            {EVENTS.map(({ event, label }) => (
              <label key={event} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={prefs[event]}
                  disabled={permission === "unsupported" || permission === "denied"}
                  onChange={(e) => {
                    if (e.target.checked && permission === "default") onAskPermission();
                    onChange({ ...prefs, [event]: e.target.checked });
                  }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {permission === "unsupported" && <p className="mt-2 text-sm text-slate-600">This browser cannot show desktop notifications.</p>}
          {permission === "denied" && (
            <p className="mt-2 text-sm text-slate-600">Notifications are blocked for this site in the browser's settings.</p>
          )}
          <DialogClose label="Done" />
        </Dialog>
      )}
    </>
  );
}
