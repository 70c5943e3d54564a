import { Select } from "@fluentui/react-components";
import { useLabel, type Enums } from "../i18n/labels";

interface EnumSelectProps<E extends keyof Enums> {
  enumName: E;
  values: readonly Enums[E][];
  value: Enums[E] | "";
  onChange: (value: Enums[E]) => void;
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  /** A first, empty choice (for an optional field or a filter), with its wording. */
  empty?: string;
}

/** A choice among an enum's values, each in the viewer's words (never the code). */
export function EnumSelect<E extends keyof Enums>({ enumName, values, value, onChange, empty, ...rest }: EnumSelectProps<E>) {
  const label = useLabel();
  return (
    <Select {...rest} value={value} onChange={(_, d) => onChange(d.value as Enums[E])}>
      {empty !== undefined && <option value="">{empty}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {label(enumName, v)}
        </option>
      ))}
    </Select>
  );
}
