"use client";

import { useEffect, useRef, useState } from "react";
import { readServerHtml } from "@/lib/render/server-html";

/**
 * A block of server-produced, sanitised HTML whose text travels only in the document (see
 * lib/render/server-html.ts). On the server it renders the HTML stored under `token`; in the browser
 * it keeps what the document brought. After a client-side navigation (no document came with it) it
 * fetches the page (once for all such blocks on it) and takes the element with the same `name`; if that fails, it says so
 * and links to the page. Works without JavaScript: the document always carries the text.
 */
/** One fetch of the current document shared by every ServerHtml on the page (text, contents). */
let shared: { href: string; at: number; document: Promise<Document> } | null = null;

function currentDocument(signal: AbortSignal): Promise<Document> {
  const href = window.location.href;
  if (!shared || shared.href !== href || Date.now() - shared.at > 5_000) {
    const document = fetch(href, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => new DOMParser().parseFromString(text, "text/html"));
    document.catch(() => {
      if (shared?.document === document) shared = null;
    });
    shared = { href, at: Date.now(), document };
  }
  const { document } = shared;
  return new Promise((resolve, reject) => {
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    document.then(resolve, reject);
  });
}

export function ServerHtml({ token, name, failedLabel, ...attributes }: { token: string | null; name: string; failedLabel: string; className?: string; lang?: string; dir?: "ltr" | "rtl" }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const html = typeof window === "undefined" && token ? (readServerHtml(token) ?? "") : "";

  useEffect(() => {
    const element = ref.current;
    if (!element || element.childNodes.length > 0) return;
    const controller = new AbortController();
    currentDocument(controller.signal)
      .then((document) => {
        const source = document.querySelector(`[data-server-html="${CSS.escape(name)}"]`);
        if (!source || !element.isConnected) throw new Error("missing");
        element.innerHTML = source.innerHTML;
      })
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, [name]);

  return (
    <>
      <div ref={ref} data-server-html={name} {...attributes} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />
      {failed ? (
        <p role="alert">
          <a className="link" href="">
            {failedLabel}
          </a>
        </p>
      ) : null}
    </>
  );
}
