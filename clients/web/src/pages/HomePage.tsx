import { Badge, Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, CheckmarkRegular, DismissRegular, QuestionRegular } from "@fluentui/react-icons";
import { Link } from "react-router-dom";
import { DialoguesQuery, MyAgendaQuery, MyMeetingsQuery, RespondToInvitation } from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { FormError } from "../components/Field";
import { LinkButton } from "../components/LinkButton";
import { MeetingList, useListStyles } from "../components/MeetingList";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import type { InvitationResponse, MyAgendaQuery as AgendaData } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { formatDate, formatInZone, viewerZone } from "../time";
import { useViewer } from "../viewer";
import { agendaLink } from "./agenda";

const useStyles = makeStyles({
  answers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalXS },
  dialogues: { listStyleType: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalS },
  dialogue: { display: "flex", flexDirection: "column" },
  roles: { color: tokens.colorNeutralForeground3 },
});

/** Accept, maybe, decline: an invitation answered where it waits, with the refusal (a full meeting…) beside it. */
function Answer({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const label = useLabel();
  const respond = useGraphMutation(RespondToInvitation, (_, v) => notify(t("answered", { title, answer: label("InvitationResponse", v.response) })));
  const answer = (response: InvitationResponse) => respond.mutate({ id: meetingId, response });
  return (
    <>
      <div className={styles.answers} role="group" aria-label={t("answerInvitationTo", { title })}>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={respond.isPending} onClick={() => answer("ACCEPT")}>
          {t("accept")}
        </Button>
        <Button icon={<QuestionRegular />} disabled={respond.isPending} onClick={() => answer("TENTATIVE")}>
          {t("tentative")}
        </Button>
        <Button icon={<DismissRegular />} disabled={respond.isPending} onClick={() => answer("DECLINE")}>
          {t("decline")}
        </Button>
      </div>
      <FormError error={respond.error} />
    </>
  );
}

type AgendaItem = NonNullable<AgendaData["viewer"]>["agenda"][number];

/** One thing that waits: what it is and what to do, in words, linked to where it is done, with its due date. */
function Waiting({ item }: { item: AgendaItem }) {
  const { t, language } = useI18n();
  const styles = useListStyles();
  const label = useLabel();
  const due = item.dueAt ? formatInZone(item.dueAt, viewerZone(), language) : item.dueDate ? formatDate(item.dueDate, language) : null;
  return (
    <li className={styles.item}>
      <span className={styles.head}>
        <Link to={agendaLink(item)} dir="auto" className={styles.title} data-user-content>
          {item.title}
        </Link>
        {item.overdue && (
          <Badge appearance="tint" color="danger">
            {t("overdue")}
          </Badge>
        )}
      </span>
      <span className={styles.meta}>
        {label("AgendaItemKind", item.kind)} · {label("AgendaAction", item.action)}
        {due && ` · ${t("agendaDue", { when: due })}`}
      </span>
      {item.kind === "PENDING_INVITATION" && <Answer meetingId={item.objectId} title={item.title} />}
    </li>
  );
}

/**
 * Everyone's first page: what waits for them (invitations to answer, notes to approve, action items, exchange
 * steps, milestones; drafts and meetings without co-chairs for the secretariat), their upcoming meetings with each one's
 * status and dates on its own clock, and their dialogues with their roles. Administrators start a dialogue here.
 */
export function HomePage() {
  const { t, language } = useI18n();
  const styles = useStyles();
  const listStyles = useListStyles();
  const label = useLabel();
  const viewer = useViewer();
  const dialogues = useGraphQuery(DialoguesQuery, {});
  const meetings = useGraphQuery(MyMeetingsQuery, { upcoming: true });
  const upcoming = meetings.data?.myMeetings.nodes ?? [];
  const agenda = useGraphQuery(MyAgendaQuery, { language });
  // Meetings ahead have their own list below; everything else that waits comes first.
  const waiting = (agenda.data?.viewer?.agenda ?? []).filter((item) => item.kind !== "UPCOMING_MEETING");

  return (
    <>
      <PageHeader
        title={t("welcome", { name: viewer?.person.name ?? "" })}
        meta={t("homeIntro")}
        actions={
          viewer?.isAdministrator && (
            <LinkButton to="/dialogues/new" icon={<AddRegular />}>
              {t("newDialogue")}
            </LinkButton>
          )
        }
      />
      <Section title={t("waitingForYou")}>
        {agenda.data ? (
          waiting.length === 0 ? (
            <p className="empty">{t("nothingWaiting")}</p>
          ) : (
            <ul className={listStyles.list} aria-label={t("waitingForYou")}>
              {waiting.map((item) => (
                <Waiting key={`${item.kind}-${item.objectId}`} item={item} />
              ))}
            </ul>
          )
        ) : agenda.error ? (
          <FormError error={agenda.error} />
        ) : (
          <Spinner size="small" label={t("loading")} />
        )}
      </Section>
      <Section title={t("yourMeetings")}>
        {meetings.data ? (
          <MeetingList label={t("yourMeetings")} meetings={upcoming} empty={t("noUpcomingMeetings")} />
        ) : (
          !meetings.error && <Spinner size="small" label={t("loading")} />
        )}
      </Section>
      <Section title={t("yourDialogues")}>
        {dialogues.data ? (
          dialogues.data.dialogues.length === 0 ? (
            <p className="empty">{viewer?.isAdministrator ? t("noDialoguesAdministrator") : t("noDialogues")}</p>
          ) : (
            <ul className={styles.dialogues}>
              {dialogues.data.dialogues.map((d) => (
                <li key={d.key} className={`card ${styles.dialogue}`}>
                  <Link to={`/dialogues/${d.key}`} dir="auto" data-user-content>
                    {d.name}
                  </Link>
                  {d.viewerRoles.length > 0 && (
                    <span className={styles.roles}>{d.viewerRoles.map((r) => label("DialogueRole", r)).join(" · ")}</span>
                  )}
                </li>
              ))}
            </ul>
          )
        ) : (
          <FormError error={dialogues.error} />
        )}
      </Section>
    </>
  );
}
