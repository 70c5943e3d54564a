import { useMemo } from "react";
import { useI18n } from "./i18n";

/**
 * Names the app does not keep in its message files because the browser knows them in every language:
 * countries by ISO code ("EG": Egypt, Égypte, مصر), languages by code ("fr": French, français, الفرنسية), and
 * lists joined as the language joins them ("Egypt, Morocco and Tunisia", "مصر والمغرب وتونس").
 */

/** A country's name in a language, from its ISO 3166 code; the code itself for one the browser does not know. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in a language, from its code ("ar", "pt-BR"). */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "language", fallback: "none" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items joined as the language joins a list ("a, b and c"). */
export function listOf(items: string[], language: string, type: "conjunction" | "unit" = "conjunction"): string {
  return new Intl.ListFormat(language, { style: "long", type }).format(items);
}

/** The names above in the viewer's language. */
export function useNames() {
  const { language } = useI18n();
  return useMemo(
    () => ({
      country: (code: string) => countryName(code, language),
      language: (code: string) => languageName(code, language),
      list: (items: string[]) => listOf(items, language),
      /** A number as the language writes it (digits, grouping). */
      number: (n: number) => new Intl.NumberFormat(language).format(n),
      /** Sorts by name as the language sorts. */
      compare: new Intl.Collator(language).compare,
    }),
    [language],
  );
}
