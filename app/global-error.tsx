"use client";

// The root layout itself failed, so no message catalog is available: a short bilingual-neutral page.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Parley is temporarily unavailable</h1>
        <p>Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ minHeight: "44px", padding: "0 1rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
