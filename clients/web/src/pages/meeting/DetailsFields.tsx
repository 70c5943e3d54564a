import { Checkbox, Combobox, Input, Option, Select, Switch, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { meetingTypes, type Dialogue } from "../../api";
import { DateTimeField } from "../../components/DateTimeField";
import { EnumSelect } from "../../components/EnumSelect";
import { Field, describe, fieldError } from "../../components/Field";
import { useI18n } from "../../i18n/i18n";
import { useNames } from "../../i18n/names";
import { allZones, zonesOf } from "../../time";
import type { DetailsForm } from "./logic";

const useStyles = makeStyles({
  group: { border: "none", padding: 0, margin: 0, marginBlockEnd: tokens.spacingVerticalL, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginBlockEnd: tokens.spacingVerticalS, padding: 0 },
  languages: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/** Every field of the details form the server can name in a refusal: those beside no field show at the top. */
export const detailsFields = [
  "titles", "descriptions", "type", "pillar", "hostCountry", "city", "venue", "timeZone", "startsLocal", "endsLocal", "workingLanguages",
  "capacity", "visibility", "interpretation", "format", "onlineMeetingUrl", "liveNotesForParticipants", "attributionGuard",
];

/** The time zone, chosen from the browser's list (the host state's zones first) or typed. */
function TimeZoneField({ value, hostCountry, onChange, error }: { value: string; hostCountry: string; onChange: (zone: string) => void; error: ReturnType<typeof fieldError> }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);
  const zones = useMemo(() => {
    const own = zonesOf(hostCountry);
    return [...own, ...allZones().filter((z) => !own.includes(z))];
  }, [hostCountry]);
  const query = (typed ?? "").toLowerCase();
  const shown = zones.filter((z) => z.toLowerCase().includes(query)).slice(0, 40);
  return (
    <Field label={t("timeZone")} error={error} hint={t("meetingTimeZoneHint")}>
      {(p) => (
        <Combobox
          {...p}
          freeform
          dir="ltr"
          value={typed ?? value}
          selectedOptions={[value]}
          onOptionSelect={(_, d) => {
            if (d.optionValue) onChange(d.optionValue);
            setTyped(null);
          }}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange(e.target.value);
          }}
          onBlur={() => setTyped(null)}
        >
          {shown.map((z) => (
            <Option key={z} value={z}>
              {z}
            </Option>
          ))}
        </Combobox>
      )}
    </Field>
  );
}

/**
 * The details of a meeting as the secretariat fills them: what (titles in each working language, kind,
 * pillar), where (host partner state, city, venue, format and link), when (zone, start, end) and for whom
 * (visibility, capacity, interpretation). Each refusal of the server shows beside its field.
 */
