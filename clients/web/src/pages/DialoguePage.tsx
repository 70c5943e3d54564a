import { Spinner, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, SettingsRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { DialogueQuery, MeetingsQuery, WorkingGroupsQuery } from "../api";
import { useGraphQuery } from "../api/hooks";
import { FormError } from "../components/Field";
import { Loading } from "../components/Loading";
import { LinkButton } from "../components/LinkButton";
import { MeetingList } from "../components/MeetingList";
import { MonthCalendar } from "../components/MonthCalendar";
import { PageHeader, Section } from "../components/Page";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { useViewer } from "../viewer";

const useStyles = makeStyles({
  places: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(15rem, 100%), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  place: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, height: "100%", boxSizing: "border-box", marginBlockEnd: 0 },
  placeLink: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  group: { marginBlockEnd: tokens.spacingVerticalM },
  groupTitle: { marginBlock: tokens.spacingVerticalXS },
  views: { display: "flex", gap: tokens.spacingHorizontalS, marginBlockEnd: tokens.spacingVerticalS },
});

/** Whether the viewer runs this dialogue: its secretariat or an administrator (the server checks each change too). */
export function useIsSecretariat(viewerRoles: readonly string[] | undefined): boolean {
  const viewer = useViewer();
  return viewer?.isAdministrator === true || (viewerRoles ?? []).includes("SECRETARIAT");
}

