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
} from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { describe } from "./Field";

export interface Choice {
  id: string;
  label: string;
  /** What tells two choices apart: a person's state, agency or role; a city's country. */
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
  onChange: (ids: string[]) => void;
  error?: Problem | null;
  hint?: string;
  /** At most this many (e.g. the dialogue's co-chairs per meeting). */
  max?: number;
}

/**
 * Chooses among known things by typing part of a name (Fluent UI's TagPicker): the chosen appear as tags that
 * a keyboard can remove, the list filters as one types (on the name and the detail, so "Morocco" finds the
 * Moroccan delegates), and nothing is ever typed as free text.
 */
export function ChoicePicker({ label, choices, groups, selected, onChange, error, hint, max }: ChoicePickerProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState("");
  const byId = new Map(choices.map((c) => [c.id, c]));
  const full = max !== undefined && selected.length >= max;
  const typed = query.trim().toLocaleLowerCase(language);
  const matches = choices.filter(
    (c) => !selected.includes(c.id) && `${c.label} ${c.detail ?? ""}`.toLocaleLowerCase(language).includes(typed),
  );
  const option = (c: Choice) => (
    <TagPickerOption key={c.id} value={c.id} secondaryContent={c.detail ?? undefined} text={c.label}>
      {c.label}
    </TagPickerOption>
  );
  const list =
    matches.length === 0 ? (
      <TagPickerOption value="no-match">{t("noMatch")}</TagPickerOption>
    ) : groups ? (
      groups.map((g) => {
        const inGroup = matches.filter((c) => c.group === g.key);
        return inGroup.length === 0 ? null : (
          <TagPickerOptionGroup key={g.key} label={g.label}>
            {inGroup.map(option)}
          </TagPickerOptionGroup>
        );
      })
    ) : (
      matches.map(option)
    );
  return (
    <FluentField
      className="field"
      label={label}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={error ? { role: "alert", children: describe(error, language) } : undefined}
    >
      <TagPicker
        selectedOptions={selected}
        onOptionSelect={(_, data) => {
          if (data.value === "no-match") return;
          onChange(data.selectedOptions.filter((id) => byId.has(id)));
          setQuery("");
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={label}>
            {selected.map((id) => (
              <Tag key={id} shape="rounded" value={id} dir="auto" dismissIcon={{ "aria-label": t("removeName", { name: byId.get(id)?.label ?? id }) }}>
                {byId.get(id)?.label ?? id}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput aria-label={label} value={query} disabled={full} onChange={(e) => setQuery(e.target.value)} />
        </TagPickerControl>
        <TagPickerList>{list}</TagPickerList>
      </TagPicker>
    </FluentField>
  );
}

export interface PersonChoice {
  personId: string;
  name: string;
  /** What tells two people apart: their state, agency or role. */
  detail?: string | null;
}

interface PersonPickerProps extends Omit<ChoicePickerProps, "choices" | "groups"> {
  people: PersonChoice[];
}

/** Chooses people of the dialogue (a ChoicePicker of people): people are chosen, never typed. */
export function PersonPicker({ people, ...rest }: PersonPickerProps) {
  return <ChoicePicker {...rest} choices={people.map((p) => ({ id: p.personId, label: p.name, detail: p.detail }))} />;
}
