import { getTranslations } from "next-intl/server";

/** The lookup form: a plain GET to /receipts (works without JavaScript), which opens the number's page. */
export async function ReceiptLookupForm({ value = "", error }: { value?: string; error?: string }) {
  const t = await getTranslations("receipts");
  return (
    <form method="get" action="/receipts" className="flex flex-col gap-2" role="search" aria-label={t("lookupTitle")}>
      <label htmlFor="receipt-number" className="font-semibold">
        {t("numberLabel")}
      </label>
      <p id="receipt-number-hint" className="text-sm text-muted">
        {t("numberHint")}
      </p>
      {error ? (
        <p id="receipt-number-error" className="text-sm font-semibold text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <input
          id="receipt-number"
          name="n"
          className="input min-w-0 flex-1 font-mono"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={160}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={`receipt-number-hint${error ? " receipt-number-error" : ""}`}
        />
        <button type="submit" className="btn-primary">
          {t("lookUp")}
        </button>
      </div>
    </form>
  );
}
