import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, PersonCircleRegular, SignOutRegular } from "@fluentui/react-icons";
import { useEffect, useId, useState, type ReactNode } from "react";
import { Link as RouterLink, useNavigate } from "react-router-dom";
import { SignOut } from "../api";
import { request } from "../api/graphql";
import { downloadPersonalData } from "../download";
import { useI18n } from "../i18n/i18n";
import { isLanguage, languages, messages } from "../i18n/messages";
import type { Viewer } from "../viewer";

const useStyles = makeStyles({
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: {
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    textDecorationLine: "none",
  },
  nav: { display: "flex", gap: tokens.spacingHorizontalM },
  navLink: { color: tokens.colorNeutralForegroundOnBrand },
  end: { marginInlineStart: "auto", display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  language: { minWidth: "8rem" },
  account: { color: tokens.colorNeutralForegroundOnBrand },
});

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
  const styles = useStyles();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t("language")}
      </label>
      <Select id={id} className={styles.language} value={language} onChange={(_, d) => isLanguage(d.value) && setLanguage(d.value)} appearance="filled-darker">
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {messages[l].languageName}
          </option>
        ))}
      </Select>
    </>
  );
}

function AccountMenu({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" className={styles.account} icon={<PersonCircleRegular />} aria-label={t("signedInAs", { name: viewer.person.name })}>
          {viewer.person.name}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<PersonCircleRegular />} onClick={() => navigate("/profile")}>
            {t("myProfile")}
          </MenuItem>
          <MenuItem
            icon={<ArrowDownloadRegular />}
            onClick={() => void downloadPersonalData()}
          >
            {t("myData")}
          </MenuItem>
          <MenuItem
            icon={<SignOutRegular />}
            onClick={async () => {
              await request(SignOut, {});
              window.location.assign("/");
            }}
          >
            {t("signOut")}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function Layout({ viewer, children }: { viewer: Viewer | null; children: ReactNode }) {
  const { t } = useI18n();
  const online = useOnline();
  const styles = useStyles();
  return (
    <>
      <a className="skip" href="#main">
        {t("skipToContent")}
      </a>
      <header className={styles.top}>
        <RouterLink to="/" className={styles.brand}>
          {t("appName")}
        </RouterLink>
        {viewer && (
          <nav aria-label={t("mainNavigation")} className={styles.nav}>
            <RouterLink to="/" className={styles.navLink}>
              {t("home")}
            </RouterLink>
          </nav>
        )}
        <div className={styles.end}>
          <LanguagePicker />
          {viewer && (
            <div className="who">
              <AccountMenu viewer={viewer} />
            </div>
          )}
        </div>
      </header>
      {!online && (
        <MessageBar intent="warning" role="status" className="offline">
          <MessageBarBody>{t("connectionLost")}</MessageBarBody>
        </MessageBar>
      )}
      <main id="main">{children}</main>
    </>
  );
}
