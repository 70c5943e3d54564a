import { Badge, Button, Input, Select, Spinner, Switch, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { MeetingRegistrations, RegisterForMeeting, type Meeting, type Registration, type RegistrationRow } from "../../api";
import { useGraphQuery } from "../../api/hooks";
import { DataTable } from "../../components/DataTable";
import { Field, FormError, fieldError } from "../../components/Field";
import { useNotify } from "../../components/Toasts";
import { countryCodes } from "../../i18n/countries";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { formatDate, formatInZone, viewerZone } from "../../time";
import { useMeetingChange } from "./common";
import { registrationDraft, registrationInput, type RegistrationDraft } from "./logic";

const useStyles = makeStyles({
  group: { border: "none", padding: 0, margin: 0, marginBlockEnd: tokens.spacingVerticalL },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBlockEnd: tokens.spacingVerticalS },
});

const fields = ["arrival", "departure", "nameAsInPassport", "nationality", "passportNumber", "passportExpires", "fundingNote", "accessibilityNeeds", "dietaryNeeds"];

/**
 * The invitee's registration: travel dates, a visa-support letter with the passport details it needs, a funding
 * request, accessibility and dietary needs. Only they and the secretariat see it.
 */
export function RegistrationForm({ meeting, registration }: { meeting: Meeting; registration: Registration }) {
  const { t, language } = useI18n();
  const names = useNames();
  const styles = useStyles();
  const notify = useNotify();
  const [draft, setDraft] = useState<RegistrationDraft>(() => registrationDraft(registration));
  const save = useMeetingChange(RegisterForMeeting, () => notify(t("registrationSaved")));
  const set = <K extends keyof RegistrationDraft>(key: K, value: RegistrationDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const open = meeting.status !== "CONCLUDED" && meeting.status !== "CANCELLED";
  const text = (key: keyof RegistrationDraft, label: string, props: { type?: "date"; dir?: "ltr" | "auto" } = {}) => (
    <Field label={label} error={fieldError(save.error, key)}>
      {(p) => <Input {...p} type={props.type} dir={props.dir ?? "auto"} value={draft[key] as string} disabled={!open} onChange={(_, d) => set(key, d.value)} />}
    </Field>
  );
  const countries = countryCodes.map((c) => ({ code: c, name: names.country(c) })).sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <form
      noValidate
      aria-label={t("registration")}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: meeting.id, registration: registrationInput(draft), expectedRevision: registration.registeredAt ? registration.revision : null });
      }}
    >
      <p className="meta">
        {registration.registeredAt ? t("registeredOn", { when: formatInZone(registration.registeredAt, viewerZone(), language) }) : t("notRegisteredYet")} {t("registrationPrivate")}
      </p>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("travel")}</legend>
        <div className="grid-form">
          {text("arrival", t("arrival"), { type: "date", dir: "ltr" })}
          {text("departure", t("departure"), { type: "date", dir: "ltr" })}
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("visaLetter")}</legend>
        <Switch label={t("visaLetterRequest")} checked={draft.visaLetterRequested} disabled={!open} onChange={(_, d) => set("visaLetterRequested", d.checked)} />
        {draft.visaLetterRequested && (
          <div className="grid-form">
            {text("nameAsInPassport", t("nameAsInPassport"))}
            <Field label={t("nationality")} error={fieldError(save.error, "nationality")}>
              {(p) => (
                <Select {...p} value={draft.nationality} disabled={!open} onChange={(_, d) => set("nationality", d.value)}>
                  <option value="">{t("chooseCountry")}</option>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {text("passportNumber", t("passportNumber"), { dir: "ltr" })}
            {text("passportExpires", t("passportExpires"), { type: "date", dir: "ltr" })}
          </div>
        )}
        {registration.visaLetterIssuedAt && <p>{t("visaLetterIssuedOn", { when: formatInZone(registration.visaLetterIssuedAt, viewerZone(), language) })}</p>}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("funding")}</legend>
        <Switch label={t("fundingRequest")} checked={draft.fundingRequested} disabled={!open} onChange={(_, d) => set("fundingRequested", d.checked)} />
        {draft.fundingRequested && (
          <Field label={t("fundingNote")} hint={t("fundingNoteHint")} error={fieldError(save.error, "fundingNote")}>
            {(p) => <Textarea {...p} dir="auto" resize="vertical" value={draft.fundingNote} disabled={!open} onChange={(_, d) => set("fundingNote", d.value)} />}
          </Field>
        )}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("needs")}</legend>
        <Field label={t("accessibilityNeeds")} error={fieldError(save.error, "accessibilityNeeds")}>
          {(p) => <Textarea {...p} dir="auto" resize="vertical" value={draft.accessibilityNeeds} disabled={!open} onChange={(_, d) => set("accessibilityNeeds", d.value)} />}
        </Field>
        <Field label={t("dietaryNeeds")} error={fieldError(save.error, "dietaryNeeds")}>
          {(p) => <Textarea {...p} dir="auto" resize="vertical" value={draft.dietaryNeeds} disabled={!open} onChange={(_, d) => set("dietaryNeeds", d.value)} />}
        </Field>
      </fieldset>
      <FormError error={save.error} fields={fields} />
      {open && (
        <div className="actions">
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {registration.registeredAt ? t("saveRegistration") : t("register")}
          </Button>
        </div>
      )}
    </form>
  );
}

