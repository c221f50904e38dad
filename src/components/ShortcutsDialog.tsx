import { Dialog, DialogClose } from "./Dialog.tsx";

export const SHORTCUTS: [string, string][] = [
  ["/", "Search"],
  ["j / k", "Next / previous task in the list"],
  ["Enter or o", "Open the focused task"],
  ["r", "Reply to the focused task"],
  ["p", "Pause the focused task"],
  ["n", "New task"],
  ["?", "These shortcuts"],
  ["Ctrl+Enter", "Send a message, or create the task"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="max-w-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 font-mono">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <DialogClose label="Close" />
    </Dialog>
  );
}
