import { graphql } from "../gql";
import { type CsvPart, lineInFile, repeatedAcrossParts, splitCsv } from "../importParts";
import { request } from "./graphql";
import type { DialogueQuery as DialogueData, ImportMembersMutation, MeetingsQuery as MeetingsData } from "../gql/graphql";

export const DialogueQuery = graphql(`
  query Dialogue($key: String!) {
    dialogue(key: $key) {
      key name description workingLanguages regionalGroups pillars topics coChairsPerMeeting strictCoChairBalance coChairPairing viewerRoles version
      partnerStates { code name regionalGroup yearJoined otherNames }
      partnerAgencies { key name acronym yearJoined }
      observers { key name acronym yearJoined }
      members { personId email person { name email jobTitle organisation } roles partnerStateCode organisationKey city cityId }
    }
  }
`);
export type Dialogue = DialogueData["dialogue"];
export type Member = Dialogue["members"][number];
export type PartnerState = Dialogue["partnerStates"][number];

export const MeetingsQuery = graphql(`
  query Meetings($key: String!, $upcoming: Boolean, $after: String) {
    meetings(key: $key, filter: { upcoming: $upcoming }, first: 100, after: $after) {
      nodes { id titles { language text } type status city hostCountry timeZone startsAt endsAt }
      hasNextPage endCursor
    }
  }
`);
export type MeetingListItem = MeetingsData["meetings"]["nodes"][number];

export const ImportMembers = graphql(`
  mutation ImportMembers($key: String!, $csv: String!, $dryRun: Boolean) {
    importMembers(key: $key, csv: $csv, dryRun: $dryRun) { dryRun imported problems { line field message reason values { name value } } }
  }
`);

/** What an import reported: the lines to mend (numbered as in the whole file), or how many people it took. */
export type ImportReport = ImportMembersMutation["importMembers"];
/** A line to mend: its column, and why (a reason the app translates, with its sentence's values). */
export type ImportProblem = ImportReport["problems"][number];

/**
 * Imports a members file, in parts when it is too large for one request. Every part is checked before any
 * is imported, and no address may be on lines of two parts, so one bad line anywhere still imports nothing; a part refused while importing (the
 * directory changed meanwhile) stops the import there, and the report counts those already taken.
 */
export async function importMembers(key: string, csv: string, dryRun: boolean): Promise<ImportReport> {
  const parts = splitCsv(csv);
  if (parts.length === 1) return (await request(ImportMembers, { key, csv, dryRun })).importMembers;
  const inFile = (part: CsvPart, report: ImportReport) => report.problems.map((p) => ({ ...p, line: lineInFile(part, p.line) }));
  const problems: ImportReport["problems"] = [];
  for (const part of parts) problems.push(...inFile(part, (await request(ImportMembers, { key, csv: part.text, dryRun: true })).importMembers));
  problems.push(...repeatedAcrossParts(parts));
  problems.sort((a, b) => a.line - b.line);
  if (dryRun || problems.length > 0) return { dryRun, imported: 0, problems };
  let imported = 0;
  for (const part of parts) {
    const report = (await request(ImportMembers, { key, csv: part.text, dryRun: false })).importMembers;
    if (report.problems.length > 0) return { dryRun: false, imported, problems: inFile(part, report) };
    imported += report.imported;
  }
  return { dryRun: false, imported, problems: [] };
}

export const SuggestSlots = graphql(`
  query SuggestMeetingSlots($key: String!, $request: SlotRequestInput!) { suggestMeetingSlots(key: $key, request: $request) { startsAt endsAt } }
`);

/** The dialogue's cities, to choose a city official's city from (never typed). */
export const DialogueCitiesQuery = graphql(`
  query DialogueCities($key: String!) { cities(key: $key) { id name countryCode } }
`);

export const CreateDialogue = graphql(`
  mutation CreateDialogue($key: String!, $settings: DialogueSettingsInput!) { createDialogue(key: $key, settings: $settings) { key version } }
`);
export const UpdateDialogue = graphql(`
  mutation UpdateDialogue($key: String!, $settings: DialogueSettingsChangesInput!, $expectedVersion: Int!) {
    updateDialogue(key: $key, settings: $settings, expectedVersion: $expectedVersion) { key version }
  }
`);

export const AddPartnerState = graphql(`
  mutation AddPartnerState($key: String!, $partnerState: PartnerStateInput!) { addPartnerState(key: $key, partnerState: $partnerState) { key version } }
`);
export const UpdatePartnerState = graphql(`
  mutation UpdatePartnerState($key: String!, $partnerState: PartnerStateChangesInput!, $expectedVersion: Int!) {
    updatePartnerState(key: $key, partnerState: $partnerState, expectedVersion: $expectedVersion) { key version }
  }
`);
export const RemovePartnerState = graphql(`
  mutation RemovePartnerState($key: String!, $code: String!, $expectedVersion: Int!) {
    removePartnerState(key: $key, code: $code, expectedVersion: $expectedVersion) { key version }
  }
`);
export const AddPartnerAgency = graphql(`
  mutation AddPartnerAgency($key: String!, $organisation: OrganisationInput!) { addPartnerAgency(key: $key, organisation: $organisation) { key version } }
`);
export const AddObserver = graphql(`
  mutation AddObserver($key: String!, $organisation: OrganisationInput!) { addObserver(key: $key, organisation: $organisation) { key version } }
`);
export const RemoveOrganisation = graphql(`
  mutation RemoveOrganisation($key: String!, $organisationKey: String!, $expectedVersion: Int!) {
    removeOrganisation(key: $key, organisationKey: $organisationKey, expectedVersion: $expectedVersion) { key version }
  }
`);

export const AddMember = graphql(`
  mutation AddMember($key: String!, $person: PersonInput!, $membership: MembershipInput!) { addMember(key: $key, person: $person, membership: $membership) { key version } }
`);
export const SetMembership = graphql(`
  mutation SetMembership($key: String!, $personId: ID!, $membership: MembershipChangesInput!) {
    setMembership(key: $key, personId: $personId, membership: $membership) { key version }
  }
`);
export const RemoveMember = graphql(`
  mutation RemoveMember($key: String!, $personId: ID!, $expectedVersion: Int!) { removeMember(key: $key, personId: $personId, expectedVersion: $expectedVersion) { key version } }
`);
