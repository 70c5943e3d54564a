import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { direction } from "../i18n/messages";

/**
 * Fluent UI, the design system of the Outlook and Teams the secretariat works in, laid out right to left in
 * Arabic. Its portals (menus, dialogs, pickers) follow the same direction.
 */
export function Theme({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <FluentProvider theme={webLightTheme} dir={direction(language)} className="app-root">
      {children}
    </FluentProvider>
  );
}
