import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { request } from "../api/graphql";
import { AddMilestone, CitiesQuery, CityQuery, CreateCity, CreatePartnership, PartnershipQuery, SaveCityProfile, SetMilestoneStatus, type City, type MeetingVisibility, type Partnership } from "../api";
import type { MilestoneStatus } from "../gql/graphql";
import { Field, FormError, describe as describeError, fieldError, ownedBy } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { useQuery } from "../useQuery";

const sections = ["overview", "flows", "integrationServices", "actors", "dataAvailability"] as const;

/** The dialogue's cities and City-to-City partnerships; the secretariat adds both. */
export function CitiesPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, reload } = useQuery(CitiesQuery, { key });
  const [city, setCity] = useState({ cityKey: "", name: "", countryCode: "", population: "" });
  const [partnership, setPartnership] = useState({ cityIds: [] as string[], theme: "", roadmapStart: "", roadmapEnd: "" });
  const [cityError, setCityError] = useState<unknown>(null);
  const [partnershipError, setPartnershipError] = useState<unknown>(null);
  if (error) return <FormError error={error} />;
  if (!data) return <p>{t("loading")}</p>;

  async function addCity(event: FormEvent) {
    event.preventDefault();
    setCityError(null);
    try {
      await request(CreateCity, { key, ...city, population: city.population ? Number(city.population) : null });
      setCity({ cityKey: "", name: "", countryCode: "", population: "" });
      await reload();
    } catch (e) {
      setCityError(e);
    }
  }

  async function addPartnership(event: FormEvent) {
    event.preventDefault();
    setPartnershipError(null);
    try {
      navigate(`/partnerships/${(await request(CreatePartnership, { key, ...partnership })).createCityPartnership.id}`);
    } catch (e) {
      setPartnershipError(e);
    }
  }

  return (
    <section>
      <h1>{t("cities")}</h1>
      <table>
        <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("country")}</th><th scope="col">{t("population")}</th><th scope="col">{t("migrationProfile")}</th></tr></thead>
        <tbody>
          {data.cities.map((c) => (
            <tr key={c.id}>
              <td><Link to={`/cities/${c.id}`} dir="auto">{c.name}</Link></td>
              <td>{c.countryCode}</td>
              <td>{c.population ?? ""}</td>
              <td>{c.profile ? t("profileVersion", { number: c.profile.number }) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={addCity} className="row">
        <Field label={t("name")} error={fieldError(cityError, "name")}>{(p) => <input {...p} value={city.name} onChange={(e) => setCity({ ...city, name: e.target.value })} dir="auto" />}</Field>
        <Field label={t("groupKey")} error={fieldError(cityError, "cityKey")}>{(p) => <input {...p} value={city.cityKey} onChange={(e) => setCity({ ...city, cityKey: e.target.value })} dir="ltr" />}</Field>
        <Field label={t("country")} error={fieldError(cityError, "countryCode")}>{(p) => <input {...p} value={city.countryCode} onChange={(e) => setCity({ ...city, countryCode: e.target.value })} dir="ltr" />}</Field>
        <Field label={t("population")} error={fieldError(cityError, "population")}>{(p) => <input {...p} type="number" value={city.population} onChange={(e) => setCity({ ...city, population: e.target.value })} />}</Field>
        <button type="submit">{t("addCity")}</button>
      </form>
      {!ownedBy(cityError, ["name", "cityKey", "countryCode", "population"]) && <FormError error={cityError} />}

      <h2>{t("partnerships")}</h2>
      <ul>
        {data.cityPartnerships.map((p) => (
          <li key={p.id}><Link to={`/partnerships/${p.id}`} dir="auto">{p.theme}</Link> — {p.cities.map((c) => c.name).join(", ")}</li>
        ))}
      </ul>
      <form onSubmit={addPartnership}>
        <fieldset>
          <legend>{t("cities")}</legend>
          {data.cities.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={partnership.cityIds.includes(c.id)}
                onChange={(e) => setPartnership({ ...partnership, cityIds: e.target.checked ? [...partnership.cityIds, c.id] : partnership.cityIds.filter((id) => id !== c.id) })} />
              <span dir="auto">{c.name}</span> ({c.countryCode})
            </label>
          ))}
        </fieldset>
        {fieldError(partnershipError, "cityIds") && <FieldMessage error={partnershipError} />}
        <div className="row">
          <Field label={t("theme")} error={fieldError(partnershipError, "theme")}>{(p) => <input {...p} value={partnership.theme} onChange={(e) => setPartnership({ ...partnership, theme: e.target.value })} dir="auto" />}</Field>
          <Field label={t("from")} error={fieldError(partnershipError, "roadmapStart")}>{(p) => <input {...p} type="date" value={partnership.roadmapStart} onChange={(e) => setPartnership({ ...partnership, roadmapStart: e.target.value })} />}</Field>
          <Field label={t("to")} error={fieldError(partnershipError, "roadmapEnd")}>{(p) => <input {...p} type="date" value={partnership.roadmapEnd} onChange={(e) => setPartnership({ ...partnership, roadmapEnd: e.target.value })} />}</Field>
          <button type="submit">{t("createPartnership")}</button>
        </div>
        {!ownedBy(partnershipError, ["cityIds", "theme", "roadmapStart", "roadmapEnd"]) && <FormError error={partnershipError} />}
      </form>
    </section>
  );
}

function FieldMessage({ error }: { error: unknown }) {
  const { language } = useI18n();
  return <p className="field-error" role="alert" dir="auto">{describeError(error, language)}</p>;
}

