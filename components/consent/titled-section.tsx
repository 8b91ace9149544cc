import type { ReactNode } from "react";

/** A page section with its heading (and an optional lead), labelled for screen readers. */
export function TitledSection({ id, title, lead, level = "h2", className = "mt-8", children }: { id: string; title: ReactNode; lead?: ReactNode; level?: "h2" | "h3"; className?: string; children?: ReactNode }) {
  const Heading = level;
  return (
    <section aria-labelledby={`${id}-title`} id={id} className={className}>
      <Heading id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </Heading>
      {lead && <p className="mt-1 text-sm text-muted">{lead}</p>}
      {children}
    </section>
  );
}

/** Label/value pairs of a person's data; empty values show a dash. */
export function DataList({ items, labelWidth = "10rem" }: { items: ReadonlyArray<readonly [label: string, value: string]>; labelWidth?: string }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[var(--label)_1fr]" style={{ ["--label" as string]: labelWidth }}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="break-words">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
