import {
  Field as FluentField,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  TagPickerOptionGroup,
  useTagPickerFilter,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { describe } from "./Field";

export interface Choice {
  value: string;
  /** What the viewer reads (a name in their language, or a person's own name). */
  label: string;
  /** What tells two choices apart: a person's state or agency, a city's country. */
  detail?: string | null;
  /** The group it is listed under, when the picker has groups. */
  group?: string;
}

interface ChoicePickerProps {
  label: string;
  choices: Choice[];
  /** Headings the choices are listed under, in order (e.g. partner states, partner agencies, people). */
  groups?: { key: string; label: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
  error?: Problem | null;
  hint?: string;
  required?: boolean;
  /** At most this many (e.g. the dialogue's co-chairs per meeting). */
  max?: number;
}

/**
 * Several of a long list (partner states, agencies, cities, people) chosen by typing part of a name (Fluent
 * UI's TagPicker): the chosen appear as tags a keyboard can remove, the list filters as one types, and
 * nothing is ever typed as free text.
 */
export function ChoicePicker({ label, choices, groups, selected, onChange, error, hint, required, max }: ChoicePickerProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState("");
  const byValue = new Map(choices.map((c) => [c.value, c]));
  const full = max !== undefined && selected.length >= max;
  const name = (value: string) => byValue.get(value)?.label ?? value;
  const typed = query.toLocaleLowerCase(language);
  // On the name and the detail, so "Morocco" finds the Moroccan delegates.
  const matches = (value: string) =>
    !selected.includes(value) && `${name(value)} ${byValue.get(value)?.detail ?? ""}`.toLocaleLowerCase(language).includes(typed);
  const option = (value: string) => (
    <TagPickerOption key={value} value={value} secondaryContent={byValue.get(value)?.detail ?? undefined} text={name(value)}>
      <span dir="auto">{name(value)}</span>
    </TagPickerOption>
  );
  const filtered = useTagPickerFilter({
    query,
    options: choices.map((c) => c.value),
    noOptionsElement: <TagPickerOption value="no-match">{t("noMatch")}</TagPickerOption>,
    renderOption: option,
    filter: matches,
  });
  const grouped = groups?.map((g) => {
    const inGroup = choices.filter((c) => c.group === g.key && matches(c.value));
    return inGroup.length === 0 ? null : (
      <TagPickerOptionGroup key={g.key} label={g.label}>
        {inGroup.map((c) => option(c.value))}
      </TagPickerOptionGroup>
    );
  });
  const children = grouped && grouped.some((g) => g !== null)
    ? grouped
    : groups ? <TagPickerOption value="no-match">{t("noMatch")}</TagPickerOption> : filtered;
  return (
    <FluentField
      className="field"
      label={label}
      hint={hint}
      required={required}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { role: "alert", children: describe(error, language) } : undefined}
    >
      <TagPicker
        selectedOptions={selected}
        onOptionSelect={(_, data) => {
          if (data.value === "no-match") return;
          onChange(data.selectedOptions.filter((value) => byValue.has(value)));
          setQuery("");
        }}
      >
        <TagPickerControl expandIcon={{ "aria-label": t("openChoices", { label }) }}>
          <TagPickerGroup aria-label={label}>
            {selected.map((value) => (
              <Tag key={value} shape="rounded" value={value} dir="auto" dismissIcon={{ "aria-label": t("removeName", { name: name(value) }) }}>
                {name(value)}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput aria-label={label} value={query} disabled={full} onChange={(e) => setQuery(e.target.value)} />
        </TagPickerControl>
        <TagPickerList>{children}</TagPickerList>
      </TagPicker>
    </FluentField>
  );
}
