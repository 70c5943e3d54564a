import { Button, Link, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { Link as RouterLink, useParams, useSearchParams } from "react-router-dom";
import { CancelMeeting, ConcludeMeeting, DialogueQuery, MeetingQuery, OpenMeeting, ScheduleMeeting, type Dialogue, type Meeting } from "../api";
import { useGraphQuery } from "../api/hooks";
import { isNetworkError } from "../api/graphql";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { FormError } from "../components/Field";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { titleIn } from "../text";
import { useViewer } from "../viewer";
import { Agenda } from "./meeting/Agenda";
import { ChairsForm } from "./meeting/Chairs";
import { MeetingTime, StatusBadge, WarningsProvider, useMeetingChange } from "./meeting/common";
import { Documents } from "./meeting/Documents";
import { EditDetails } from "./meeting/EditDetails";
import { InvitationList, InviteForm } from "./meeting/Invitations";
import { meetingPermissions, type MeetingPermissions } from "./meeting/logic";
import { Outcomes } from "./meeting/Outcomes";
import { Delegations } from "./meeting/Delegations";
import { Audit, MyRegistration, NotesSettings, Participants } from "./meeting/Panels";
import { RegistrationForm, Registrations } from "./meeting/Registration";

const useStyles = makeStyles({
  tabs: {
    flexWrap: "wrap",
    marginBlockEnd: tokens.spacingVerticalL,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: "solid",
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  people: { margin: 0, padding: 0, listStyleType: "none" },
});

type TabKey = "overview" | "details" | "agenda" | "people" | "invitations" | "delegations" | "registrations" | "participants" | "documents" | "notes" | "outcomes" | "audit";

/** The meeting's lifecycle, each step asked before: schedule (mails the invitations), open, conclude, cancel with a reason. */
function LifecycleActions({ meeting, may }: { meeting: Meeting; may: MeetingPermissions }) {
  const { t } = useI18n();
  const notify = useNotify();
  const schedule = useMeetingChange(ScheduleMeeting, () => notify(t("meetingScheduled")));
  const open = useMeetingChange(OpenMeeting, () => notify(t("meetingOpened")));
  const conclude = useMeetingChange(ConcludeMeeting, () => notify(t("meetingConcluded")));
  const cancel = useMeetingChange(CancelMeeting, () => notify(t("meetingCancelled")));
  const invited = meeting.invitations.filter((i) => i.status !== "WITHDRAWN").length;
  return (
    <>
      {may.schedule && (
        <ConfirmDialog
          trigger={<Button appearance="primary">{t("schedule")}</Button>}
          title={t("scheduleTitle")}
          confirm={t("scheduleConfirm")}
          onConfirm={() => schedule.mutateAsync({ id: meeting.id })}
        >
          <p>{t("scheduleExplained", { count: invited })}</p>
        </ConfirmDialog>
      )}
      {may.open && (
        <ConfirmDialog trigger={<Button appearance="primary">{t("openMeeting")}</Button>} title={t("openTitle")} confirm={t("openConfirm")} onConfirm={() => open.mutateAsync({ id: meeting.id })}>
          <p>{t("openExplained")}</p>
        </ConfirmDialog>
      )}
      {may.conclude && (
        <ConfirmDialog
          trigger={<Button appearance="primary">{t("concludeMeeting")}</Button>}
          title={t("concludeTitle")}
          confirm={t("concludeConfirm")}
          onConfirm={() => conclude.mutateAsync({ id: meeting.id })}
        >
          <p>{t("concludeExplained")}</p>
        </ConfirmDialog>
      )}
      {may.cancel && (
        <ConfirmDialog
          trigger={<Button>{t("cancelMeeting")}</Button>}
          title={t("cancelTitle")}
          confirm={t("cancelConfirm")}
          danger
          reason={{ label: t("cancelReason") }}
          onConfirm={(reason) => cancel.mutateAsync({ id: meeting.id, reason })}
        >
          <p>{meeting.status === "DRAFT" ? t("cancelExplainedDraft") : t("cancelExplained", { count: invited })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The meeting at a glance: when and where, format, languages, who chairs and reports, the counts. */
function Overview({ meeting, may }: { meeting: Meeting; may: MeetingPermissions }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const styles = useStyles();
  const viewer = useViewer();
  const listOf = (people: Meeting["coChairs"]) =>
    people.length === 0 ? (
      <span className="meta">{t("noneYet")}</span>
    ) : (
      <ul className={styles.people}>
        {people.map((p) => (
          <li key={p.personId} dir="auto" data-user-content>
            {p.name}
            {p.affiliation && ` · ${p.affiliation}`}
          </li>
        ))}
      </ul>
    );
  const place = [meeting.venue, meeting.city].filter(Boolean).join(", ");
  const description = titleIn(meeting.descriptions, language);
  const role =
    meeting.coChairs.some((c) => c.personId === viewer?.person.id) ? t("youCoChair")
    : meeting.rapporteurs.some((r) => r.personId === viewer?.person.id) ? t("youReport")
    : null;
  return (
    <>
      {meeting.status === "CANCELLED" && meeting.cancellationReason && (
        <p role="note">
          {t("cancelledBecause")}{" "}
          <span dir="auto" data-user-content>
            {meeting.cancellationReason}
          </span>
        </p>
      )}
      {description && (
        <p dir="auto" data-user-content>
          {description}
        </p>
      )}
      <dl className="facts">
        <dt>{t("starts")}</dt>
        <dd>
          <MeetingTime instant={meeting.startsAt} timeZone={meeting.timeZone} />
        </dd>
        <dt>{t("ends")}</dt>
        <dd>
          <MeetingTime instant={meeting.endsAt} timeZone={meeting.timeZone} />
        </dd>
        <dt>{t("place")}</dt>
        <dd>
          <span dir="auto" data-user-content>
            {place}
          </span>
          {place && ", "}
          {names.country(meeting.hostCountry)}
        </dd>
        <dt>{t("format")}</dt>
        <dd>
          {label("MeetingFormat", meeting.format)}
          {meeting.onlineMeetingUrl && (
            <>
              {" · "}
              <Link href={meeting.onlineMeetingUrl} target="_blank" rel="noreferrer">
                {t("joinOnline")}
              </Link>
            </>
          )}
        </dd>
        <dt>{t("type")}</dt>
        <dd>
          {label("MeetingType", meeting.type)}
          {meeting.pillar && ` · ${t("pillarNamed", { pillar: meeting.pillar })}`}
        </dd>
        <dt>{t("workingLanguages")}</dt>
        <dd>
          {new Intl.ListFormat(language).format(meeting.workingLanguages.map((l) => names.language(l)))}
          {" · "}
          {meeting.interpretation ? t("withInterpretation") : t("withoutInterpretation")}
        </dd>
        <dt>{t("visibility")}</dt>
        <dd>{label("MeetingVisibility", meeting.visibility)}</dd>
        <dt>{t("coChairs")}</dt>
        <dd>{listOf(meeting.coChairs)}</dd>
        <dt>{t("rapporteurs")}</dt>
        <dd>{listOf(meeting.rapporteurs)}</dd>
        <dt>{t("inNumbers")}</dt>
        <dd>
          {t("meetingCounts", {
            sessions: meeting.sessions.length,
            documents: meeting.documents.length,
            accepted: meeting.acceptedCount,
            waitlist: meeting.waitlistCount,
          })}
          {may.seeInvitations && ` · ${t("invitedCount", { count: meeting.invitations.filter((i) => i.status !== "WITHDRAWN").length })}`}
          {meeting.capacity != null && ` · ${t("capacityOf", { count: meeting.capacity })}`}
        </dd>
      </dl>
      {role && <p>{role}</p>}
      {meeting.myInvitation ? (
        <Section title={t("myRegistration")}>
          <MyRegistration meeting={meeting} />
          {meeting.myRegistration && <RegistrationForm key={meeting.myRegistration.revision} meeting={meeting} registration={meeting.myRegistration} />}
        </Section>
      ) : (
        !may.seeInvitations && !role && meeting.delegations.length === 0 && <p>{t("notInvited")}</p>
      )}
      {!meeting.viewerIsSecretariat &&
        meeting.delegations.map((d) => (
          <p key={d.partnerStateCode}>
            {t("yourStateIsInvited", { state: names.country(d.partnerStateCode, d.partnerStateName), places: d.places })}{" "}
            <RouterLink to="?tab=delegations">{t("seeDelegation")}</RouterLink>
          </p>
        ))}
    </>
  );
}

/**
 * One meeting: for the secretariat the workspace where it is run (details, agenda, co-chairs and
 * rapporteurs, invitations, documents, participants, notes settings, audit), for everyone else what they
 * may see of it and their own answer. Tabs, kept in the address, so a reload or a link opens the same one.
 */
export function MeetingPage() {
  const { dialogue: dialogueKey = "", id = "" } = useParams();
  const meetingId = `${dialogueKey}/${id}`;
  const { t, language } = useI18n();
  const styles = useStyles();
  const viewer = useViewer();
  const [search, setSearch] = useSearchParams();
  const panelId = useId();
  const query = useGraphQuery(MeetingQuery, { id: meetingId });
  const directory = useGraphQuery(DialogueQuery, { key: dialogueKey });
  if (!query.data) {
    if (query.error && !isNetworkError(query.error)) return query.error.code === "NOT_FOUND" ? <p role="alert">{t("notFound")}</p> : <FormError error={query.error} />;
    return <Spinner label={t("loading")} />;
  }
  const m = query.data.meeting;
  const dialogue: Dialogue | undefined = directory.data?.dialogue;
  const may = meetingPermissions(m);
  const title = titleIn(m.titles, language);

  const tabs: { key: TabKey; label: string; shown: boolean }[] = [
    { key: "overview", label: t("overview"), shown: true },
    { key: "details", label: t("editDetails"), shown: may.editDetails && Boolean(dialogue) },
    { key: "agenda", label: t("agenda"), shown: true },
    { key: "people", label: t("chairsAndRapporteurs"), shown: may.setChairs && Boolean(dialogue) },
    { key: "invitations", label: t("invitations"), shown: may.seeInvitations },
    { key: "delegations", label: t("delegations"), shown: m.delegations.length > 0 },
    { key: "registrations", label: t("registrations"), shown: m.viewerIsSecretariat && m.invitations.length > 0 },
    { key: "participants", label: t("participants"), shown: may.seeInvitations || m.participants.length > 0 },
    { key: "documents", label: t("documents"), shown: may.addDocuments || m.documents.length > 0 },
    { key: "notes", label: t("liveNotes"), shown: true },
    { key: "outcomes", label: t("outcomes"), shown: m.status !== "CANCELLED" },
    { key: "audit", label: t("audit"), shown: may.seeAudit },
  ];
  const shown = tabs.filter((tab) => tab.shown);
  const requested = search.get("tab");
  const current = shown.find((tab) => tab.key === requested) ?? shown[0];
  const choose = (key: TabKey) => setSearch(key === "overview" ? {} : { tab: key }, { replace: true });

  return (
    <WarningsProvider>
      <PageHeader
        title={<span data-user-content>{title}</span>}
        meta={
          <>
            <StatusBadge status={m.status} /> <MeetingTime instant={m.startsAt} timeZone={m.timeZone} />
          </>
        }
        crumbs={[{ label: dialogue?.name ?? dialogueKey, to: `/dialogues/${dialogueKey}` }]}
        actions={<LifecycleActions meeting={m} may={may} />}
      />
      <TabList className={styles.tabs} selectedValue={current.key} onTabSelect={(_, d) => choose(d.value as TabKey)} aria-label={t("meetingSections")}>
        {shown.map((tab) => (
          <Tab key={tab.key} value={tab.key} id={`${panelId}-${tab.key}`} aria-controls={panelId}>
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={`${panelId}-${current.key}`}>
        <Section title={current.label}>
          {current.key === "overview" && <Overview meeting={m} may={may} />}
          {current.key === "details" && dialogue && <EditDetails dialogue={dialogue} meeting={m} datesFixed={!may.moveDates} />}
          {current.key === "agenda" && <Agenda dialogue={dialogue} meeting={m} editable={may.editAgenda} />}
          {current.key === "people" && dialogue && (
            <ChairsForm key={[...m.coChairs, ...m.rapporteurs].map((p) => p.personId).join()} dialogue={dialogue} meeting={m} />
          )}
          {current.key === "invitations" && (
            <>
              {may.invite && dialogue && <InviteForm dialogue={dialogue} meeting={m} />}
              <InvitationList meeting={m} mayWithdraw={may.withdraw} />
            </>
          )}
          {current.key === "delegations" && <Delegations meeting={m} dialogue={dialogue} />}
          {current.key === "registrations" && <Registrations meeting={m} />}
          {current.key === "participants" && <Participants meeting={m} mayExport={may.exportParticipants} />}
          {current.key === "documents" && <Documents meeting={m} mayAdd={may.addDocuments} mayRemove={may.removeDocuments} />}
          {current.key === "notes" && <NotesSettings meeting={m} editable={may.notesSettings} />}
          {current.key === "outcomes" && <Outcomes meeting={m} />}
          {current.key === "audit" && <Audit meeting={m} />}
        </Section>
      </div>
      {viewer?.isAdministrator && (
        <p>
          <RouterLink to="/outbox">{t("outboxLink")}</RouterLink>
        </p>
      )}
    </WarningsProvider>
  );
}
