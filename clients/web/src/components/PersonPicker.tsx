import type { Problem } from "../api/graphql";
import { ChoicePicker } from "./ChoicePicker";

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

/** Chooses people of the dialogue by typing part of a name: a person is never typed as free text (see ChoicePicker). */
export function PersonPicker({ people, ...rest }: PersonPickerProps) {
  return <ChoicePicker {...rest} choices={people.map((p) => ({ value: p.personId, label: p.name, detail: p.detail }))} />;
}
