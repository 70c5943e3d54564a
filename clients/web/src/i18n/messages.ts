import { IntlMessageFormat } from "intl-messageformat";
import ar from "./ar.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import fr from "./fr.json" with { type: "json" };

/**
 * Every string the app shows, in the dialogue's three working languages: one ICU MessageFormat file per
 * language (plurals in each language's own forms: Arabic has six). A test checks that every key exists in
 * all three, that every message parses and that each keeps the English one's arguments.
 */
export const languages = ["en", "fr", "ar"] as const;
export type Language = (typeof languages)[number];
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number>;

export const messages: Record<Language, Messages> = { en, fr, ar };

/** Formats one message of a language (ICU: {name}, {count, plural, …}) with its values. */
export function format(message: string, values: MessageValues = {}, language: Language = "en"): string {
  return String(new IntlMessageFormat(message, language).format(values));
}

export function isLanguage(value: string | null | undefined): value is Language {
  return (languages as readonly string[]).includes(value ?? "");
}

export function direction(language: Language): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}
