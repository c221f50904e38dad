import { useEffect, useId, useRef, type ReactNode } from "react";

interface DialogProps {
  title: string;
  /** Called when the dialog closes for any reason: Escape, a close button, or the page. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus inside it, makes the page behind it inert and
 * closes it on Escape. Focus goes back to whatever opened it.
 */
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
      // A close queued while React remounted the dialog (StrictMode) arrives when it is open again: ignore it.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      className={`w-full ${className} rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50`}
    >
      <h2 id={titleId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