export function DetailsFields({ dialogue, form, onChange, error, create, datesFixed }: {
  dialogue: Dialogue;
  form: DetailsForm;
  onChange: (form: DetailsForm) => void;
  error: unknown;
  /** A new meeting: its notes settings are chosen here too (later on the notes tab). */
  create?: boolean;
  /** The meeting is under way: its dates no longer move. */
  datesFixed?: boolean;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const set = <K extends keyof DetailsForm>(key: K, value: DetailsForm[K]) => onChange({ ...form, [key]: value });
  const names = useNames();
  const collator = new Intl.Collator(language);
  const states = dialogue.partnerStates.map((s) => ({ code: s.code, name: names.country(s.code, s.name) })).sort((a, b) => collator.compare(a.name, b.name));
  const languages = dialogue.workingLanguages.filter((l) => form.workingLanguages.includes(l));

  function setHost(code: string) {
    // The host's zone follows the host while the zone is still one of the former host's (or none).
    const before = zonesOf(form.hostCountry);
    const zone = form.timeZone === "" || before.includes(form.timeZone) ? zonesOf(code)[0] ?? form.timeZone : form.timeZone;
    onChange({ ...form, hostCountry: code, timeZone: zone });
  }

  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("whatItIs")}</legend>
        <div className="grid-form">
          {languages.map((l, i) => (
            <Field key={l} label={t("titleIn", { language: names.language(l) })} error={i === 0 ? fieldError(error, "titles") : null} hint={i === 0 ? t("titlesHint") : undefined}>
              {(p) => <Input {...p} lang={l} dir="auto" value={form.titles[l] ?? ""} onChange={(_, d) => set("titles", { ...form.titles, [l]: d.value })} />}
            </Field>
          ))}
          <Field label={t("type")} error={fieldError(error, "type")}>
            {(p) => <EnumSelect {...p} enumName="MeetingType" values={meetingTypes} value={form.type} onChange={(v) => set("type", v)} />}
          </Field>
          <Field label={t("pillar")} error={fieldError(error, "pillar")}>
            {(p) => (
              <Select {...p} value={form.pillar} onChange={(_, d) => set("pillar", d.value)}>
                <option value="">{t("noPillar")}</option>
                {dialogue.pillars.map((pillar) => (
                  <option key={pillar} value={pillar}>
                    {pillar}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div role="group" aria-label={t("workingLanguages")} className="field">
          <span className={styles.legend}>{t("workingLanguages")}</span>
          <div className={styles.languages}>
            {dialogue.workingLanguages.map((l) => (
              <Checkbox
                key={l}
                label={names.language(l)}
                checked={form.workingLanguages.includes(l)}
                onChange={(_, d) => set("workingLanguages", d.checked ? dialogue.workingLanguages.filter((x) => x === l || form.workingLanguages.includes(x)) : form.workingLanguages.filter((x) => x !== l))}
              />
            ))}
          </div>
          {fieldError(error, "workingLanguages") && (
            <p className="field-error" role="alert">
              {describe(fieldError(error, "workingLanguages"), language)}
            </p>
          )}
        </div>
        <div className="grid-form">
          {languages.map((l, i) => (
            <Field key={l} label={t("descriptionIn", { language: names.language(l) })} error={i === 0 ? fieldError(error, "descriptions") : null}>
              {(p) => <Textarea {...p} lang={l} dir="auto" resize="vertical" value={form.descriptions[l] ?? ""} onChange={(_, d) => set("descriptions", { ...form.descriptions, [l]: d.value })} />}
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("whereItIs")}</legend>
        <div className="grid-form">
          <Field label={t("hostCountry")} error={fieldError(error, "hostCountry")} required>
            {(p) => (
              <Select {...p} value={form.hostCountry} onChange={(_, d) => setHost(d.value)}>
                <option value="" disabled>
                  {t("choose")}
                </option>
                {states.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("city")} error={fieldError(error, "city")} required>
            {(p) => <Input {...p} dir="auto" value={form.city} onChange={(_, d) => set("city", d.value)} />}
          </Field>
          <Field label={t("venue")} error={fieldError(error, "venue")}>
            {(p) => <Input {...p} dir="auto" value={form.venue} onChange={(_, d) => set("venue", d.value)} />}
          </Field>
          <Field label={t("format")} error={fieldError(error, "format")}>
            {(p) => <EnumSelect {...p} enumName="MeetingFormat" values={["IN_PERSON", "HYBRID", "ONLINE"]} value={form.format} onChange={(v) => set("format", v)} />}
          </Field>
          {form.format !== "IN_PERSON" && (
            <Field label={t("onlineMeetingUrl")} error={fieldError(error, "onlineMeetingUrl")} hint={t("onlineMeetingUrlHint")}>
              {(p) => <Input {...p} type="url" dir="ltr" value={form.onlineMeetingUrl} onChange={(_, d) => set("onlineMeetingUrl", d.value)} />}
            </Field>
          )}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("whenItIs")}</legend>
        {datesFixed ? (
          <p className="meta">{t("datesFixed")}</p>
        ) : (
          <div className="grid-form">
            <TimeZoneField value={form.timeZone} hostCountry={form.hostCountry} onChange={(zone) => set("timeZone", zone)} error={fieldError(error, "timeZone")} />
            <DateTimeField label={t("starts")} value={form.startsLocal} onChange={(v) => set("startsLocal", v)} error={fieldError(error, "startsLocal")} required />
            <DateTimeField label={t("ends")} value={form.endsLocal} onChange={(v) => set("endsLocal", v)} error={fieldError(error, "endsLocal")} required />
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("whoAndHow")}</legend>
        <div className="grid-form">
          <Field label={t("visibility")} error={fieldError(error, "visibility")}>
            {(p) => <EnumSelect {...p} enumName="MeetingVisibility" values={["PARTICIPANTS", "DIALOGUE_MEMBERS", "PUBLIC"]} value={form.visibility} onChange={(v) => set("visibility", v)} />}
          </Field>
          <Field label={t("capacity")} error={fieldError(error, "capacity")} hint={t("capacityHint")}>
            {(p) => <Input {...p} type="number" min={1} inputMode="numeric" value={form.capacity} onChange={(_, d) => set("capacity", d.value)} />}
          </Field>
        </div>
        <Switch label={t("interpretation")} checked={form.interpretation} onChange={(_, d) => set("interpretation", d.checked)} />
        {create && (
          <>
            <Switch label={t("liveNotesForParticipants")} checked={form.liveNotesForParticipants} onChange={(_, d) => set("liveNotesForParticipants", d.checked)} />
            <Field label={t("attributionGuard")} error={fieldError(error, "attributionGuard")}>
              {(p) => <EnumSelect {...p} enumName="AttributionGuard" values={["WARN", "STRICT"]} value={form.attributionGuard} onChange={(v) => set("attributionGuard", v)} />}
            </Field>
          </>
        )}
      </fieldset>
    </>
  );
}
