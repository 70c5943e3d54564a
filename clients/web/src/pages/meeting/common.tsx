import { Badge, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useGraphMutation } from "../../api/hooks";
import type { Warning } from "../../api";
import type { MeetingStatus, TypedDocumentString } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { format, messages, type Language, type MessageKey } from "../../i18n/messages";
import { formatInZone, formatRangeInZone, sameOffset, viewerZone, zoneName } from "../../time";

/** A time in the meeting's zone (named in the viewer's language), with the viewer's own beside it when it differs. */
export function MeetingTime({ instant, timeZone }: { instant: string; timeZone: string }) {
  const { t, language } = useI18n();
  const mine = viewerZone();
  return (
    <span>
      {t("meetingTime", { time: formatInZone(instant, timeZone, language), zone: zoneName(timeZone, instant, language) })}
      {!sameOffset(instant, timeZone, mine) && <span className="meta"> · {t("yourTime", { time: formatInZone(instant, mine, language) })}</span>}
    </span>
  );
}

/** A span of time (a working session) in the meeting's zone, with the viewer's own when it differs. */
export function TimeRange({ starts, ends, timeZone }: { starts: string; ends: string; timeZone: string }) {
  const { t, language } = useI18n();
  const mine = viewerZone();
  return (
    <span>
      {formatRangeInZone(starts, ends, timeZone, language)}
      {!sameOffset(starts, timeZone, mine) && <span className="meta"> · {t("yourTime", { time: formatRangeInZone(starts, ends, mine, language) })}</span>}
    </span>
  );
}

const statusColour: Record<MeetingStatus, "informative" | "brand" | "success" | "subtle" | "danger"> = {
  DRAFT: "informative",
  SCHEDULED: "brand",
  IN_PROGRESS: "success",
  CONCLUDED: "subtle",
  CANCELLED: "danger",
};

/** Where the meeting stands, in words. */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const label = useLabel();
  return (
    <Badge appearance="tint" color={statusColour[status]} className="meeting-status">
      {label("MeetingStatus", status)}
    </Badge>
  );
}

/**
 * A warning in the viewer's language: its code's sentence with the values the server sent (who is booked,
 * which venue, which group); without them its code's general wording; for a code this app does not know,
 * the server's sentence in English and a general wording elsewhere.
 */
export function describeWarning(warning: Warning, language: Language, t: (key: MessageKey) => string): string {
  const m = messages[language];
  const sentence = `reason_${warning.code}` as MessageKey;
  if (warning.values && warning.values.length > 0 && sentence in m) {
    try {
      return format(m[sentence], Object.fromEntries(warning.values.map((v) => [v.name, v.value])), language);
    } catch {
      // A value the sentence needs is missing: the general wording below.
    }
  }
  const key = `warning_${warning.code}` as MessageKey;
  if (key in m) return t(key);
  return language === "en" ? warning.message : t("warningOther");
}

const WarningsContext = createContext<(warnings: Warning[]) => void>(() => undefined);

/** What the server said about the last change (co-chairs of one group, a person already booked, a venue taken). */
export function WarningsProvider({ children }: { children: ReactNode }) {
  const { t, language } = useI18n();
  const [warnings, setWarnings] = useState<Warning[]>([]);
  return (
    <WarningsContext.Provider value={setWarnings}>
      <div role="status" aria-live="polite">
        {warnings.length > 0 && (
          <MessageBar intent="warning" className="warnings" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("warnings")}</MessageBarTitle>
              <ul>
                {warnings.map((w, i) => (
                  <li key={i}>{describeWarning(w, language, t)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {children}
    </WarningsContext.Provider>
  );
}

interface MeetingResult {
  result: { warnings: Warning[] };
}

/**
 * A change to a meeting: on success its warnings show at the top of the page (or are cleared), every read
 * is refreshed, and `then` runs (a toast, a form reset); a refusal stays on the mutation for the form.
 */
export function useMeetingChange<TData extends MeetingResult, TVariables>(document: TypedDocumentString<TData, TVariables>, then?: (data: TData) => void) {
  const setWarnings = useContext(WarningsContext);
  return useGraphMutation(
    document,
    useCallback(
      (data: TData) => {
        setWarnings(data.result.warnings);
        then?.(data);
      },
      [setWarnings, then],
    ),
  );
}
