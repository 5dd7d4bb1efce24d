"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";

type Choice = "AGREE" | "DISAGREE" | "PASS" | "SKIP";

type Props = {
  /** The server action the form posts to (lib/deck/actions `deckChoiceAction`): a plain POST without JavaScript. */
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  label: string;
  choices: ReadonlyArray<{ value: Choice; label: string; key: string }>;
  /** Shown only when the shortcuts work (JavaScript on). */
  shortcutsHint: string;
};

const noSubscribe = () => () => {};

/** Typing in a field, a select or an editable region keeps its keys: shortcuts only apply to the page itself. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("[contenteditable], [role=textbox], [role=combobox]") !== null;
}

/** The key pressed as a Latin letter: its character on Latin layouts, its physical key on others (Arabic, Russian…). */
function letterOf(event: KeyboardEvent): string | null {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const m = /^Key([A-Z])$/.exec(event.code);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The deck's answer buttons, one form per statement. Without JavaScript it is a plain form posting to
 * the server action; with it, A / D / P / S press the matching button (announced by aria-keyshortcuts).
 */
export function DeckChoiceForm({ action, hidden, label, choices, shortcutsHint }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const scripted = useSyncExternalStore(noSubscribe, () => true, () => false);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const letter = letterOf(event);
      const button = letter ? form.current?.querySelector<HTMLButtonElement>(`button[data-key="${letter}"]`) : null;
      if (!button || !form.current) return;
      event.preventDefault();
      form.current.requestSubmit(button);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form ref={form} action={action} aria-label={label} className="flex flex-col gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {choices.map((c) => (
          <button
            key={c.value}
            type="submit"
            name="choice"
            value={c.value}
            data-key={c.key}
            aria-keyshortcuts={c.key.toUpperCase()}
            className={c.value === "SKIP" ? "btn-secondary border-dashed" : c.value === "PASS" ? "btn-secondary" : "btn-primary"}
          >
            {c.label}
            {scripted ? (
              <kbd aria-hidden="true" className="rounded border border-current px-1 font-mono text-xs">
                {c.key.toUpperCase()}
              </kbd>
            ) : null}
          </button>
        ))}
      </div>
      {scripted ? <p className="text-sm text-muted">{shortcutsHint}</p> : null}
    </form>
  );
}
