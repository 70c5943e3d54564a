import { Button, Spinner, Switch } from "@fluentui/react-components";
import { useState } from "react";
import { Link as RouterLink } from "react-router-dom";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { MeetingAudit, ParticipantDownloads, RespondToInvitation, SetNotesSettings, type Meeting } from "../../api";
import { useGraphQuery } from "../../api/hooks";
import { DataTable } from "../../components/DataTable";
import { EnumSelect } from "../../components/EnumSelect";
import { Field, FormError, fieldError } from "../../components/Field";
import { useNotify } from "../../components/Toasts";
import type { AttributionGuard } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { messages, type MessageKey } from "../../i18n/messages";
import { formatInZone, viewerZone } from "../../time";
import { useMeetingChange } from "./common";
import { answersFor } from "./logic";

/** Who takes part: the co-chairs, the rapporteurs and everyone who accepted. */
export function Participants({ meeting, mayExport }: { meeting: Meeting; mayExport: boolean }) {
  const { t } = useI18n();
  const role = (personId: string) =>
    meeting.coChairs.some((c) => c.personId === personId) ? t("coChair")
    : meeting.rapporteurs.some((r) => r.personId === personId) ? t("rapporteur")
    : t("participant");
  return (
    <>
      {mayExport && <ParticipantDownloadLinks meetingId={meeting.id} />}
      <DataTable
      label={t("participants")}
      rows={meeting.participants}
      rowKey={(p) => p.personId}
      empty={t("noParticipants")}
      columns={[
        { key: "name", header: t("name"), cell: (p) => <span dir="auto" data-user-content>{p.name}</span> },
        { key: "affiliation", header: t("represents"), cell: (p) => <span dir="auto" data-user-content>{p.affiliation ?? "—"}</span> },
        { key: "role", header: t("role"), cell: (p) => role(p.personId) },
      ]}
    />
    </>
  );
}

/** The participant list (CSV, for a spreadsheet) and the attendance sheet (DOCX, to print and sign), in the viewer's language. */
function ParticipantDownloadLinks({ meetingId }: { meetingId: string }) {
  const { t, language } = useI18n();
  const links = useGraphQuery(ParticipantDownloads, { id: meetingId, language });
  const urls = links.data?.meeting;
  if (!urls) return links.error ? <FormError error={links.error} /> : null;
  return (
    <p className="actions">
      {urls.participantListUrl && (
        <Button as="a" href={urls.participantListUrl} download icon={<ArrowDownloadRegular />}>
          {t("participantListCsv")}
        </Button>
      )}
      {urls.attendanceSheetUrl && (
        <Button as="a" href={urls.attendanceSheetUrl} download icon={<ArrowDownloadRegular />}>
          {t("attendanceSheetDocx")}
        </Button>
      )}
    </p>
  );
}

/** The administrative audit: who changed what and when (never the notes: the Chatham House Rule). */
export function Audit({ meeting }: { meeting: Meeting }) {
  const { t, language } = useI18n();
  const audit = useGraphQuery(MeetingAudit, { id: meeting.id });
  if (!audit.data) return audit.error ? <FormError error={audit.error} /> : <Spinner label={t("loading")} />;
  const entries = [...audit.data.meeting.auditTrail].reverse();
  const action = (code: string) => {
    const key = `audit_${code}` as MessageKey;
    return key in messages[language] ? t(key) : t("audit_other");
  };
  return (
    <>
      <p className="meta">{t("auditExplained")}</p>
      <DataTable
        label={t("audit")}
        rows={entries}
        rowKey={(e) => `${e.at}-${e.action}-${e.personId}`}
        empty={t("noAudit")}
        columns={[
          { key: "at", header: t("when"), cell: (e) => formatInZone(e.at, viewerZone(), language) },
          { key: "who", header: t("who"), cell: (e) => <span dir="auto" data-user-content>{e.person?.name ?? t("formerMember")}</span> },
          { key: "what", header: t("what"), cell: (e) => action(e.action) },
          // The server words its summaries in English only: shown to English readers, the action's wording to the others.
          ...(language === "en" ? [{ key: "summary", header: t("details"), cell: (e: (typeof entries)[number]) => <span dir="auto">{e.summary}</span> }] : []),
        ]}
      />
    </>
  );
}

