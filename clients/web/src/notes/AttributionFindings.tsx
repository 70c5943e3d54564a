import { Button } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { highlight, type AttributionCheck } from "./notesState";

interface Props {
  text: string;
  result: AttributionCheck;
  /** Takes the guard's neutral rewording instead of the text. */
  onRewording: (rewording: string) => void;
  /** Sends the text as written: the writer says the guard is wrong (not in a strict meeting). */
  onNotAttribution?: () => void;
  /** Set when the writer tried to send before choosing. */
  insist?: boolean;
}

/**
 * What the attribution guard found in a text that has not left the writer yet: the text with each finding
 * marked in place and what it reveals, the neutral rewording to take, and (unless the meeting is strict)
 * "not attribution" for a false positive. Nothing here has been stored or sent.
 */
export function AttributionFindings({ text, result, onRewording, onNotAttribution, insist }: Props) {
  const { t } = useI18n();
  if (result.findings.length === 0) return null;
  return (
    <div className="attribution" role={insist ? "alert" : "status"} aria-live="polite">
      <p>{t("attributionFound")}</p>
      <p className="flagged-text" dir="auto" data-user-content>
        {highlight(text, result.findings).map((part, i) => (part.flagged ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </p>
      <ul>
        {result.findings.map((f, i) => (
          <li key={i}>
            {f.matched && <q dir="auto" data-user-content>{f.matched}</q>} {t(`finding_${f.kind}` as MessageKey)}
          </li>
        ))}
      </ul>
      {insist && <p className="field-error">{t(result.overrideAllowed ? "chooseFirst" : "chooseFirstStrict")}</p>}
      <div className="actions">
        {result.rewording ? (
          <Button appearance="primary" onClick={() => onRewording(result.rewording!)}>
            {t("useRewording")}: <span dir="auto" data-user-content>{result.rewording}</span>
          </Button>
        ) : (
          <p>{t("noRewording")}</p>
        )}
        {result.overrideAllowed && onNotAttribution ? (
          <Button onClick={onNotAttribution}>{t("notAttribution")}</Button>
        ) : (
          <p className="meta">{t("strictNoOverride")}</p>
        )}
      </div>
      {result.overrideAllowed && onNotAttribution && <p className="meta">{t("notAttributionHelp")}</p>}
    </div>
  );
}
