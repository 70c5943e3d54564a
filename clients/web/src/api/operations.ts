import { operation } from "./graphql";

export type Role = "SECRETARIAT" | "FOCAL_POINT" | "DELEGATE" | "AGENCY" | "OBSERVER" | "CITY_OFFICIAL";
export type MeetingStatus = "DRAFT" | "SCHEDULED" | "IN_PROGRESS" | "CONCLUDED" | "CANCELLED";
export type InvitationStatus = "INVITED" | "ACCEPTED" | "TENTATIVE" | "DECLINED" | "WITHDRAWN" | "WAITLISTED";
export type MeetingType =
  | "EXPERT_MEETING" | "WORKSHOP" | "CONFERENCE" | "INFORMAL_MEETING" | "STUDY_VISIT" | "FIELD_MISSION" | "SENIOR_OFFICIALS_MEETING";
export const meetingTypes: MeetingType[] = [
  "EXPERT_MEETING", "WORKSHOP", "CONFERENCE", "INFORMAL_MEETING", "STUDY_VISIT", "FIELD_MISSION", "SENIOR_OFFICIALS_MEETING",
];

export interface LocalizedText { language: string; text: string }
export interface MeetingPerson { personId: string; name: string; affiliation: string | null; regionalGroup: string | null }
export interface Warning { code: string; message: string }

export interface Viewer { person: { id: string; name: string; preferredLanguage: string }; isAdministrator: boolean }

export const ViewerQuery = operation<{ viewer: Viewer | null; setupRequired: boolean }>(
  "{ viewer { person { id name preferredLanguage } isAdministrator } setupRequired }",
);

export const RequestSignInLink = operation<{ requestSignInLink: boolean }, { email: string }>(
  "mutation($email: String!) { requestSignInLink(email: $email) }",
);

export const SignOut = operation<{ signOut: boolean }>("mutation { signOut }");

export interface DialogueSummary { key: string; name: string; viewerRoles: Role[] }
export const DialoguesQuery = operation<{ dialogues: DialogueSummary[] }>("{ dialogues { key name viewerRoles } }");

export interface PartnerState { code: string; name: string; regionalGroup: string; yearJoined: number | null }
export interface Organisation { key: string; name: string; acronym: string | null }
export interface Member {
  personId: string;
  person: { name: string; email: string | null } | null;
  roles: Role[];
  partnerStateCode: string | null;
  organisationKey: string | null;
  city: string | null;
}
export interface Dialogue {
  key: string;
  name: string;
  workingLanguages: string[];
  regionalGroups: string[];
  pillars: string[];
  coChairsPerMeeting: number;
  viewerRoles: Role[];
  partnerStates: PartnerState[];
  partnerAgencies: Organisation[];
  observers: Organisation[];
  members: Member[];
  version: number;
}
export const DialogueQuery = operation<{ dialogue: Dialogue }, { key: string }>(`
  query($key: String!) { dialogue(key: $key) {
    key name workingLanguages regionalGroups pillars coChairsPerMeeting viewerRoles version
    partnerStates { code name regionalGroup yearJoined }
    partnerAgencies { key name acronym } observers { key name acronym }
    members { personId person { name email } roles partnerStateCode organisationKey city }
  } }`);

export interface MeetingListItem {
  id: string;
  titles: LocalizedText[];
  type: MeetingType;
  status: MeetingStatus;
  city: string;
  hostCountry: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
}
export const MeetingsQuery = operation<
  { meetings: { nodes: MeetingListItem[]; hasNextPage: boolean; endCursor: string | null } },
  { key: string; upcoming: boolean; after?: string | null }
>(`query($key: String!, $upcoming: Boolean, $after: String) {
  meetings(key: $key, filter: { upcoming: $upcoming }, first: 100, after: $after) {
    nodes { id titles { language text } type status city hostCountry timeZone startsAt endsAt } hasNextPage endCursor } }`);

