import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { SetMeetingChairs, type Dialogue, type Meeting } from "../../api";
import { FormError, fieldError } from "../../components/Field";
import { PersonPicker } from "../../components/PersonPicker";
import { useNotify } from "../../components/Toasts";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { useMeetingChange } from "./common";
import { sharedRegionalGroup } from "./logic";
import { mayCoChair, mayReport, peopleOf } from "./people";

/**
 * The meeting's co-chairs (delegates of partner states, as many as the dialogue's rule says, balanced across
 * regional groups) and rapporteurs (secretariat staff, who take the notes with them).
 */
export function ChairsForm({ dialogue, meeting, onSaved }: { dialogue: Dialogue; meeting: Meeting; onSaved?: () => void }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const notify = useNotify();
  const [coChairs, setCoChairs] = useState(meeting.coChairs.map((c) => c.personId));
  const [rapporteurs, setRapporteurs] = useState(meeting.rapporteurs.map((r) => r.personId));
  const save = useMeetingChange(SetMeetingChairs, () => {
    notify(t("chairsSaved"));
    onSaved?.();
  });
  const shared = sharedRegionalGroup(coChairs, dialogue.members, dialogue.partnerStates);
  const groups = new Intl.ListFormat(language, { type: "conjunction" }).format(dialogue.regionalGroups);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: meeting.id, coChairIds: coChairs, rapporteurIds: rapporteurs, expectedVersion: meeting.version });
      }}
    >
      <p>
        {t("coChairRule", { count: dialogue.coChairsPerMeeting, groups })} {dialogue.strictCoChairBalance ? t("coChairRuleStrict") : t("coChairRuleWarn")}
      </p>
      <PersonPicker
        label={t("coChairs")}
        people={peopleOf(dialogue, { country: names.country, collation: language }, label, mayCoChair)}
        selected={coChairs}
        onChange={setCoChairs}
        max={dialogue.coChairsPerMeeting}
        error={fieldError(save.error, "coChairIds")}
      />
      {shared && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t("coChairsOneGroup", { group: shared })}</MessageBarBody>
        </MessageBar>
      )}
      <PersonPicker
        label={t("rapporteurs")}
        hint={t("rapporteursExplained")}
        people={peopleOf(dialogue, { country: names.country, collation: language }, label, mayReport)}
        selected={rapporteurs}
        onChange={setRapporteurs}
        error={fieldError(save.error, "rapporteurIds")}
      />
      <FormError error={save.error} fields={["coChairIds", "rapporteurIds"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {t("saveChairs")}
        </Button>
      </div>
    </form>
  );
}
