import type { Dialogue, Member } from "../../api";
import type { PersonChoice } from "../../components/PersonPicker";
import type { DialogueRole } from "../../gql/graphql";

type Label = (enumName: "DialogueRole", value: DialogueRole) => string;

/** How names are said and sorted in the viewer's language. */
export interface Names {
  country: (code: string) => string;
  collation: string;
}

/** What tells a member apart in a list: the state, agency, observer or city they represent, else their role. */
export function memberDetail(member: Member, dialogue: Dialogue, country: (code: string) => string, label: Label): string {
  if (member.partnerStateCode) return country(member.partnerStateCode);
  if (member.organisationKey) {
    const organisation = [...dialogue.partnerAgencies, ...dialogue.observers].find((o) => o.key === member.organisationKey);
    return organisation?.acronym ?? organisation?.name ?? member.organisationKey;
  }
  if (member.city) return member.city;
  return member.roles.map((r) => label("DialogueRole", r)).join(", ");
}

/** The dialogue's members to choose from, with what tells them apart, sorted by name. */
export function peopleOf(dialogue: Dialogue, names: Names, label: Label, which: (m: Member) => boolean = () => true): PersonChoice[] {
  const collator = new Intl.Collator(names.collation);
  return dialogue.members
    .filter(which)
    .map((m) => ({ personId: m.personId, name: m.person?.name ?? m.email ?? m.personId, detail: memberDetail(m, dialogue, names.country, label) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Whether a member may co-chair: a delegate or focal point of a partner state. */
export const mayCoChair = (m: Member) => m.roles.includes("DELEGATE") || m.roles.includes("FOCAL_POINT");

/** Whether a member may be a rapporteur: secretariat staff. */
export const mayReport = (m: Member) => m.roles.includes("SECRETARIAT");
