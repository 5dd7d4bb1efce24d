import { describe, expect, it } from "vitest";
import { directionOf } from "./config";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it("prefers the cookie the language switcher set", () => {
    expect(negotiateLocale("ar", "fr-FR,fr;q=0.9")).toBe("ar");
  });
  it("falls back to the browser's languages, by quality", () => {
    expect(negotiateLocale(undefined, "de-DE,de;q=0.9,es;q=0.8,en;q=0.5")).toBe("es");
    expect(negotiateLocale(undefined, "zh-CN,zh;q=0.9")).toBe("zh");
    expect(negotiateLocale(undefined, "ru")).toBe("ru");
  });
  it("ignores an unknown cookie and unknown languages", () => {
    expect(negotiateLocale("xx", null)).toBe("en");
    expect(negotiateLocale(undefined, "de-DE")).toBe("en");
    expect(negotiateLocale(undefined, "!!garbage")).toBe("en");
  });
  it("lays Arabic out right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("zh")).toBe("ltr");
  });
});
