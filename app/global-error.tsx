"use client";

// Last resort when the root layout itself fails: no translations available, both languages shown.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "5rem 1rem" }}>
        <h1>Une erreur est survenue</h1>
        <p lang="en">Something went wrong.</p>
        <button type="button" onClick={reset}>Réessayer / Try again</button>
      </body>
    </html>
  );
}
