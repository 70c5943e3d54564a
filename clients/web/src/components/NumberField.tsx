import { SpinButton } from "@fluentui/react-components";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { Field } from "./Field";

/** A whole number within bounds (Fluent UI's SpinButton), its arrow buttons named in the viewer's language. */
export function NumberField({ label, value, onChange, min, max, step = 1, error, required }: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  error?: Problem | null;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field label={label} error={error} required={required}>
      {(p) => (
        <SpinButton
          {...p}
          min={min}
          max={max}
          step={step}
          value={value}
          incrementButton={{ "aria-label": t("increase") }}
          decrementButton={{ "aria-label": t("decrease") }}
          onChange={(_, d) => {
            if (d.value !== undefined) onChange(d.value);
            else if (d.displayValue !== undefined) onChange(/^\s*$/.test(d.displayValue) ? null : Number.isNaN(Number(d.displayValue)) ? value : Math.round(Number(d.displayValue)));
          }}
        />
      )}
    </Field>
  );
}
