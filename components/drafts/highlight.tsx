import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/drafts/highlight-marks";

/** Renders search highlights (marker characters from PostgreSQL's ts_headline) as <mark>, as text. */
export function Highlight({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part.replaceAll(HIGHLIGHT_END, "")}</span>;
        const [hit = "", rest = ""] = part.split(HIGHLIGHT_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
