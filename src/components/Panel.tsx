import { useId, type ReactNode } from "react";

/** A titled card: a region named by its heading. */
export function Panel({ title, children, className = "" }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-md border border-slate-200 bg-white p-4 text-sm ${className}`}>
      <h2 id={id} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