/** Every invitee's registration for the secretariat, with each visa-support letter to download in the viewer's language. */
export function Registrations({ meeting }: { meeting: Meeting }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const query = useGraphQuery(MeetingRegistrations, { id: meeting.id, language });
  if (!query.data) return query.error ? <FormError error={query.error} /> : <Spinner label={t("loading")} />;
  const rows = query.data.meeting.registrations;
  const date = (d: string | null | undefined) => (d ? formatDate(d, language) : "—");
  const yes = (r: RegistrationRow) => [r.visaLetterRequested && t("visaLetter"), r.fundingRequested && t("funding")].filter(Boolean).join(" · ") || "—";
  return (
    <>
      <p className="meta">{t("registrationsExplained", { registered: rows.filter((r) => r.registeredAt).length, invited: rows.length })}</p>
      <DataTable
        label={t("registrations")}
        rows={rows}
        rowKey={(r) => r.delegate.personId}
        empty={t("noRegistrations")}
        columns={[
          {
            key: "who",
            header: t("name"),
            cell: (r) => (
              <span dir="auto" data-user-content>
                {r.delegate.name}
                {r.delegate.affiliation && <span className="meta"> · {r.delegate.affiliation}</span>}
              </span>
            ),
          },
          {
            key: "status",
            header: t("status"),
            cell: (r) => (
              <span>
                {label("InvitationStatus", r.invitationStatus)}{" "}
                {!r.registeredAt && (
                  <Badge appearance="tint" color="warning">
                    {t("notRegistered")}
                  </Badge>
                )}
              </span>
            ),
          },
          { key: "travel", header: t("travel"), cell: (r) => (r.arrival || r.departure ? `${date(r.arrival)} – ${date(r.departure)}` : "—") },
          { key: "requests", header: t("requests"), cell: (r) => yes(r) },
          {
            key: "visa",
            header: t("visaLetter"),
            cell: (r) =>
              r.visaLetterRequested ? (
                <span>
                  <span data-user-content>{[r.nameAsInPassport, r.nationality && names.country(r.nationality), r.passportNumber].filter(Boolean).join(" · ")}</span>{" "}
                  {r.visaLetterUrl && (
                    <Button as="a" size="small" href={r.visaLetterUrl} download icon={<ArrowDownloadRegular />}>
                      {t("visaLetterOf", { name: r.delegate.name })}
                    </Button>
                  )}
                  {r.visaLetterIssuedAt && <span className="meta"> · {t("issued")}</span>}
                </span>
              ) : (
                "—"
              ),
          },
          {
            key: "needs",
            header: t("needs"),
            cell: (r) => (
              <span dir="auto" data-user-content>
                {[r.fundingNote, r.accessibilityNeeds, r.dietaryNeeds].filter(Boolean).join(" · ") || "—"}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
