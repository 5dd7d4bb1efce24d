import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { loadMessages } from "./load-messages";
import { argumentTemplate, memoizeLabel } from "./memo-labels";

describe("labels formatted once per render", () => {
  it("the permalink template gives what the catalog gives, in every locale", async () => {
    for (const locale of locales) {
      const messages = await loadMessages(locale);
      const t = createTranslator({ locale, messages: messages as never, namespace: "draftPage" as never }) as unknown as (k: string, v?: Record<string, unknown>) => string;
      const template = argumentTemplate((n) => t("permalink", { number: n }));
      for (const n of ["1", "2.3", "10.4.12", "A.1"]) expect(template(n)).toBe(t("permalink", { number: n }));
    }
  });

  it("the comment count is formatted once per distinct count, with the catalog's plural rules", async () => {
    for (const locale of locales) {
      const messages = await loadMessages(locale);
      const t = createTranslator({ locale, messages: messages as never, namespace: "draftPage" as never }) as unknown as (k: string, v?: Record<string, unknown>) => string;
      let calls = 0;
      const label = memoizeLabel((count: number) => {
        calls++;
        return t("comments", { count });
      });
      for (const count of [0, 1, 2, 0, 5, 1, 11, 0, 101]) expect(label(count)).toBe(t("comments", { count }));
      expect(calls).toBe(6);
    }
  });

  it("a message without the argument is constant", () => {
    expect(argumentTemplate(() => "Link")("x")).toBe("Link");
  });
});
