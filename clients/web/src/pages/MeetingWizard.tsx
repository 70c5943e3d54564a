import { Button, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, WarningRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { CreateMeeting, DialogueQuery, MeetingQuery, ScheduleMeeting, SuggestSlots, UpdateMeetingDetails, type Dialogue, type Meeting } from "../api";
import { useGraphQuery } from "../api/hooks";
import { DateField } from "../components/DateTimeField";
import { Field, FormError, fieldError } from "../components/Field";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useI18n } from "../i18n/i18n";
import { titleIn } from "../text";
import { localDateTime } from "../time";
import { Agenda } from "./meeting/Agenda";
import { ChairsForm } from "./meeting/Chairs";
import { TimeRange, WarningsProvider, useMeetingChange } from "./meeting/common";
import { DetailsFields, detailsFields } from "./meeting/DetailsFields";
import { EditDetails } from "./meeting/EditDetails";
import { Delegations } from "./meeting/Delegations";
import { InvitationList, InviteForm } from "./meeting/Invitations";
import { detailsInput, minutesBetween, newDetails } from "./meeting/logic";

const steps = ["details", "chairs", "agenda", "invitations", "review"] as const;
type Step = (typeof steps)[number];

const useStyles = makeStyles({
  steps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyle: "none", padding: 0, margin: `0 0 ${tokens.spacingVerticalL}` },
  slots: { listStyle: "none", padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  slot: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  check: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, listStyle: "none" },
});

