import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n";

/**
 * The warning a form held by useDraft shows when someone else saved the same thing while it was being edited:
 * saving would answer CONFLICT, so it offers to load their version.
 */
export function ChangedElsewhere({ draft, message }: { draft: { changedElsewhere: boolean; reload: () => void }; message: string }) {
  const { t } = useI18n();
  if (!draft.changedElsewhere) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={draft.reload}>{t("loadTheirs")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
