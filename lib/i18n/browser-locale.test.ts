import { describe, expect, it } from "vitest";
import { browserLocale } from "./browser-locale";

describe("browserLocale", () => {
  it("prefers the NEXT_LOCALE cookie, then the browser's languages by primary subtag, then English", () => {
    expect(browserLocale("a=1; NEXT_LOCALE=ar; b=2", ["fr-FR"])).toBe("ar");
    expect(browserLocale("NEXT_LOCALE=xx", ["zh-Hans-CN", "en"])).toBe("zh");
    expect(browserLocale("", ["de-DE", "ru-RU"])).toBe("ru");
    expect(browserLocale("", ["de-DE"])).toBe("en");
  });
});