/** A city and its migration profile; its officials and the secretariat save new versions. */
export function CityPage() {
  const { dialogue = "", key = "" } = useParams();
  const id = `${dialogue}/${key}`;
  const { t } = useI18n();
  const { data, error, setData } = useQuery(CityQuery, { id });
  const [draft, setDraft] = useState<Record<(typeof sections)[number], string> | null>(null);
  const [visibility, setVisibility] = useState<MeetingVisibility>("DIALOGUE_MEMBERS");
  const [saveError, setSaveError] = useState<unknown>(null);
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data) return <p>{t("loading")}</p>;
  const city: City = data.city;
  const form = draft ?? Object.fromEntries(sections.map((s) => [s, city.profile?.[s] ?? ""])) as Record<(typeof sections)[number], string>;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    try {
      setData({ city: (await request(SaveCityProfile, { id, profile: form, visibility, expectedVersion: city.version })).saveCityProfile });
      setDraft(null);
    } catch (e) {
      setSaveError(e);
    }
  }

  return (
    <article>
      <h1 dir="auto">{city.name} ({city.countryCode})</h1>
      <p>{t("population")}: {city.population ?? "—"} · {t("languages")}: {city.languages.join(", ")}</p>
      <h2>{t("migrationProfile")} {city.profile && `— ${t("profileVersion", { number: city.profile.number })}`}</h2>
      {city.viewerMayEdit ? (
        <form onSubmit={save}>
          {sections.map((s) => (
            <Field key={s} label={t(s as MessageKey)} error={fieldError(saveError, s)}>
              {(p) => <textarea {...p} rows={3} value={form[s]} onChange={(e) => setDraft({ ...form, [s]: e.target.value })} dir="auto" />}
            </Field>
          ))}
          <Field label={t("visibility")}>
            {(p) => (
              <select {...p} value={visibility} onChange={(e) => setVisibility(e.target.value as MeetingVisibility)}>
                {["PARTICIPANTS", "DIALOGUE_MEMBERS", "PUBLIC"].map((v) => <option key={v}>{v}</option>)}
              </select>
            )}
          </Field>
          <FormError error={ownedBy(saveError, [...sections]) ? null : saveError} />
          <button type="submit">{t("saveProfile")}</button>
        </form>
      ) : (
        city.profile && (
          <dl>
            {sections.map((s) => (
              <div key={s}><dt>{t(s as MessageKey)}</dt><dd dir="auto">{city.profile![s]}</dd></div>
            ))}
          </dl>
        )
      )}
      <h2>{t("participants")}</h2>
      <ul>{city.officials.map((o) => <li key={o.personId} dir="auto">{o.name}</li>)}</ul>
    </article>
  );
}

/** A City-to-City partnership: its cities, theme and roadmap of milestones. */
export function PartnershipPage() {
  const { dialogue = "", id = "" } = useParams();
  const partnershipId = `${dialogue}/${id}`;
  const { t } = useI18n();
  const { data, error, setData } = useQuery(PartnershipQuery, { id: partnershipId });
  const [milestone, setMilestone] = useState({ title: "", dueDate: "" });
  const [changeError, setChangeError] = useState<unknown>(null);
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data) return <p>{t("loading")}</p>;
  const p: Partnership = data.cityPartnership;

  async function change(run: () => Promise<Partnership>) {
    setChangeError(null);
    try {
      setData({ cityPartnership: await run() });
    } catch (e) {
      setChangeError(e);
    }
  }

  return (
    <article>
      <h1 dir="auto">{p.theme}</h1>
      <p>{p.cities.map((c) => `${c.name} (${c.countryCode})`).join(" · ")}</p>
      <h2>{t("roadmap")}: {p.roadmapStart} – {p.roadmapEnd}</h2>
      <FormError error={ownedBy(changeError, ["title", "dueDate"]) ? null : changeError} />
      <table>
        <thead><tr><th scope="col">{t("milestones")}</th><th scope="col">{t("dueDate")}</th><th scope="col">{t("status")}</th></tr></thead>
        <tbody>
          {p.milestones.map((m) => (
            <tr key={m.id}>
              <td dir="auto">{m.title}</td>
              <td>{m.dueDate}</td>
              <td>
                {p.viewerMayEdit ? (
                  <select aria-label={`${t("status")}: ${m.title}`} value={m.status}
                    onChange={(e) => change(async () => (await request(SetMilestoneStatus, { id: partnershipId, milestoneId: m.id, status: e.target.value as MilestoneStatus, expectedVersion: p.version })).setMilestoneStatus)}>
                    {["PLANNED", "IN_PROGRESS", "DONE", "DROPPED"].map((s) => <option key={s} value={s}>{t(`milestone_${s}` as MessageKey)}</option>)}
                  </select>
                ) : t(`milestone_${m.status}` as MessageKey)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.viewerMayEdit && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          void change(async () => (await request(AddMilestone, { id: partnershipId, ...milestone, expectedVersion: p.version })).addMilestone);
        }}>
          <Field label={t("title")} error={fieldError(changeError, "title")}>{(f) => <input {...f} value={milestone.title} onChange={(e) => setMilestone({ ...milestone, title: e.target.value })} dir="auto" />}</Field>
          <Field label={t("dueDate")} error={fieldError(changeError, "dueDate")}>{(f) => <input {...f} type="date" value={milestone.dueDate} onChange={(e) => setMilestone({ ...milestone, dueDate: e.target.value })} />}</Field>
          <button type="submit">{t("addMilestone")}</button>
        </form>
      )}
      {p.meetingIds.length > 0 && (
        <ul>{p.meetingIds.map((m) => <li key={m}><Link to={`/meetings/${m}`}>{m}</Link></li>)}</ul>
      )}
    </article>
  );
}
