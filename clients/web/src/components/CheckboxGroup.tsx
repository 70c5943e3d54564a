import { Checkbox, FieldContextProvider, Field as FluentField, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { describe } from "./Field";

const useStyles = makeStyles({
  options: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
});

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface CheckboxGroupProps<V extends string> {
  label: string;
  options: Choice<V>[];
  selected: V[];
  onChange: (selected: V[]) => void;
  error?: Problem | null;
  hint?: string;
  required?: boolean;
}

/**
 * Several choices under one label (roles, working languages): Fluent UI's checkboxes in a labelled group, with
 * the server's refusal for the whole group beside it. Each checkbox keeps its own id: the Field's context,
 * which gives one control the field's id, is not passed down to them.
 */
export function CheckboxGroup<V extends string>({ label, options, selected, onChange, error, hint, required }: CheckboxGroupProps<V>) {
  const styles = useStyles();
  const { language } = useI18n();
  const labelId = useId();
  const messageId = `${labelId}-message`;
  return (
    <FluentField
      className="field"
      label={{ id: labelId, children: label }}
      required={required}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { id: messageId, role: "alert", children: describe(error, language) } : undefined}
    >
      <FieldContextProvider value={undefined}>
        <div role="group" aria-labelledby={labelId} aria-describedby={error ? messageId : undefined} className={styles.options}>
          {options.map((o) => (
            <Checkbox
              key={o.value}
              label={o.label}
              checked={selected.includes(o.value)}
              onChange={(_, d) => onChange(d.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
            />
          ))}
        </div>
      </FieldContextProvider>
    </FluentField>
  );
}
