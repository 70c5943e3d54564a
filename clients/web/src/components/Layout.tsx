import { useEffect, useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { request } from "../api/graphql";
import { PersonalDataQuery, SignOut, type Viewer } from "../api/operations";
import { downloadText } from "../download";
import { useI18n } from "../i18n/i18n";
import { languages, messages, type Language } from "../i18n/messages";

/** Whether the browser says it is online: a lost connection is shown, never hidden. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

export function LanguagePicker() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t("language")}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t("language")}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {messages[l].languageName}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <>
      <a className="skip" href="#main">
        {t("home")}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t("appName")}
        </Link>
        <nav aria-label={t("home")}>
          <Link to="/">{t("dialogues")}</Link>
        </nav>
        <div className="top-end">
          <LanguagePicker />
          {viewer && (
            <>
              <span className="who">{t("signedInAs", { name: viewer.person.name })}</span>
              <button
                type="button"
                onClick={async () => {
                  const { personalData } = await request(PersonalDataQuery, {});
                  downloadText("personal-data.json", personalData);
                }}
              >
                {t("myData")}
              </button>
              <button
                type="button"
                onClick={async () => {
                  await request(SignOut);
                  window.location.assign("/");
                }}
              >
                {t("signOut")}
              </button>
            </>
          )}
        </div>
      </header>
      {!online && (
        <p className="banner offline" role="status">
          {t("connectionLost")}
        </p>
      )}
      <main id="main">{children}</main>
    </>
  );
}
