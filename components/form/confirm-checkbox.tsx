/**
 * The confirmation box of a destructive or public action (hide, suspend, close now, publish). It is
 * sent as `confirm=on` and required by the action's zod schema on the server, so the step works
 * without JavaScript; no `required` attribute, so the server's localised message is what people see.
 */
export function ConfirmCheckbox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <label htmlFor={id} className="flex min-h-11 items-center gap-2">
        <input id={id} type="checkbox" name="confirm" value="on" aria-required="true" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="size-5 shrink-0" />
        <span>{label}</span>
      </label>
    </div>
  );
}
