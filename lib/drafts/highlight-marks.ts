/** Marks around matched words in search highlights; the UI turns them into <mark> (never raw HTML). */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";
