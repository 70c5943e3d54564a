import { Select } from "@fluentui/react-components";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { zoneLabel, zonesOf } from "../time";
import { Field } from "./Field";

/** The time zone of a place in a country: chosen among the country's zones (most have one), never typed. */
export function TimeZoneSelect({ label, country, value, onChange, error }: {
  label: string;
  /** The host state's ISO code: its zones are offered. */
  country: string;
  value: string;
  onChange: (zone: string) => void;
  error?: Problem | null;
}) {
  const { t, language } = useI18n();
  const zones = zonesOf(country);
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <Field label={label} error={error} required hint={country ? undefined : t("chooseCountryFirst")}>
      {(p) => (
        <Select {...p} value={value} disabled={options.length === 0} onChange={(_, d) => onChange(d.value)}>
          {!value && <option value="" />}
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabel(zone, language)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
