"use client";

import { useEffect, useRef, useState } from "react";
import { readServerHtml } from "@/lib/render/server-html";

/**
 * A block of server-produced, sanitised HTML whose text travels only in the document (see
 * lib/render/server-html.ts). On the server it renders the HTML stored under `token`; in the browser
 * it keeps what the document brought. After a client-side navigation (no document came with it) it
 * fetches the page and takes the element with the same `name` from it; if that fails, it says so
 * and links to the page. Works without JavaScript: the document always carries the text.
 */
export function ServerHtml({ token, name, failedLabel, ...attributes }: { token: string | null; name: string; failedLabel: string; className?: string; lang?: string; dir?: "ltr" | "rtl" }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const html = typeof window === "undefined" && token ? (readServerHtml(token) ?? "") : "";

  useEffect(() => {
    const element = ref.current;
    if (!element || element.childNodes.length > 0) return;
    const controller = new AbortController();
    fetch(window.location.href, { credentials: "same-origin", signal: controller.signal, headers: { accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => {
        const source = new DOMParser().parseFromString(text, "text/html").querySelector(`[data-server-html="${CSS.escape(name)}"]`);
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