/** Whether participants follow the notes live, and how strict the attribution guard is; the way to the notes. */
export function NotesSettings({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const [baseline, setBaseline] = useState(meeting);
  const [live, setLive] = useState(meeting.liveNotesForParticipants);
  const [guard, setGuard] = useState<AttributionGuard>(meeting.attributionGuard);
  const dirty = live !== baseline.liveNotesForParticipants || guard !== baseline.attributionGuard;
  // The meeting changed (here or live, elsewhere): follow it unless something is being changed here, which a
  // refetch must not wipe; saving that is then a conflict the form shows.
  if (baseline.version !== meeting.version && !dirty) {
    setBaseline(meeting);
    setLive(meeting.liveNotesForParticipants);
    setGuard(meeting.attributionGuard);
  }
  const save = useMeetingChange(SetNotesSettings, (data) => {
    notify(t("notesSettingsSaved"));
    setBaseline(data.result.meeting);
  });
  return (
    <>
      <p>{t("chathamHouse")}</p>
      <p>
        <RouterLink to={`/meetings/${meeting.id}/notes`}>{t("openNotes")}</RouterLink>
      </p>
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ id: meeting.id, liveNotesForParticipants: live, attributionGuard: guard, expectedVersion: baseline.version });
          }}
        >
          <Switch label={t("liveNotesForParticipants")} checked={live} onChange={(_, d) => setLive(d.checked)} />
          <Field label={t("attributionGuard")} error={fieldError(save.error, "attributionGuard")}>
            {(p) => <EnumSelect {...p} enumName="AttributionGuard" values={["WARN", "STRICT"]} value={guard} onChange={setGuard} />}
          </Field>
          <FormError error={save.error} fields={["attributionGuard"]} />
          <div className="actions">
            <Button appearance="primary" type="submit" disabled={save.isPending}>
              {t("saveNotesSettings")}
            </Button>
          </div>
        </form>
      ) : (
        <ul>
          <li>{meeting.liveNotesForParticipants ? t("liveNotesOn") : t("liveNotesOff")}</li>
          <li>{label("AttributionGuard", meeting.attributionGuard)}</li>
        </ul>
      )}
    </>
  );
}

/** An invitee's own answer: where they stand, and the answers they may give now. */
export function MyRegistration({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const answer = useMeetingChange(RespondToInvitation, (data) => {
    const status = data.result.meeting.myInvitation?.status;
    if (status) notify(t("answerRecorded", { status: label("InvitationStatus", status) }));
  });
  const mine = meeting.myInvitation;
  if (!mine) return null;
  const open = meeting.status === "SCHEDULED" || meeting.status === "IN_PROGRESS";
  return (
    <div>
      <p>
        {t("yourAnswer")}: <strong className="my-status">{label("InvitationStatus", mine.status)}</strong>
        {mine.waitlistPosition != null && ` · ${t("waitlistPosition", { position: mine.waitlistPosition })}`}
      </p>
      {open ? (
        <div className="actions">
          {answersFor(mine.status).map((a) => (
            <Button key={a} appearance={a === "ACCEPT" ? "primary" : "secondary"} disabled={answer.isPending} onClick={() => answer.mutate({ id: meeting.id, response: a })}>
              {label("InvitationResponse", a)}
            </Button>
          ))}
        </div>
      ) : (
        <p className="meta">{meeting.status === "DRAFT" ? t("answerOnceScheduled") : t("noMoreAnswers")}</p>
      )}
      <FormError error={answer.error} />
    </div>
  );
}
