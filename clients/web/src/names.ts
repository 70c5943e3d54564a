/**
 * Names the browser knows in every language: countries by ISO code and languages by code, so "EG" reads
 * "Egypt", "Égypte" or "مصر" and "fr" reads "French", "français" or "الفرنسية".
 */

function displayName(type: "region" | "language", code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type, fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const countryName = (code: string, language: string) => displayName("region", code.toUpperCase(), language);

export const languageName = (code: string, language: string) => displayName("language", code, language);

/** Sorts by a name as the viewer's language sorts it (Arabic letters, French accents). */
export function byName<T>(items: T[], name: (item: T) => string, language: string): T[] {
  const collator = new Intl.Collator(language);
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
