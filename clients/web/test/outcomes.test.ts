import { describe, expect, it } from "vitest";
import { addresseeOf, addresseeValue, outcomeText, recommendationFrom } from "../src/outcomes";

describe("outcomes", () => {
  it("read an addressee back from its choice value, with and without a key", () => {
    expect(addresseeOf(addresseeValue({ kind: "PARTNER_STATE", key: "MA" }))).toEqual({ kind: "PARTNER_STATE", key: "MA" });
    expect(addresseeOf(addresseeValue({ kind: "SECRETARIAT" }))).toEqual({ kind: "SECRETARIAT", key: null });
    expect(addresseeOf(addresseeValue({ kind: "WORKING_GROUP", key: "mtm/labour" }))).toEqual({ kind: "WORKING_GROUP", key: "mtm/labour" });
  });

  it("show a current translation in the viewer's language, and the original when it is missing or out of date", () => {
    const outcome = {
      language: "en",
      text: "Pursue the i-Map platform.",
      translations: [
        { language: "fr", text: "Poursuivre la plateforme i-Map.", stale: false },
        { language: "ar", text: "نص قديم", stale: true },
      ],
    };
    expect(outcomeText(outcome, "fr")).toEqual({ text: "Poursuivre la plateforme i-Map.", translated: true });
    expect(outcomeText(outcome, "ar")).toEqual({ text: "Pursue the i-Map platform.", translated: false });
    expect(outcomeText(outcome, "en")).toEqual({ text: "Pursue the i-Map platform.", translated: false });
  });

  it("read the recommendation a page was opened from, and nothing that does not read as one", () => {
    expect(recommendationFrom(new URLSearchParams("recommendation=mtm%2Fvalletta%23r2"))).toEqual({ meetingId: "mtm/valletta", outcomeId: "r2" });
    expect(recommendationFrom(new URLSearchParams(""))).toBeNull();
    expect(recommendationFrom(new URLSearchParams("recommendation=valletta%23r2"))).toBeNull();
    expect(recommendationFrom(new URLSearchParams("recommendation=mtm%2Fvalletta%23"))).toBeNull();
  });
});
