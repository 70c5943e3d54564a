import { makeStyles, tokens } from "@fluentui/react-components";
import { useParams } from "react-router-dom";
import { DialogueQuery, ParticipationQuery, type StateParticipation } from "../api";
import { useGraphQuery } from "../api/hooks";
import { DataTable } from "../components/DataTable";
import { Loading } from "../components/Loading";
import { PageHeader } from "../components/Page";
import { useI18n } from "../i18n/i18n";
import { useNames } from "../i18n/names";
import { participationYears } from "./participation";

const useStyles = makeStyles({
  away: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Each partner state's participation in the dialogue's meetings year by year, for the secretariat: how many
 * meetings it was invited to, took part in, declined or left unanswered, and how many of its delegates came.
 */
export function ParticipationPage() {
  const { key = "" } = useParams();
  const { t, language } = useI18n();
  const names = useNames();
  const styles = useStyles();
  const dialogue = useGraphQuery(DialogueQuery, { key });
  const participation = useGraphQuery(ParticipationQuery, { key });
  if (!dialogue.data || !participation.data) return <Loading error={dialogue.error ?? participation.error} />;
  const states = [...participation.data.participation].sort((a, b) =>
    names.country(a.partnerStateCode, a.partnerStateName).localeCompare(names.country(b.partnerStateCode, b.partnerStateName), language),
  );
  const years = participationYears(states);
  const cell = (s: StateParticipation, year: number) => {
    const y = s.years.find((x) => x.year === year);
    if (!y || y.invited === 0) return <span className="meta">—</span>;
    return (
      <span>
        {t("participationCell", { tookPart: y.tookPart, invited: y.invited, delegates: y.delegates })}
        {(y.declined > 0 || y.noAnswer > 0) && (
          <span className={styles.away}> · {t("stayedAway", { declined: y.declined, noAnswer: y.noAnswer })}</span>
        )}
      </span>
    );
  };
  return (
    <article>
      <PageHeader title={t("participationTitle")} crumbs={[{ label: dialogue.data.dialogue.name, to: `/dialogues/${key}` }]} />
      <p>{t("participationExplained")}</p>
      {years.length === 0 ? (
        <p className="empty">{t("noParticipationYet")}</p>
      ) : (
        <DataTable
          label={t("participationTitle")}
          rows={states}
          rowKey={(s) => s.partnerStateCode}
          empty={t("noParticipationYet")}
          columns={[
            { key: "state", header: t("partnerState"), cell: (s) => names.country(s.partnerStateCode, s.partnerStateName) },
            ...years.map((year) => ({ key: String(year), header: String(year), cell: (s: StateParticipation) => cell(s, year) })),
          ]}
        />
      )}
    </article>
  );
}
