import { describe, expect, it } from "vitest";
import { messages } from "../src/i18n/messages";
import { describeWarning } from "../src/pages/meeting/common";

const t = (language: "en" | "fr" | "ar") => (key: keyof typeof messages.en) => messages[language][key];

describe("warnings", () => {
  const booked = { code: "PERSON_BOOKED", message: "Ana is already booked.", values: [{ name: "name", value: "Ana Ruiz" }, { name: "title", value: "Workshop on remittances" }] };

  it("says a warning in the viewer's language with the values the server sent", () => {
    expect(describeWarning(booked, "fr", t("fr"))).toContain("Ana Ruiz");
    expect(describeWarning(booked, "fr", t("fr"))).toContain("Workshop on remittances");
    expect(describeWarning(booked, "ar", t("ar"))).toContain("Ana Ruiz");
    expect(describeWarning(booked, "fr", t("fr"))).not.toBe(booked.message);
  });

  it("falls back to the code's general wording when a value is missing, and to a general sentence for an unknown code", () => {
    expect(describeWarning({ ...booked, values: [{ name: "name", value: "Ana Ruiz" }] }, "fr", t("fr"))).toBe(messages.fr.warning_PERSON_BOOKED);
    expect(describeWarning({ code: "SOMETHING_NEW", message: "Something new." }, "ar", t("ar"))).toBe(messages.ar.warningOther);
    expect(describeWarning({ code: "SOMETHING_NEW", message: "Something new." }, "en", t("en"))).toBe("Something new.");
  });
});
