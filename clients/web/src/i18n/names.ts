import { useMemo } from "react";
import { useI18n } from "./i18n";

/** Items joined as the language joins a list ("a, b and c", "مصر والمغرب وتونس"). */
export function listOf(items: string[], language: string, type: "conjunction" | "unit" = "conjunction"): string {
  return new Intl.ListFormat(language, { style: "long", type }).format(items);
}

/**
 * Names the browser knows in every language: countries (the partner states, host countries) and languages
 * (a meeting's working languages), from Intl.DisplayNames. "MA" reads Morocco, Maroc, المغرب; "ar" reads
 * Arabic, arabe, العربية. The server's English name is the fallback for a code Intl does not know. Also lists
 * joined, numbers written and names sorted as the viewer's language does.
 */
export function useNames() {
  const { language } = useI18n();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    const languages = new Intl.DisplayNames([language], { type: "language", fallback: "none" });
    return {
      country: (code: string | null | undefined, fallback?: string | null) => (code ? regions.of(code.toUpperCase()) ?? fallback ?? code : fallback ?? ""),
      language: (code: string | null | undefined) => (code ? languages.of(code) ?? code : ""),
      list: (items: string[]) => listOf(items, language),
      /** A number as the language writes it (digits, grouping). */
      number: (n: number) => new Intl.NumberFormat(language).format(n),
      /** Sorts by name as the language sorts. */
      compare: new Intl.Collator(language).compare,
    };
  }, [language]);
}
