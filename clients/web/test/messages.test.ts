import { describe, expect, it } from "vitest";
import { direction, format, languages, messages } from "../src/i18n/messages";

describe("messages", () => {
  it("translate every key into every language, and no text is left empty", () => {
    const keys = Object.keys(messages.en).sort();
    for (const language of languages) {
      expect(Object.keys(messages[language]).sort()).toEqual(keys);
      for (const key of keys) expect(messages[language][key as keyof typeof messages.en].trim()).not.toBe("");
    }
  });

  it("keep the same placeholders in every language", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[])
      for (const language of languages) expect(placeholders(messages[language][key])).toEqual(placeholders(messages.en[key]));
  });

  it("fill placeholders and lay Arabic out right to left", () => {
    expect(format(messages.fr.waitlistPosition, { position: 3 })).toBe("Vous êtes numéro 3 sur la liste d'attente.");
    expect(format("{missing} stays", {})).toBe("{missing} stays");
    expect(direction("ar")).toBe("rtl");
    expect(direction("fr")).toBe("ltr");
  });
});
