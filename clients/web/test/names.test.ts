import { describe, expect, it } from "vitest";

describe("names from Intl", () => {
  it("say countries and languages in each of the app's languages", () => {
    const region = (l: string) => new Intl.DisplayNames([l], { type: "region", fallback: "none" }).of("MA");
    const language = (l: string) => new Intl.DisplayNames([l], { type: "language", fallback: "none" }).of("ar");
    expect([region("en"), region("fr"), region("ar")]).toEqual(["Morocco", "Maroc", "المغرب"]);
    expect([language("en"), language("fr"), language("ar")]).toEqual(["Arabic", "arabe", "العربية"]);
  });
});
