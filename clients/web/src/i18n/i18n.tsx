import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { IntlProvider, useIntl, type IntlShape } from "react-intl";
import { direction, isLanguage, languages, messages, type Language, type MessageKey, type MessageValues } from "./messages";

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** One message in the viewer's language (ICU: plurals, numbers and dates in the language's own forms). */
  t: (key: MessageKey, values?: MessageValues) => string;
  intl: IntlShape;
}

const LanguageContext = createContext<{ language: Language; setLanguage: (language: Language) => void } | null>(null);
const storageKey = "collaboration.language";

/** The language the viewer chose last, else the browser's if it is one of ours, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : "en";
}

/** Whether the viewer chose a language on this device (then their profile's preference does not override it). */
export const languageChosenHere = () => isLanguage(localStorage.getItem(storageKey));

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
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={language} messages={messages[language]} defaultLocale="en" onError={reportMissing}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

/** A missing or broken message is a bug the tests must see, not a silent fallback to its key. */
function reportMissing(error: Error) {
  console.error(error);
}

export function useI18n(): I18n {
  const context = useContext(LanguageContext);
  const intl = useIntl();
  if (!context) throw new Error("useI18n outside I18nProvider");
  const { language, setLanguage } = context;
  const t = useCallback((key: MessageKey, values?: MessageValues) => intl.formatMessage({ id: key }, values), [intl]);
  return useMemo(() => ({ language, setLanguage, t, intl }), [language, setLanguage, t, intl]);
}

export { languages };
