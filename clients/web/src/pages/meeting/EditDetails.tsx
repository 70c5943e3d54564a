import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { UpdateMeetingDetails, type Dialogue, type Meeting } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormError } from "../../components/Field";
import { useNotify } from "../../components/Toasts";
import { useI18n } from "../../i18n/i18n";
import { useMeetingChange } from "./common";
import { DetailsFields, detailsFields } from "./DetailsFields";
import { changedDetails, detailsOf, movesDates } from "./logic";

/**
 * Changes a meeting's details, against the meeting as it was when editing began: only what the form changed
 * is sent, with that version (someone else's change in between is a conflict, never overwritten). Moving a
 * scheduled meeting is confirmed first, since every participant is mailed the new dates.
 */
export function EditDetails({ dialogue, meeting, datesFixed }: { dialogue: Dialogue; meeting: Meeting; datesFixed: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [baseline, setBaseline] = useState(meeting);
  const [form, setForm] = useState(() => detailsOf(meeting));
  const changes = changedDetails(baseline, form);
  const changed = Object.keys(changes).length > 0;
  // Someone changed the meeting while nothing was typed here: start from the meeting as it is now.
  if (baseline.version !== meeting.version && !changed) {
    setBaseline(meeting);
    setForm(detailsOf(meeting));
  }
  const save = useMeetingChange(UpdateMeetingDetails, (data) => {
    notify(movesDates(changes) ? t("meetingRescheduled") : t("detailsSaved"));
    setBaseline(data.result.meeting);
    setForm(detailsOf(data.result.meeting));
  });
  const send = () => save.mutateAsync({ id: meeting.id, details: changes, expectedVersion: baseline.version }).catch(() => undefined);
  const mailed = meeting.status !== "DRAFT";
  const conflict = save.error?.code === "CONFLICT" || (changed && baseline.version !== meeting.version);
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <DetailsFields dialogue={dialogue} form={form} onChange={setForm} error={save.error} datesFixed={datesFixed} />
      {conflict ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t("detailsChangedMeanwhile")}</MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setBaseline(meeting);
                setForm(detailsOf(meeting));
                save.reset();
              }}
            >
              {t("startAgainFromCurrent")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <FormError error={save.error} fields={detailsFields} />
      )}
      <div className="actions">
        {movesDates(changes) && mailed ? (
          <ConfirmDialog
            trigger={
              <Button appearance="primary" disabled={save.isPending}>
                {t("reschedule")}
              </Button>
            }
            title={t("rescheduleTitle")}
            confirm={t("rescheduleConfirm")}
            onConfirm={send}
          >
            <p>{t("rescheduleExplained", { count: meeting.invitations.filter((i) => i.status !== "WITHDRAWN" && i.status !== "DECLINED").length })}</p>
          </ConfirmDialog>
        ) : (
          <Button appearance="primary" type="submit" disabled={!changed || save.isPending}>
            {t("saveDetails")}
          </Button>
        )}
        <Button disabled={!changed} onClick={() => setForm(detailsOf(baseline))}>
          {t("undoChanges")}
        </Button>
      </div>
    </form>
  );
}
