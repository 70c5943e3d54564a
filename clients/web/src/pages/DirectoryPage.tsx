import { useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";
import { request } from "../api/graphql";
import { useViewer } from "../viewer";
import { DialogueQuery, ErasePerson, ImportMembers, PersonalDataQuery } from "../api";
import { downloadText } from "../download";
import { Field, FormError, fieldError, ownedBy } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import { useQuery } from "../useQuery";

type Report = { dryRun: boolean; imported: number; problems: { line: number; field: string | null; message: string }[] };

/** The dialogue's directory for the secretariat: partner states, agencies, observers, people, and CSV import with a dry run. */
export function DirectoryPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const { data, error, reload } = useQuery(DialogueQuery, { key });
  const [csv, setCsv] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const administrator = useViewer()?.isAdministrator === true;
  const [erasing, setErasing] = useState<{ personId: string; name: string } | null>(null);
  const [confirmEmail, setConfirmEmail] = useState("");
  const [eraseError, setEraseError] = useState<unknown>(null);
  const [erased, setErased] = useState<string | null>(null);
  if (error) return <FormError error={error} />;
  if (!data) return <p>{t("loading")}</p>;
  const d = data.dialogue;

  async function run(dryRun: boolean, event?: FormEvent) {
    event?.preventDefault();
    setImportError(null);
    try {
      const { importMembers } = await request(ImportMembers, { key, csv, dryRun });
      setReport(importMembers);
      if (!dryRun) await reload();
    } catch (e) {
      setImportError(e);
    }
  }

  async function exportData(personId: string) {
    const { personalData } = await request(PersonalDataQuery, { personId });
    downloadText(`personal-data-${personId}.json`, personalData);
  }

  async function erase(event: FormEvent) {
    event.preventDefault();
    if (!erasing) return;
    setEraseError(null);
    try {
      await request(ErasePerson, { personId: erasing.personId, email: confirmEmail });
      setErased(erasing.name);
      setErasing(null);
      setConfirmEmail("");
      await reload();
    } catch (e) {
      setEraseError(e);
    }
  }

  return (
    <section>
      <h1>{t("directory")}: {d.name}</h1>
      <h2>{t("partnerStates")} ({d.partnerStates.length})</h2>
      <table>
        <thead><tr><th scope="col">{t("code")}</th><th scope="col">{t("name")}</th><th scope="col">{t("regionalGroup")}</th></tr></thead>
        <tbody>{d.partnerStates.map((s) => <tr key={s.code}><td>{s.code}</td><td>{s.name}</td><td>{s.regionalGroup}</td></tr>)}</tbody>
      </table>
      <h2>{t("partnerAgencies")}</h2>
      <ul>{d.partnerAgencies.map((o) => <li key={o.key}>{o.name}{o.acronym ? ` (${o.acronym})` : ""}</li>)}</ul>
      <h2>{t("observers")}</h2>
      <ul>{d.observers.map((o) => <li key={o.key}>{o.name}</li>)}</ul>
      <h2>{t("people")} ({d.members.length})</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th><th scope="col">{t("email")}</th><th scope="col">{t("roles")}</th>
            {administrator && <th scope="col">{t("personalData")}</th>}
          </tr>
        </thead>
        <tbody>
          {d.members.map((m) => (
            <tr key={m.personId}>
              <td dir="auto">{m.person?.name}</td>
              <td dir="ltr">{m.person?.email}</td>
              <td>{m.roles.join(", ")} {m.partnerStateCode ?? m.organisationKey ?? m.city ?? ""}</td>
              {administrator && (
                <td>
                  <div className="actions">
                  <button type="button" onClick={() => void exportData(m.personId)} aria-label={t("exportDataOf", { name: m.person?.name ?? "" })}>{t("exportData")}</button>
                  <button type="button" onClick={() => { setErasing({ personId: m.personId, name: m.person?.name ?? "" }); setEraseError(null); setErased(null); }}
                    aria-label={t("eraseOf", { name: m.person?.name ?? "" })}>{t("erase")}</button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {erased && <p role="status">{t("erased", { name: erased })}</p>}
      {erasing && (
        <form onSubmit={(e) => void erase(e)} aria-label={t("eraseOf", { name: erasing.name })}>
          <h3 dir="auto">{t("eraseOf", { name: erasing.name })}</h3>
          <p>{t("eraseExplained")}</p>
          <Field label={t("eraseConfirm")} error={fieldError(eraseError, "email")}>{(p) => <input {...p} type="email" dir="ltr" value={confirmEmail} onChange={(e) => setConfirmEmail(e.target.value)} />}</Field>
          {!ownedBy(eraseError, ["email"]) && <FormError error={eraseError} />}
          <div className="actions">
            <button type="submit">{t("eraseNow")}</button>
            <button type="button" onClick={() => setErasing(null)}>{t("cancel")}</button>
          </div>
        </form>
      )}
      <h2>{t("importCsv")}</h2>
      <form onSubmit={(e) => void run(true, e)}>
        <Field label={t("csv")}>{(p) => <textarea {...p} rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} dir="ltr" />}</Field>
        <div className="actions">
          <button type="submit">{t("dryRun")}</button>
          <button type="button" onClick={() => void run(false)} disabled={!report || report.problems.length > 0}>{t("importNow")}</button>
        </div>
      </form>
      <FormError error={importError} />
      {report && report.problems.length === 0 && (
        <p role="status">{report.dryRun ? t("importChecked", { count: csv.trim().split("\n").length - 1 }) : t("importOk", { count: report.imported })}</p>
      )}
      {report && report.problems.length > 0 && (
        <div role="alert">
          <h3>{t("importProblems")}</h3>
          <ul>{report.problems.map((p, i) => <li key={i}>{t("line", { line: p.line })}: {p.field ? `${p.field}: ` : ""}<span dir="auto">{p.message}</span></li>)}</ul>
        </div>
      )}
    </section>
  );
}
