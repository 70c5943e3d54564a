import {
  Field as FluentField,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  useTagPickerFilter,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../api/graphql";
import { useI18n } from "../i18n/i18n";
import { describe } from "./Field";

export interface PersonChoice {
  personId: string;
  name: string;
  /** What tells two people apart: their state, agency or role. */
  detail?: string | null;
}

interface PersonPickerProps {
  label: string;
  people: PersonChoice[];
  selected: string[];
  onChange: (personIds: string[]) => void;
  error?: Problem | null;
  hint?: string;
  /** At most this many (e.g. the dialogue's co-chairs per meeting). */
  max?: number;
}

/**
 * Chooses people of the dialogue by typing part of a name (Fluent UI's TagPicker): the chosen appear as
 * tags that a keyboard can remove, the list filters as one types, and a person is never typed as free text.
 */
export function PersonPicker({ label, people, selected, onChange, error, hint, max }: PersonPickerProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState("");
  const byId = new Map(people.map((p) => [p.personId, p]));
  const full = max !== undefined && selected.length >= max;
  const children = useTagPickerFilter({
    query,
    options: people.map((p) => p.personId),
    noOptionsElement: <TagPickerOption value="no-match">{t("noMatch")}</TagPickerOption>,
    renderOption: (id) => (
      <TagPickerOption key={id} value={id} secondaryContent={byId.get(id)?.detail ?? undefined} text={byId.get(id)?.name ?? id}>
        {byId.get(id)?.name}
      </TagPickerOption>
    ),
    filter: (id) => !selected.includes(id) && (byId.get(id)?.name ?? "").toLocaleLowerCase(language).includes(query.toLocaleLowerCase(language)),
  });
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
              <Tag key={id} shape="rounded" value={id} dir="auto" dismissIcon={{ "aria-label": t("removeName", { name: byId.get(id)?.name ?? id }) }}>
                {byId.get(id)?.name ?? id}
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
