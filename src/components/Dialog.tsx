import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes back to the first (and Shift+Tab the other way), not out to the browser. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== "Tab") return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  }
}

interface DialogProps {
  title: string;
  /** Called when the dialog closes for any reason: Escape, a close button, or the page. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser makes the page behind it inert and closes it on Escape; Tab
 * cycles through its controls. Focus goes back to whatever opened it.
 */
/** The button that closes the dialog it is in (a form with method="dialog", as the browser defines it). */
export function DialogClose({ label }: { label: string }) {
  return (
    <form method="dialog">
      <button type="submit" className="mt-4 rounded px-3 py-1.5 text-sm ring-1 ring-slate-300">
        {label}
      </button>
    </form>
  );
}

export function Dialog({ title, onClose, children, className = "max-w-lg" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onKeyDown={keepFocusInside}
      // A close queued while React remounted the dialog (StrictMode) arrives when it is open again: ignore it.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      className={`m-auto w-full ${className} rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50`}
    >
      <h2 id={titleId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