export interface Invitation {
  invitee: MeetingPerson;
  status: InvitationStatus;
  waitlistPosition: number | null;
  deliveryProblem: string | null;
}
export interface Meeting {
  id: string;
  dialogueKey: string;
  titles: LocalizedText[];
  descriptions: LocalizedText[];
  type: MeetingType;
  status: MeetingStatus;
  hostCountry: string;
  city: string;
  venue: string | null;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  startsLocal: string;
  endsLocal: string;
  workingLanguages: string[];
  capacity: number | null;
  format: "IN_PERSON" | "HYBRID" | "ONLINE";
  onlineMeetingUrl: string | null;
  liveNotesForParticipants: boolean;
  version: number;
  revision: number;
  sessions: { id: string; title: string; startsAt: string; endsAt: string; moderators: MeetingPerson[] }[];
  coChairs: MeetingPerson[];
  rapporteurs: MeetingPerson[];
  invitations: Invitation[];
  participants: MeetingPerson[];
  documents: { id: string; title: string; kind: string; url: string | null; fileName: string | null }[];
  myInvitation: { status: InvitationStatus; waitlistPosition: number | null } | null;
  acceptedCount: number;
  waitlistCount: number;
}
const meetingFields = `id dialogueKey titles { language text } descriptions { language text } type status hostCountry city venue timeZone
  startsAt endsAt startsLocal endsLocal workingLanguages capacity format onlineMeetingUrl liveNotesForParticipants version revision
  sessions { id title startsAt endsAt moderators { personId name affiliation regionalGroup } }
  coChairs { personId name affiliation regionalGroup } rapporteurs { personId name affiliation regionalGroup }
  invitations { invitee { personId name affiliation regionalGroup } status waitlistPosition deliveryProblem }
  participants { personId name affiliation regionalGroup }
  documents { id title kind url fileName }
  myInvitation { status waitlistPosition } acceptedCount waitlistCount`;

export const MeetingQuery = operation<{ meeting: Meeting }, { id: string }>(`query($id: ID!) { meeting(id: $id) { ${meetingFields} } }`);

export interface MeetingPayload { meeting: Meeting; warnings: Warning[] }
type Change<TVariables> = ReturnType<typeof operation<{ result: MeetingPayload }, TVariables>>;
function change<TVariables>(signature: string, call: string): Change<TVariables> {
  return operation<{ result: MeetingPayload }, TVariables>(
    `mutation${signature} { result: ${call} { meeting { ${meetingFields} } warnings { code message } } }`,
  );
}

export interface MeetingDetailsInput {
  titles: LocalizedText[];
  descriptions?: LocalizedText[];
  type: MeetingType;
  pillar?: string | null;
  hostCountry: string;
  city: string;
  venue?: string | null;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  workingLanguages: string[];
  capacity?: number | null;
  visibility?: "PARTICIPANTS" | "DIALOGUE_MEMBERS" | "PUBLIC";
  liveNotesForParticipants?: boolean;
  format?: "IN_PERSON" | "HYBRID" | "ONLINE";
  onlineMeetingUrl?: string | null;
}

export const CreateMeeting = change<{ key: string; details: MeetingDetailsInput }>(
  "($key: String!, $details: MeetingDetailsInput!)", "createMeeting(key: $key, details: $details)");
export const AddWorkingSession = change<{ id: string; session: { title: string; startsLocal: string; endsLocal: string; moderatorIds?: string[] }; expectedVersion: number }>(
  "($id: ID!, $session: WorkingSessionInput!, $expectedVersion: Int!)", "addWorkingSession(id: $id, session: $session, expectedVersion: $expectedVersion)");
export const SetMeetingChairs = change<{ id: string; coChairIds: string[]; rapporteurIds: string[]; expectedVersion: number }>(
  "($id: ID!, $coChairIds: [ID!]!, $rapporteurIds: [ID!], $expectedVersion: Int!)",
  "setMeetingChairs(id: $id, coChairIds: $coChairIds, rapporteurIds: $rapporteurIds, expectedVersion: $expectedVersion)");
export const InviteToMeeting = change<{ id: string; targets: { partnerStateCode?: string; organisationKey?: string; personId?: string }[] }>(
  "($id: ID!, $targets: [InvitationTargetInput!]!)", "inviteToMeeting(id: $id, targets: $targets)");
export const UpdateMeetingDetails = change<{ id: string; details: MeetingDetailsInput; expectedVersion: number }>(
  "($id: ID!, $details: MeetingDetailsInput!, $expectedVersion: Int!)", "updateMeetingDetails(id: $id, details: $details, expectedVersion: $expectedVersion)");
