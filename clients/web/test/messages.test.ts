import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { direction, format, languages, messages, type MessageKey } from "../src/i18n/messages";

/** The arguments a message takes, by name (a plural's branches may use others: they count too). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

const keys = Object.keys(messages.en).sort() as MessageKey[];

describe("messages", () => {
  it("translate every key into every language, and no text is left empty", () => {
    for (const language of languages) {
      expect(Object.keys(messages[language]).sort()).toEqual(keys);
      for (const key of keys) expect(messages[language][key].trim(), `${language}.${key}`).not.toBe("");
    }
  });

  it("are kept in key order in each file, so additions from several people merge cleanly", () => {
    for (const language of languages) {
      const order = Object.keys(messages[language]);
      expect(order, language).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it("all parse as ICU messages and take the English one's arguments", () => {
    for (const key of keys) {
      const english = [...argumentsOf(parse(messages.en[key]))].sort();
      for (const language of languages) {
        const parsed = parse(messages[language][key]);
        expect([...argumentsOf(parsed)].sort(), `${language}.${key}`).toEqual(english);
      }
    }
  });

  it("give every plural the forms its language has (Arabic six, French and English one and other)", () => {
    const required = { en: ["one", "other"], fr: ["one", "other"], ar: ["zero", "one", "two", "few", "many", "other"] };
    const plurals = (elements: MessageFormatElement[]): string[][] =>
      elements.flatMap((e) => (e.type === TYPE.plural ? [Object.keys(e.options), ...Object.values(e.options).flatMap((o) => plurals(o.value))] : []));
    for (const language of languages)
      for (const key of keys)
        for (const forms of plurals(parse(messages[language][key])))
          if (!(forms.length === 1 && forms[0] === "other" && language === "en"))
            expect(forms.filter((f) => !f.startsWith("=")).sort(), `${language}.${key}`).toEqual([...required[language]].sort());
  });

  it("count in each language's own plural forms", () => {
    expect(format(messages.en.offlineQueued, { count: 1 }, "en")).toBe("1 entry waiting to be sent");
    expect(format(messages.en.offlineQueued, { count: 3 }, "en")).toBe("3 entries waiting to be sent");
    expect(format(messages.fr.offlineQueued, { count: 0 }, "fr")).toBe("0 entrée en attente d'envoi");
    expect(format(messages.ar.offlineQueued, { count: 2 }, "ar")).toBe("مداخلتان بانتظار الإرسال");
    expect(format(messages.ar.offlineQueued, { count: 3 }, "ar")).toBe("3 مداخلات بانتظار الإرسال");
    expect(format(messages.ar.offlineQueued, { count: 11 }, "ar")).toBe("11 مداخلة بانتظار الإرسال");
  });

  it("fill placeholders and lay Arabic out right to left", () => {
    expect(format(messages.fr.waitlistPosition, { position: 3 }, "fr")).toBe("Vous êtes numéro 3 sur la liste d'attente.");
    expect(direction("ar")).toBe("rtl");
    expect(direction("fr")).toBe("ltr");
  });
});

describe("enums", () => {
  it("have a wording for every value of every enum of the schema, in every language", async () => {
    const { readFileSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    const { buildSchema, isEnumType } = await import("graphql");
    const schema = buildSchema(readFileSync(resolve(process.cwd(), "schema.graphql"), "utf8"));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap()))
      if (isEnumType(type) && !type.name.startsWith("__"))
        for (const value of type.getValues())
          for (const language of languages)
            if (!(`${type.name}.${value.name}` in messages[language])) missing.push(`${language}: ${type.name}.${value.name}`);
    expect(missing).toEqual([]);
  });
});
