import { Button, Field as FluentField, Input, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DismissRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { describe } from "./Field";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginBlockEnd: tokens.spacingVerticalXS },
  item: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    maxInlineSize: "100%",
  },
  add: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
});

interface TextListFieldProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  error?: Problem | null;
  hint?: string;
  required?: boolean;
}

/**
 * A short list of words people type (regional groups, pillars, topics, a state's other names): each shown
 * with a button that removes it, and a box that adds one (Enter or the Add button). The same text twice is
 * kept once.
 */
export function TextListField({ label, values, onChange, error, hint, required }: TextListFieldProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const inputId = useId();
  const messageId = `${inputId}-message`;
  const [text, setText] = useState("");
  const add = () => {
    const value = text.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setText("");
  };
  return (
    <FluentField
      className="field"
      label={{ children: label, htmlFor: inputId }}
      required={required}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { id: messageId, role: "alert", children: describe(error, language) } : undefined}
    >
      <div>
        {values.length > 0 && (
          <ul className={styles.list} aria-label={label}>
            {values.map((v) => (
              <li key={v} className={styles.item}>
                <span dir="auto" data-user-content>
                  {v}
                </span>
                <Button
                  appearance="subtle"
                  size="small"
                  shape="circular"
                  icon={<DismissRegular />}
                  aria-label={t("removeName", { name: v })}
                  onClick={() => onChange(values.filter((x) => x !== v))}
                />
              </li>
            ))}
          </ul>
        )}
        <div className={styles.add}>
          <Input
            id={inputId}
            className={styles.input}
            value={text}
            dir="auto"
            aria-invalid={Boolean(error)}
            aria-describedby={error ? messageId : undefined}
            onChange={(_, d) => setText(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          <Button icon={<AddRegular />} onClick={add} disabled={text.trim() === ""} aria-label={t("addTo", { list: label })}>
            {t("add")}
          </Button>
        </div>
      </div>
    </FluentField>
  );
}
