import { useMemo } from "react";
import { useI18n } from "./i18n";

/**
 * Names the browser knows in every language: countries (the partner states, host countries) and languages
 * (a meeting's working languages), from Intl.DisplayNames. "MA" reads Morocco, Maroc, المغرب; "ar" reads
 * Arabic, arabe, العربية. The server's English name is the fallback for a code Intl does not know.
 */
export function useNames() {
  const { language } = useI18n();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    const languages = new Intl.DisplayNames([language], { type: "language", fallback: "none" });
    return {
      country: (code: string | null | undefined, fallback?: string | null) => (code ? regions.of(code.toUpperCase()) ?? fallback ?? code : fallback ?? ""),
      language: (code: string | null | undefined) => (code ? languages.of(code) ?? code : ""),
    };
  }, [language]);
}
