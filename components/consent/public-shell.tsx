import type { ReactNode } from "react";

/**
 * The frame of the respondent's pages reached from e-mails (confirmation,
 * preference centre): light, mobile first, in the campaign's colour.
 */
export function PublicShell({ brandColor, footer, children }: { brandColor?: string; footer?: ReactNode; children: ReactNode }) {
  const color = brandColor && /^#[0-9a-f]{6}$/i.test(brandColor) ? brandColor : "#b4235a";
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col px-4 py-6 sm:py-12">
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-8" style={{ borderTop: `4px solid ${color}` }}>
        {children}
      </div>
      {footer && <footer className="mt-4 text-center text-xs text-muted">{footer}</footer>}
    </main>
  );
}

/** The brand-coloured main button of a respondent page (submit by default). */
export function brandButtonStyle(brandColor?: string) {
  const color = brandColor && /^#[0-9a-f]{6}$/i.test(brandColor) ? brandColor : "#b4235a";
  return { backgroundColor: color };
}
