import { useMemo } from "react";
import { DialogueQuery, type Dialogue, type Member } from "./api";
import { useGraphQuery } from "./api/hooks";
import type { Choice } from "./components/ChoicePicker";
import type { PersonChoice } from "./components/PersonPicker";
import { useNames } from "./i18n/names";
import { useViewer } from "./viewer";

/**
 * A dialogue's directory as the pages of its working groups, exchanges and cities read it: names for the codes,
 * keys and ids their objects hold (partner states in the viewer's language, agencies and people by their own
 * names), the choices their forms offer, and who the viewer is in it.
 */
export function useDirectory(key: string) {
  const query = useGraphQuery(DialogueQuery, { key });
  const names = useNames();
  const viewer = useViewer();
  const dialogue = query.data?.dialogue;
  const directory = useMemo(() => (dialogue ? read(dialogue, names, viewer?.person.id, viewer?.isAdministrator ?? false) : null), [dialogue, names, viewer]);
  return { ...query, directory };
}

export type Directory = ReturnType<typeof read>;

function read(dialogue: Dialogue, names: ReturnType<typeof useNames>, viewerId: string | undefined, administrator: boolean) {
  const organisations = [...dialogue.partnerAgencies, ...dialogue.observers];
  const people = new Map(dialogue.members.map((m) => [m.personId, m]));
  const stateName = (code: string) => {
    const name = names.country(code);
    return name === code ? (dialogue.partnerStates.find((s) => s.code === code)?.name ?? code) : name;
  };
  const organisationName = (key: string) => {
    const o = organisations.find((x) => x.key === key);
    return o ? (o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name) : key;
  };
  const personName = (id: string) => people.get(id)?.person?.name ?? id;
  /** What tells a member apart from another of the same name: their state or organisation. */
  const memberDetail = (m: Member) =>
    m.partnerStateCode ? stateName(m.partnerStateCode) : m.organisationKey ? organisationName(m.organisationKey) : m.city ?? null;
  const personChoice = (m: Member): PersonChoice => ({ personId: m.personId, name: m.person?.name ?? m.email ?? m.personId, detail: memberDetail(m) });
  const byName = (a: { name: string }, b: { name: string }) => names.compare(a.name, b.name);
  const me = viewerId ? people.get(viewerId) : undefined;
  return {
    dialogue,
    stateName,
    organisationName,
    personName,
    personChoice,
    /** The members, as people pickers offer them, by name. */
    peopleChoices: (filter: (m: Member) => boolean = () => true) => dialogue.members.filter(filter).map(personChoice).sort(byName),
    /** The partner states, in the viewer's language, by name. */
    stateChoices: (): Choice[] => dialogue.partnerStates.map((s) => ({ value: s.code, label: stateName(s.code) })).sort((a, b) => names.compare(a.label, b.label)),
    /** The partner agencies and observers. */
    organisationChoices: (): Choice[] => organisations.map((o) => ({ value: o.key, label: organisationName(o.key) })).sort((a, b) => names.compare(a.label, b.label)),
    /** The viewer's membership of the dialogue, if they have one. */
    me,
    /** Whether the viewer is the dialogue's secretariat (or an administrator, who may do what it does). */
    secretariat: administrator || dialogue.viewerRoles.includes("SECRETARIAT"),
  };
}