export const ScheduleMeeting = change<{ id: string }>("($id: ID!)", "scheduleMeeting(id: $id)");
export const RespondToInvitation = change<{ id: string; response: "ACCEPT" | "TENTATIVE" | "DECLINE" }>(
  "($id: ID!, $response: InvitationResponse!)", "respondToInvitation(id: $id, response: $response)");

export const SuggestSlots = operation<
  { suggestMeetingSlots: { startsAt: string; endsAt: string }[] },
  { key: string; request: { personIds: string[]; from: string; to: string; durationMinutes: number; timeZone: string; maxResults?: number } }
>("query($key: String!, $request: SlotRequest!) { suggestMeetingSlots(key: $key, request: $request) { startsAt endsAt } }");

export const ImportMembers = operation<
  { importMembers: { dryRun: boolean; imported: number; problems: { line: number; field: string | null; message: string }[] } },
  { key: string; csv: string; dryRun: boolean }
>("mutation($key: String!, $csv: String!, $dryRun: Boolean) { importMembers(key: $key, csv: $csv, dryRun: $dryRun) { dryRun imported problems { line field message } } }");

export type ActionItemStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "CANCELLED";
export interface WorkingGroup {
  id: string;
  name: string;
  mandate: string;
  partnerStateCodes: string[];
  organisationKeys: string[];
  chairs: MeetingPerson[];
  series: { recurrenceRule: string; timeZone: string; firstStartsLocal: string; durationMinutes: number; city: string } | null;
  occurrences: { startsLocal: string; meetingId: string }[];
  actionItems: { id: string; title: string; ownerId: string; ownerName: string; dueDate: string; status: ActionItemStatus }[];
  documents: { id: string; title: string; url: string }[];
  version: number;
  viewerMayManage: boolean;
}
const groupFields = `id name mandate partnerStateCodes organisationKeys chairs { personId name affiliation regionalGroup }
  series { recurrenceRule timeZone firstStartsLocal durationMinutes city } occurrences { startsLocal meetingId }
  actionItems { id title ownerId ownerName dueDate status } documents { id title url } version viewerMayManage`;

export const WorkingGroupsQuery = operation<{ workingGroups: { id: string; name: string }[] }, { key: string }>(
  "query($key: String!) { workingGroups(key: $key) { id name } }");
export const WorkingGroupQuery = operation<{ workingGroup: WorkingGroup }, { id: string }>(`query($id: ID!) { workingGroup(id: $id) { ${groupFields} } }`);
export const CreateWorkingGroup = operation<
  { createWorkingGroup: WorkingGroup },
  { key: string; groupKey: string; group: { name: string; mandate: string; partnerStateCodes: string[]; chairIds: string[] } }
>(`mutation($key: String!, $groupKey: String!, $group: WorkingGroupInput!) { createWorkingGroup(key: $key, groupKey: $groupKey, group: $group) { ${groupFields} } }`);
export const SetWorkingGroupSeries = operation<
  { setWorkingGroupSeries: WorkingGroup },
  { id: string; expectedVersion: number; series: { recurrenceRule: string; timeZone: string; firstStartsLocal: string; durationMinutes: number; hostCountry: string; city: string } }
>(`mutation($id: ID!, $series: MeetingSeriesInput!, $expectedVersion: Int!) { setWorkingGroupSeries(id: $id, series: $series, expectedVersion: $expectedVersion) { ${groupFields} } }`);
export const ScheduleWorkingGroupMeetings = operation<{ scheduleWorkingGroupMeetings: WorkingGroup }, { id: string; count: number }>(
  `mutation($id: ID!, $count: Int) { scheduleWorkingGroupMeetings(id: $id, count: $count) { ${groupFields} } }`);
export const AddActionItem = operation<{ addActionItem: WorkingGroup }, { id: string; item: { title: string; ownerId: string; dueDate: string } }>(
  `mutation($id: ID!, $item: ActionItemInput!) { addActionItem(id: $id, item: $item) { ${groupFields} } }`);
export const SetActionItemStatus = operation<{ setActionItemStatus: WorkingGroup }, { id: string; itemId: string; status: ActionItemStatus; expectedVersion: number }>(
  `mutation($id: ID!, $itemId: ID!, $status: ActionItemStatus!, $expectedVersion: Int!) { setActionItemStatus(id: $id, itemId: $itemId, status: $status, expectedVersion: $expectedVersion) { ${groupFields} } }`);
