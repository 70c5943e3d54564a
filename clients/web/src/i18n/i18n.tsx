import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { direction, format, languages, messages, type Language, type MessageKey } from "./messages";

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = "collaboration.language";

/** The language the viewer chose last, else the browser's if it is one of ours, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (languages as readonly string[]).includes(browser) ? (browser as Language) : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = direction(language);
  }, [language]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => format(messages[language][key], values) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}
