import type { NotifyEvent } from "../lib/notify-events.ts";
import { Dialog, DialogClose } from "./Dialog.tsx";
import type { NotificationSettingsProps } from "./NotificationSettings.tsx";

const EVENTS: { event: NotifyEvent; label: string }[] = [
  { event: "waiting", label: "A task is waiting for my input" },
  { event: "complete", label: "A task completes" },
  { event: "failed", label: "A task fails" },
];

/** Which of my tasks' events become desktop notifications. */
export default function NotificationDialog({
  prefs,
  permission,
  onChange,
  onAskPermission,
  onClose,
}: NotificationSettingsProps & { onClose: () => void }) {
  return (
    <Dialog title="Notifications" onClose={onClose} className="max-w-sm">
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
  );
}
