import { useId, useState } from "react";
import type { NotificationPrefs, NotifyEvent } from "../lib/notify-events.ts";

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

/** A disclosure in the header: which of my tasks' events become desktop notifications. */
export function NotificationSettings({ prefs, permission, onChange, onAskPermission }: NotificationSettingsProps) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const on = Object.values(prefs).filter(Boolean).length;
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
        onClick={() => setOpen(!isOpen)}
      >
        Notifications{on > 0 ? ` (${on} on)` : ""}
      </button>
      {isOpen && (
        <div
          id={id}
          className="absolute right-0 z-20 mt-2 w-72 space-y-2 rounded-md bg-white p-3 text-sm text-slate-900 shadow-lg ring-1 ring-slate-200"
        >
          <fieldset className="space-y-1">
            <legend className="mb-1 font-semibold">Notify me when</legend>
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
          {permission === "unsupported" && <p className="text-slate-600">This browser cannot show desktop notifications.</p>}
          {permission === "denied" && <p className="text-slate-600">Notifications are blocked for this site in the browser's settings.</p>}
        </div>
      )}
    </div>
  );
}
