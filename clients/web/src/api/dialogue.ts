import { graphql } from "../gql";
import type { DialogueQuery as DialogueData, MeetingsQuery as MeetingsData } from "../gql/graphql";

export const DialogueQuery = graphql(`
  query Dialogue($key: String!) {
    dialogue(key: $key) {
      key name description workingLanguages regionalGroups pillars topics coChairsPerMeeting strictCoChairBalance viewerRoles version
      partnerStates { code name regionalGroup yearJoined otherNames }
      partnerAgencies { key name acronym yearJoined }
      observers { key name acronym yearJoined }
      members { personId email person { name email } roles partnerStateCode organisationKey city }
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
    importMembers(key: $key, csv: $csv, dryRun: $dryRun) { dryRun imported problems { line field message } }
  }
`);

export const SuggestSlots = graphql(`
  query SuggestMeetingSlots($key: String!, $request: SlotRequest!) { suggestMeetingSlots(key: $key, request: $request) { startsAt endsAt } }
`);
