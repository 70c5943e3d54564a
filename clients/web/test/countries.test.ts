import { describe, expect, it } from "vitest";
import { countryCodes, countryNamesOf } from "../src/i18n/countries";

describe("countries", () => {
  it("are the 249 assigned ISO codes the server accepts, each once", () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    expect(countryCodes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });

  it("are named in each working language", () => {
    expect(countryNamesOf("TN")).toEqual({ en: "Tunisia", fr: "Tunisie", ar: "تونس" });
  });
});