function Meetings({ dialogueKey }: { dialogueKey: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [view, setView] = useState<"list" | "calendar">("list");
  const upcoming = useGraphQuery(MeetingsQuery, { key: dialogueKey, upcoming: true });
  const past = useGraphQuery(MeetingsQuery, { key: dialogueKey, upcoming: false });
  const error = upcoming.error ?? past.error;
  return (
    <Section title={t("meetings")}>
      {/* Two pressed-or-not buttons: the same meetings shown two ways, not two panels of a tab list. */}
      <div role="group" aria-label={t("meetingsView")} className={styles.views}>
        {(["list", "calendar"] as const).map((v) => (
          <ToggleButton key={v} checked={view === v} appearance={view === v ? "primary" : "secondary"} onClick={() => setView(v)}>
            {t(v)}
          </ToggleButton>
        ))}
      </div>
      <FormError error={error} />
      {!upcoming.data || !past.data ? (
        !error && <Spinner size="small" label={t("loading")} />
      ) : view === "list" ? (
        <>
          <h3>{t("upcoming")}</h3>
          <MeetingList label={t("upcoming")} meetings={upcoming.data.meetings.nodes} empty={t("noUpcomingInDialogue")} />
          <h3>{t("past")}</h3>
          <MeetingList label={t("past")} meetings={past.data.meetings.nodes} empty={t("noPastMeetings")} />
        </>
      ) : (
        <MonthCalendar meetings={[...upcoming.data.meetings.nodes, ...past.data.meetings.nodes]} />
      )}
    </Section>
  );
}

function WorkingGroups({ dialogueKey, secretariat }: { dialogueKey: string; secretariat: boolean }) {
  const { t } = useI18n();
  const { data, error } = useGraphQuery(WorkingGroupsQuery, { key: dialogueKey });
  return (
    <Section
      title={t("workingGroups")}
      actions={
        secretariat && (
          <LinkButton to={`/dialogues/${dialogueKey}/groups/new`} icon={<AddRegular />}>
            {t("newWorkingGroup")}
          </LinkButton>
        )
      }
    >
      <FormError error={error} />
      {data &&
        (data.workingGroups.length === 0 ? (
          <p className="empty">{secretariat ? t("noGroupsSecretariat") : t("noGroups")}</p>
        ) : (
          <ul>
            {data.workingGroups.map((g) => (
              <li key={g.id}>
                <Link to={`/groups/${g.id}`} dir="auto" data-user-content>
                  {g.name}
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </Section>
  );
}

/**
 * A dialogue's home: what it is (languages, pillars, who takes part), where its work lives (directory,
 * expert exchanges, cities, registries of priorities, working groups) and its meetings as a list or a month.
 */
export function DialoguePage() {
  const { key = "" } = useParams();
  const { t, language } = useI18n();
  const styles = useStyles();
  const label = useLabel();
  const names = useNames();
  const { data, error } = useGraphQuery(DialogueQuery, { key });
  const secretariat = useIsSecretariat(data?.dialogue.viewerRoles);
  if (!data) return <Loading error={error} />;
  const d = data.dialogue;
  const regions = d.regionalGroups.map((group) => ({ group, states: d.partnerStates.filter((s) => s.regionalGroup === group) }));
  const places = [
    { to: `/dialogues/${key}/directory`, label: t("directory"), hint: t("directoryHint") },
    { to: `/dialogues/${key}/follow-up`, label: t("followUpTitle"), hint: t("followUpHint") },
    { to: `/dialogues/${key}/library`, label: t("libraryTitle"), hint: t("libraryHint") },
    { to: `/dialogues/${key}/exchanges`, label: t("expertExchanges"), hint: t("exchangesHint") },
    { to: `/dialogues/${key}/cities`, label: t("cities"), hint: t("citiesHint") },
    ...(secretariat ? [{ to: `/dialogues/${key}/participation`, label: t("participationTitle"), hint: t("participationHint") }] : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <span data-user-content dir="auto">
            {d.name}
          </span>
        }
        meta={d.viewerRoles.length > 0 ? t("yourRoles", { roles: d.viewerRoles.map((r) => label("DialogueRole", r)).join(", ") }) : undefined}
        crumbs={[{ label: t("home"), to: "/" }]}
        actions={
          secretariat && (
            <>
              <LinkButton to={`/dialogues/${key}/meetings/new`} appearance="primary" icon={<AddRegular />}>
                {t("newMeeting")}
              </LinkButton>
              <LinkButton to={`/dialogues/${key}/settings`} icon={<SettingsRegular />}>
                {t("dialogueSettings")}
              </LinkButton>
            </>
          )
        }
      />
      <Section title={t("overview")}>
        {d.description && (
          <p dir="auto" data-user-content>
            {d.description}
          </p>
        )}
        <dl className="facts">
          <dt>{t("workingLanguages")}</dt>
          <dd>{d.workingLanguages.map((l) => names.language(l)).join(", ")}</dd>
          {d.pillars.length > 0 && (
            <>
              <dt>{t("pillars")}</dt>
              <dd dir="auto" data-user-content>
                {d.pillars.join(" · ")}
              </dd>
            </>
          )}
          <dt>{t("whoTakesPart")}</dt>
          <dd>{t("dialogueCounts", { states: d.partnerStates.length, agencies: d.partnerAgencies.length, observers: d.observers.length })}</dd>
        </dl>
      </Section>
      <nav aria-label={t("inThisDialogue")}>
        <ul className={styles.places}>
          {places.map((p) => (
            <li key={p.to} className={`card ${styles.place}`}>
              <Link to={p.to} className={styles.placeLink}>
                {p.label}
              </Link>
              <span className={styles.hint}>{p.hint}</span>
            </li>
          ))}
        </ul>
      </nav>
      <Meetings dialogueKey={key} />
      <WorkingGroups dialogueKey={key} secretariat={secretariat} />
      <Section title={t("registry")}>
        <p className={styles.hint}>{t("registryHint")}</p>
        {d.partnerStates.length === 0 ? (
          <p className="empty">{t("noPartnerStates")}</p>
        ) : (
          regions.map(
            ({ group, states }) =>
              states.length > 0 && (
                <div key={group} className={styles.group}>
                  <h3 className={styles.groupTitle} dir="auto" data-user-content>
                    {group}
                  </h3>
                  <ul className="inline">
                    {states
                      .map((s) => ({ code: s.code, name: names.country(s.code, s.name) }))
                      .sort((a, b) => a.name.localeCompare(b.name, language))
                      .map((s) => (
                        <li key={s.code}>
                          <Link to={`/dialogues/${key}/registry/${s.code}`}>{s.name}</Link>
                        </li>
                      ))}
                  </ul>
                </div>
              ),
          )
        )}
      </Section>
    </>
  );
}
