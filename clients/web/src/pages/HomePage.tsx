import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, CheckmarkRegular, DismissRegular, QuestionRegular } from "@fluentui/react-icons";
import { Link } from "react-router-dom";
import { DialoguesQuery, MyInvitationQuery, MyMeetingsQuery, RespondToInvitation } from "../api";
import { useGraphMutation, useGraphQueries, useGraphQuery } from "../api/hooks";
import { FormError } from "../components/Field";
import { LinkButton } from "../components/LinkButton";
import { MeetingList, type MeetingSummary } from "../components/MeetingList";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import type { InvitationResponse } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { titleIn } from "../text";
import { useViewer } from "../viewer";

const useStyles = makeStyles({
  answers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalXS },
  dialogues: { listStyleType: "none", padding: 0, margin: 0, display: "grid", gap: tokens.spacingVerticalS },
  dialogue: { display: "flex", flexDirection: "column" },
  roles: { color: tokens.colorNeutralForeground3 },
});

/** Accept, maybe, decline: an invitation answered where it waits, with the refusal (a full meeting…) beside it. */
function Answer({ meeting }: { meeting: MeetingSummary }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const label = useLabel();
  const respond = useGraphMutation(RespondToInvitation, (_, v) =>
    notify(t("answered", { title: titleIn(meeting.titles, language), answer: label("InvitationResponse", v.response) })),
  );
  const answer = (response: InvitationResponse) => respond.mutate({ id: meeting.id, response });
  const name = titleIn(meeting.titles, language);
  return (
    <>
      <div className={styles.answers} role="group" aria-label={t("answerInvitationTo", { title: name })}>
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

/**
 * Everyone's first page: what waits for them (invitations to answer), their upcoming meetings with each one's
 * status and dates on its own clock, and their dialogues with their roles. Administrators start a dialogue here.
 */
export function HomePage() {
  const { t } = useI18n();
  const styles = useStyles();
  const label = useLabel();
  const viewer = useViewer();
  const dialogues = useGraphQuery(DialoguesQuery, {});
  const meetings = useGraphQuery(MyMeetingsQuery, { upcoming: true });
  const upcoming = meetings.data?.myMeetings.nodes ?? [];
  const open = upcoming.filter((m) => m.status === "SCHEDULED" || m.status === "IN_PROGRESS");
  const invitations = useGraphQueries(MyInvitationQuery, open.map((m) => ({ id: m.id })));
  const pending = open.filter((_, i) => invitations[i]?.data?.meeting.myInvitation?.status === "INVITED");
  const checking = invitations.some((q) => q.isPending);

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
        {meetings.isPending || checking ? (
          <Spinner size="small" label={t("loading")} />
        ) : (
          <MeetingList
            label={t("invitationsToAnswer")}
            meetings={pending}
            empty={t("nothingWaiting")}
            actions={(m) => <Answer meeting={m} />}
          />
        )}
        <FormError error={meetings.error ?? invitations.find((q) => q.error)?.error} />
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
