import { Badge, Card, Select } from "@fluentui/react-components";
import { Link as RouterLink, useParams, useSearchParams } from "react-router-dom";
import { RecommendationFollowUpQuery, type RecommendationFollowUp } from "../api";
import { useGraphQuery } from "../api/hooks";
import { Field } from "../components/Field";
import { Loading } from "../components/Loading";
import { PageHeader, Section } from "../components/Page";
import { useDirectory, type Directory } from "../directory";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { outcomeText } from "../outcomes";
import { OutcomeLinks, ProgressForm, SpawnLinks, useAddresseeName } from "./meeting/Outcomes";

/** One recommendation on the follow-up page: its meeting, text, addressees, status and the latest progress. */
function FollowUpCard({ item, directory }: { item: RecommendationFollowUp; directory: Directory | null }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const addresseeName = useAddresseeName(directory);
  const r = item.recommendation;
  const heading = t("recommendationNumbered", { number: r.number });
  const latest = r.progress.at(-1);
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  return (
    <Card className="outcome" aria-label={`${item.meetingTitle} · ${heading}`}>
      <div className="outcome-head">
        <RouterLink to={`/meetings/${item.meetingId}?tab=outcomes`} data-user-content dir="auto">{item.meetingTitle}</RouterLink> · <strong>{heading}</strong>{" "}
        <Badge appearance="outline" className="follow-up">{label("FollowUpStatus", r.followUp)}</Badge>
      </div>
      <p className="prose" dir="auto" data-user-content>{outcomeText(r, language).text}</p>
      <p className="meta">{t("addressedTo")} {names.list(r.addressees.map(addresseeName))}</p>
      {latest ? (
        <p>
          <span className="meta">{t("latestProgress", { date: when.format(new Date(latest.reportedAt)), party: addresseeName(latest.reportedFor) })}</span>{" "}
          <span dir="auto" data-user-content>{latest.text}</span>
        </p>
      ) : (
        <p className="meta">{t("noProgressYet")}</p>
      )}
      <OutcomeLinks outcome={r} />
      <div className="actions">
        {r.viewerMayReportFor.length > 0 && <ProgressForm outcome={r} meetingId={item.meetingId} directory={directory} heading={heading} />}
        <SpawnLinks outcome={r} meetingId={item.meetingId} directory={directory} />
      </div>
    </Card>
  );
}

/**
 * A dialogue's recommendations and their follow-up across meetings: every published recommendation by pillar
 * and year, where it stands, and what those it addresses report. Focal points, agencies and working groups
 * report progress here for their own state, organisation or group.
 */
export function FollowUpPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const pillar = search.get("pillar") || null;
  const year = Number(search.get("year")) || null;
  const { directory, error } = useDirectory(key);
  const all = useGraphQuery(RecommendationFollowUpQuery, { key, pillar: null, year: null });
  const shown = useGraphQuery(RecommendationFollowUpQuery, { key, pillar, year });
  if (!all.data || !shown.data || !directory) return <Loading error={all.error ?? shown.error ?? error} />;
  const years = [...new Set(all.data.recommendationFollowUp.map((r) => r.year))].sort((a, b) => b - a);
  const pillars = directory.dialogue.pillars;
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const items = shown.data.recommendationFollowUp;
  const groups: { pillar: string; year: number; items: RecommendationFollowUp[] }[] = [];
  for (const item of items) {
    const p = item.pillar ?? "";
    const group = groups.find((g) => g.pillar === p && g.year === item.year);
    if (group) group.items.push(item);
    else groups.push({ pillar: p, year: item.year, items: [item] });
  }

  return (
    <article>
      <PageHeader title={t("followUpTitle")} crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]} />
      <p>{t("followUpExplained")}</p>
      <div className="grid-form" role="search">
        <Field label={t("pillar")}>
          {(p) => (
            <Select {...p} value={pillar ?? ""} onChange={(_, d) => set("pillar", d.value)}>
              <option value="">{t("allPillars")}</option>
              {pillars.map((x) => <option key={x} value={x}>{x}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("year")}>
          {(p) => (
            <Select {...p} value={year ? String(year) : ""} onChange={(_, d) => set("year", d.value)}>
              <option value="">{t("allYears")}</option>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </Select>
          )}
        </Field>
      </div>
      {items.length === 0 && <p>{all.data.recommendationFollowUp.length === 0 ? t("noRecommendationsYet") : t("noRecommendationsMatch")}</p>}
      {groups.map((g) => (
        <Section key={`${g.pillar}-${g.year}`} title={`${g.pillar || t("noPillar")} · ${g.year}`}>
          <ul className="outcomes">
            {g.items.map((item) => (
              <li key={`${item.meetingId}#${item.recommendation.id}`}>
                <FollowUpCard item={item} directory={directory} />
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </article>
  );
}
