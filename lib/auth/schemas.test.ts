import { describe, expect, it } from "vitest";
import { ZProfileInput } from "@/lib/users/schemas";
import { ZRegisterInput, ZSignInInput } from "./schemas";

function firstError(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) {
  return result.error?.issues.find((i) => i.path[0] === field)?.message;
}

const good = { name: "Ana", email: " Ana@Example.ORG ", password: "a long enough pass", confirmPassword: "a long enough pass" };

describe("ZRegisterInput", () => {
  it("normalises the email address", () => {
    const r = ZRegisterInput.safeParse(good);
    expect(r.success && r.data.email).toBe("ana@example.org");
  });
  it.each([
    ["name", { ...good, name: "   " }, "required"],
    ["name", { ...good, name: "x".repeat(81) }, "tooLong80"],
    ["email", { ...good, email: "" }, "required"],
    ["email", { ...good, email: "not-an-email" }, "emailInvalid"],
    ["email", { ...good, email: `${"a".repeat(250)}@example.org` }, "emailTooLong"],
    ["password", { ...good, password: "short", confirmPassword: "short" }, "passwordTooShort"],
    ["password", { ...good, password: "p".repeat(201), confirmPassword: "p".repeat(201) }, "passwordTooLong"],
    ["confirmPassword", { ...good, confirmPassword: "something else" }, "passwordMismatch"],
  ])("rejects a bad %s with a catalog key", (field, input, key) => {
    expect(firstError(ZRegisterInput.safeParse(input), field)).toBe(key);
  });
});

describe("ZSignInInput", () => {
  it("requires both fields", () => {
    const r = ZSignInInput.safeParse({ email: "", password: "" });
    expect(firstError(r, "email")).toBe("required");
    expect(firstError(r, "password")).toBe("required");
  });
});

describe("ZProfileInput", () => {
  const profile = { name: "Ana", stakeholderGroup: "ACADEMIA", country: "fr", affiliation: "", speaksForOrganisation: "on" };
  it("accepts a complete profile and normalises it", () => {
    const r = ZProfileInput.safeParse(profile);
    expect(r.success && r.data).toEqual({ name: "Ana", stakeholderGroup: "ACADEMIA", country: "FR", affiliation: null, speaksForOrganisation: true });
  });
  it("treats a missing checkbox as not speaking for the organisation", () => {
    const r = ZProfileInput.safeParse({ ...profile, speaksForOrganisation: undefined });
    expect(r.success && r.data.speaksForOrganisation).toBe(false);
  });
  it.each([
    ["stakeholderGroup", { ...profile, stakeholderGroup: "" }, "chooseGroup"],
    ["stakeholderGroup", { ...profile, stakeholderGroup: "ROYALTY" }, "chooseGroup"],
    ["country", { ...profile, country: "XX" }, "countryInvalid"],
    ["affiliation", { ...profile, affiliation: "a".repeat(121) }, "tooLong120"],
  ])("rejects a bad %s", (field, input, key) => {
    expect(firstError(ZProfileInput.safeParse(input), field)).toBe(key);
  });
});
