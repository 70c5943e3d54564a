import { Select } from "@fluentui/react-components";
import { languages } from "../i18n/messages";
import { useNames } from "../i18n/names";

/** One of the app's languages (ar, en, fr), each named in the viewer's language; for a Field's control. */
export function LanguageSelect({ value, onChange, ...field }: { id: string; value: string; onChange: (language: string) => void; "aria-invalid": boolean; "aria-describedby"?: string }) {
  const names = useNames();
  return (
    <Select {...field} value={value} onChange={(_, d) => onChange(d.value)}>
      {languages.map((l) => (
        <option key={l} value={l}>
          {names.language(l)}
        </option>
      ))}
    </Select>
  );
}