/** A new meeting's details, created as a draft (once: a retry after a lost answer finds the same draft). */
function CreateStep({ dialogue, onCreated }: { dialogue: Dialogue; onCreated: (meeting: Meeting) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form, setForm] = useState(() => newDetails(dialogue.workingLanguages));
  const [key] = useState(() => crypto.randomUUID());
  const create = useMeetingChange(CreateMeeting, (data) => {
    notify(t("draftCreated"));
    onCreated(data.result.meeting);
  });
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ key: dialogue.key, details: detailsInput(form), idempotencyKey: key });
      }}
    >
      <DetailsFields dialogue={dialogue} form={form} onChange={setForm} error={create.error} create />
      <FormError error={create.error} fields={detailsFields} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={create.isPending}>
          {t("createDraft")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The scheduling assistant: times in which the co-chairs are free within their working hours. Using one
 * moves only the meeting's dates; every other detail stays as it is.
 */
function SlotFinder({ dialogue, meeting }: { dialogue: Dialogue; meeting: Meeting }) {
  const { t } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const [range, setRange] = useState({
    from: meeting.startsLocal.slice(0, 10),
    to: meeting.endsLocal.slice(0, 10),
    duration: String(minutesBetween(meeting.startsLocal, meeting.endsLocal)),
  });
  const [asked, setAsked] = useState<typeof range | null>(null);
  const people = meeting.coChairs.map((c) => c.personId);
  const slots = useGraphQuery(
    SuggestSlots,
    { key: dialogue.key, request: { personIds: people, from: asked?.from ?? "", to: asked?.to ?? "", durationMinutes: Number(asked?.duration ?? 0), timeZone: meeting.timeZone, maxResults: 5 } },
    { enabled: asked !== null },
  );
  const use = useMeetingChange(UpdateMeetingDetails, () => {
    notify(t("datesChanged"));
    setAsked(null);
  });
  return (
    <Section title={t("slotsFor")}>
      {people.length === 0 ? (
        <p className="meta">{t("slotsNeedCoChairs")}</p>
      ) : (
        <form noValidate
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked({ ...range });
          }}
        >
          <DateField label={t("from")} value={range.from} onChange={(from) => setRange({ ...range, from })} error={fieldError(slots.error, "from")} />
          <DateField label={t("to")} value={range.to} onChange={(to) => setRange({ ...range, to })} error={fieldError(slots.error, "to")} />
          <Field label={t("durationMinutes")} error={fieldError(slots.error, "durationMinutes")}>
            {(p) => <Input {...p} type="number" min={15} value={range.duration} onChange={(_, d) => setRange({ ...range, duration: d.value })} />}
          </Field>
          <div className="actions">
            <Button type="submit">{t("suggestSlots")}</Button>
          </div>
        </form>
      )}
      <FormError error={slots.error} fields={["from", "to", "durationMinutes"]} />
      <FormError error={use.error} />
      {asked && slots.isFetching && <Spinner size="tiny" label={t("loading")} />}
      {asked && slots.data && (
        <div role="status">
          {slots.data.suggestMeetingSlots.length === 0 ? (
            <p>{t("noSlots")}</p>
          ) : (
            <ul className={styles.slots} aria-label={t("freeTimes")}>
              {slots.data.suggestMeetingSlots.map((s) => (
                <li key={s.startsAt} className={styles.slot}>
                  <TimeRange starts={s.startsAt} ends={s.endsAt} timeZone={meeting.timeZone} />
                  <Button
                    size="small"
                    disabled={use.isPending}
                    onClick={() =>
                      use.mutate({
                        id: meeting.id,
                        expectedVersion: meeting.version,
                        // Only the dates change.
                        details: { startsLocal: localDateTime(s.startsAt, meeting.timeZone), endsLocal: localDateTime(s.endsAt, meeting.timeZone) },
                      })
                    }
                  >
                    {t("useSlot")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}

/** What is ready before scheduling, and the step that sends the invitations. */
function Review({ dialogue, meeting }: { dialogue: Dialogue; meeting: Meeting }) {
  const { t } = useI18n();
  const styles = useStyles();
  const navigate = useNavigate();
  const notify = useNotify();
  const schedule = useMeetingChange(ScheduleMeeting, () => {
    notify(t("meetingScheduled"));
    navigate(`/meetings/${meeting.id}`);
  });
  const invited = meeting.invitations.filter((i) => i.status !== "WITHDRAWN").length;
  const checks = [
    { ok: meeting.titles.length === meeting.workingLanguages.length, text: t("checkTitles", { count: meeting.titles.length, languages: meeting.workingLanguages.length }) },
    { ok: meeting.coChairs.length === dialogue.coChairsPerMeeting, text: t("checkCoChairs", { count: meeting.coChairs.length, needed: dialogue.coChairsPerMeeting }) },
    { ok: meeting.rapporteurs.length > 0, text: t("checkRapporteurs", { count: meeting.rapporteurs.length }) },
    { ok: meeting.sessions.length > 0, text: t("checkSessions", { count: meeting.sessions.length }) },
    { ok: invited > 0, text: t("checkInvitations", { count: invited }) },
  ];
  return (
    <>
      <ul aria-label={t("readiness")}>
        {checks.map((c) => (
          <li key={c.text} className={styles.check}>
            {c.ok ? <CheckmarkCircleRegular aria-label={t("ready")} /> : <WarningRegular aria-label={t("notReady")} />}
            {c.text}
          </li>
        ))}
      </ul>
      <p>{t("scheduleExplained", { count: invited })}</p>
      <FormError error={schedule.error} />
      <div className="actions">
        <Button appearance="primary" disabled={schedule.isPending} onClick={() => schedule.mutate({ id: meeting.id })}>
          {t("schedule")}
        </Button>
        <RouterLink to={`/meetings/${meeting.id}`}>{t("keepAsDraft")}</RouterLink>
      </div>
    </>
  );
}

/**
 * The secretariat's meeting wizard: details, co-chairs and rapporteurs with the scheduling assistant, the
 * agenda, invitations, and a review before scheduling. The draft is made at the first step; its id and the
 * step stay in the address, so a reload picks up where the secretariat was.
 */
export function MeetingWizard() {
  const { key = "" } = useParams();
  const { t, language } = useI18n();
  const styles = useStyles();
  const [search, setSearch] = useSearchParams();
  const meetingId = search.get("meeting");
  const step: Step = meetingId ? (steps.find((s) => s === search.get("step")) ?? "details") : "details";
  const directory = useGraphQuery(DialogueQuery, { key });
  const meetingQuery = useGraphQuery(MeetingQuery, { id: meetingId ?? "" }, { enabled: meetingId !== null });
  const go = (next: Step, id = meetingId) => setSearch(id ? { meeting: id, step: next } : {});
  const labels: Record<Step, string> = { details: t("details"), chairs: t("chairsAndRapporteurs"), agenda: t("agenda"), invitations: t("invitations"), review: t("reviewAndSchedule") };

  if (directory.error && !directory.data) return <FormError error={directory.error} />;
  if (meetingQuery.error && !meetingQuery.data) return <FormError error={meetingQuery.error} />;
  if (!directory.data || (meetingId && !meetingQuery.data)) return <Spinner label={t("loading")} />;
  const dialogue = directory.data.dialogue;
  const meeting = meetingQuery.data?.meeting ?? null;
  const index = steps.indexOf(step);

  return (
    <WarningsProvider>
      <PageHeader
        title={meeting ? <span data-user-content>{titleIn(meeting.titles, language)}</span> : t("newMeeting")}
        meta={meeting ? t("wizardDraft") : undefined}
        crumbs={[{ label: dialogue.name, to: `/dialogues/${key}` }]}
      />
      <nav aria-label={t("wizardSteps")}>
        <ol className={styles.steps}>
          {steps.map((s, i) => (
            <li key={s}>
              <Button
                appearance={s === step ? "primary" : "subtle"}
                aria-current={s === step ? "step" : undefined}
                disabled={!meeting && s !== "details"}
                onClick={() => go(s)}
              >
                {t("stepNumbered", { number: i + 1, step: labels[s] })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <Section title={labels[step]}>
        {step === "details" && !meeting && <CreateStep dialogue={dialogue} onCreated={(m) => go("chairs", m.id)} />}
        {step === "details" && meeting && <EditDetails dialogue={dialogue} meeting={meeting} datesFixed={false} />}
        {step === "chairs" && meeting && (
          <>
            <ChairsForm key={[...meeting.coChairs, ...meeting.rapporteurs].map((p) => p.personId).join()} dialogue={dialogue} meeting={meeting} />
            <SlotFinder key={meeting.version} dialogue={dialogue} meeting={meeting} />
          </>
        )}
        {step === "agenda" && meeting && <Agenda dialogue={dialogue} meeting={meeting} editable />}
        {step === "invitations" && meeting && (
          <>
            <InviteForm dialogue={dialogue} meeting={meeting} />
            {meeting.delegations.length > 0 && (
              <Section title={t("delegations")}>
                <Delegations meeting={meeting} dialogue={dialogue} />
              </Section>
            )}
            <InvitationList meeting={meeting} mayWithdraw />
          </>
        )}
        {step === "review" && meeting && <Review dialogue={dialogue} meeting={meeting} />}
      </Section>
      {meeting && (
        <div className="actions">
          {index > 0 && <Button onClick={() => go(steps[index - 1])}>{t("back")}</Button>}
          {index < steps.length - 1 && (
            <Button appearance="primary" onClick={() => go(steps[index + 1])}>
              {t("next")}
            </Button>
          )}
        </div>
      )}
    </WarningsProvider>
  );
}
