import type { Dialogue, Member } from "../../api";
import type { PersonChoice } from "../../components/PersonPicker";
import type { DialogueRole } from "../../gql/graphql";
import { countryName } from "../../names";

type Label = (enumName: "DialogueRole", value: DialogueRole) => string;

/** What tells a member apart in a list: the state, agency, observer or city they represent, else their role. */
export function memberDetail(member: Member, dialogue: Dialogue, language: string, label: Label): string {
  if (member.partnerStateCode) return countryName(member.partnerStateCode, language);
  if (member.organisationKey) {
    const organisation = [...dialogue.partnerAgencies, ...dialogue.observers].find((o) => o.key === member.organisationKey);
    return organisation?.acronym ?? organisation?.name ?? member.organisationKey;
  }
  if (member.city) return member.city;
  return member.roles.map((r) => label("DialogueRole", r)).join(", ");
}

/** The dialogue's members to choose from, with what tells them apart, sorted by name. */
export function peopleOf(dialogue: Dialogue, language: string, label: Label, which: (m: Member) => boolean = () => true): PersonChoice[] {
  return dialogue.members
    .filter(which)
    .map((m) => ({ personId: m.personId, name: m.person?.name ?? m.email ?? m.personId, detail: memberDetail(m, dialogue, language, label) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

/** Whether a member may co-chair: a delegate or focal point of a partner state. */
export const mayCoChair = (m: Member) => m.roles.includes("DELEGATE") || m.roles.includes("FOCAL_POINT");

/** Whether a member may be a rapporteur: secretariat staff. */
export const mayReport = (m: Member) => m.roles.includes("SECRETARIAT");
