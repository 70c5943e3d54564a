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
  attributionGuard: AttributionGuard;
  viewerIsSecretariat: boolean;
  notesApprovals: { approvedBy: MeetingPerson; approvedAt: string }[];
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
  startsAt endsAt startsLocal endsLocal workingLanguages capacity format onlineMeetingUrl liveNotesForParticipants attributionGuard version revision
  viewerIsSecretariat notesApprovals { approvedBy { personId name affiliation regionalGroup } approvedAt }
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
export type AttributionGuard = "WARN" | "STRICT";
export const SetNotesSettings = change<{ id: string; attributionGuard?: AttributionGuard; liveNotesForParticipants?: boolean; expectedVersion: number }>(
  "($id: ID!, $attributionGuard: AttributionGuard, $liveNotesForParticipants: Boolean, $expectedVersion: Int!)",
  "setNotesSettings(id: $id, attributionGuard: $attributionGuard, liveNotesForParticipants: $liveNotesForParticipants, expectedVersion: $expectedVersion)");
export const ScheduleMeeting = change<{ id: string }>("($id: ID!)", "scheduleMeeting(id: $id)");
export const RespondToInvitation = change<{ id: string; response: "ACCEPT" | "TENTATIVE" | "DECLINE" }>(
  "($id: ID!, $response: InvitationResponse!)", "respondToInvitation(id: $id, response: $response)");

export const SuggestSlots = operation<
  { suggestMeetingSlots: { startsAt: string; endsAt: string }[] },
  { key: string; request: { personIds: string[]; from: string; to: string; durationMinutes: number; timeZone: string; maxResults?: number } }
>("query($key: String!, $request: SlotRequest!) { suggestMeetingSlots(key: $key, request: $request) { startsAt endsAt } }");

/** Everything held about a person, as a JSON document: one's own (no id), or anyone's for an administrator. */
export const PersonalDataQuery = operation<{ personalData: string }, { personId?: string | null }>(
  "query($personId: ID) { personalData(personId: $personId) }",
);

export const ErasePerson = operation<{ erasePerson: boolean }, { personId: string; email: string }>(
  "mutation($personId: ID!, $email: String!) { erasePerson(personId: $personId, email: $email) }",
);

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
  actionItems: { id: string; title: string; ownerId: string; ownerName: string; dueDate: string; status: ActionItemStatus; overdue: boolean }[];
  documents: { id: string; title: string; url: string }[];
  version: number;
  viewerMayManage: boolean;
}
const groupFields = `id name mandate partnerStateCodes organisationKeys chairs { personId name affiliation regionalGroup }
  series { recurrenceRule timeZone firstStartsLocal durationMinutes city } occurrences { startsLocal meetingId }
  actionItems { id title ownerId ownerName dueDate status overdue } documents { id title url } version viewerMayManage`;

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

export type PriorityKind = "NEED" | "OFFER";
export interface Priority { id: string; kind: PriorityKind; topic: string; description: string; languages: string[]; contactExperts: MeetingPerson[] }
export interface PriorityRegistry { partnerStateCode: string; priorities: Priority[]; version: number; viewerMayEdit: boolean }
const registryFields = "partnerStateCode version viewerMayEdit priorities { id kind topic description languages contactExperts { personId name affiliation regionalGroup } }";
export const TopicsQuery = operation<{ dialogue: { topics: string[]; partnerStates: PartnerState[]; members: Member[] } }, { key: string }>(
  "query($key: String!) { dialogue(key: $key) { topics partnerStates { code name regionalGroup yearJoined } members { personId person { name email } roles partnerStateCode organisationKey city } } }");
export const RegistryQuery = operation<{ priorityRegistry: PriorityRegistry }, { key: string; code: string }>(
  `query($key: String!, $code: String!) { priorityRegistry(key: $key, partnerStateCode: $code) { ${registryFields} } }`);
export const AddPriority = operation<{ addPriority: PriorityRegistry }, { key: string; code: string; priority: { kind: PriorityKind; topic: string; description: string; languages: string[]; contactExpertIds: string[] }; expectedVersion: number }>(
  `mutation($key: String!, $code: String!, $priority: PriorityInput!, $expectedVersion: Int!) { addPriority(key: $key, partnerStateCode: $code, priority: $priority, expectedVersion: $expectedVersion) { ${registryFields} } }`);
export const RemovePriority = operation<{ removePriority: PriorityRegistry }, { key: string; code: string; priorityId: string; expectedVersion: number }>(
  `mutation($key: String!, $code: String!, $priorityId: ID!, $expectedVersion: Int!) { removePriority(key: $key, partnerStateCode: $code, priorityId: $priorityId, expectedVersion: $expectedVersion) { ${registryFields} } }`);

export type ExchangeStatus = "DRAFT" | "SUBMITTED" | "ENDORSED" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "HOST_CONFIRMED" | "SCHEDULED" | "COMPLETED" | "EVALUATED";
export type ExchangeKind = "SHORT_TERM_EXPERT_EXCHANGE" | "STUDY_VISIT" | "CAPACITY_BUILDING_ACTIVITY";
export interface ExpertExchange {
  id: string; requestingStateCode: string; kind: ExchangeKind; topic: string; objectives: string; language: string; status: ExchangeStatus;
  hostStateCode: string | null; hostExperts: MeetingPerson[]; rejectionReason: string | null; meetingId: string | null;
  evaluatedBy: string[]; auditTrail: { action: string; summary: string; at: string }[]; version: number;
}
const exchangeFields = `id requestingStateCode kind topic objectives language status hostStateCode hostExperts { personId name affiliation regionalGroup }
  rejectionReason meetingId evaluatedBy auditTrail { action summary at } version`;
export const ExchangesQuery = operation<{ expertExchanges: ExpertExchange[] }, { key: string }>(`query($key: String!) { expertExchanges(key: $key) { ${exchangeFields} } }`);
export const ExchangeQuery = operation<{ expertExchange: ExpertExchange }, { id: string }>(`query($id: ID!) { expertExchange(id: $id) { ${exchangeFields} } }`);
export const SuggestHosts = operation<{ suggestExchangeHosts: { partnerStateCode: string; name: string; score: number; reasons: string[] }[] }, { id: string }>(
  "query($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode name score reasons } }");
export const RequestExchange = operation<{ requestExpertExchange: ExpertExchange }, {
  key: string; request: { requestingStateCode: string; requestingExpertId: string; kind: ExchangeKind; topic: string; objectives: string; preferredFrom: string; preferredTo: string; durationDays: number; language: string };
}>(`mutation($key: String!, $request: ExchangeRequestInput!) { requestExpertExchange(key: $key, request: $request) { ${exchangeFields} } }`);
/** One lifecycle step of an exchange; its extra arguments in `signature` and `call`. */
export const exchangeStep = <TVariables extends { id: string }>(name: string, signature = "", call = "") =>
  operation<Record<string, ExpertExchange>, TVariables>(`mutation($id: ID!${signature}) { result: ${name}(id: $id${call}) { ${exchangeFields} } }`);

export interface CityProfile { number: number; overview: string; flows: string; integrationServices: string; actors: string; dataAvailability: string; visibility: string }
export interface City { id: string; name: string; countryCode: string; population: number | null; languages: string[]; officials: MeetingPerson[]; profile: CityProfile | null; profileVersions: number; version: number; viewerMayEdit: boolean }
const cityFields = "id name countryCode population languages officials { personId name affiliation regionalGroup } profile { number overview flows integrationServices actors dataAvailability visibility } profileVersions version viewerMayEdit";
export interface Partnership { id: string; cities: { id: string; name: string; countryCode: string }[]; theme: string; roadmapStart: string; roadmapEnd: string; milestones: { id: string; title: string; dueDate: string; status: string }[]; meetingIds: string[]; version: number; viewerMayEdit: boolean }
const partnershipFields = "id cities { id name countryCode } theme roadmapStart roadmapEnd milestones { id title dueDate status } meetingIds version viewerMayEdit";
export const CitiesQuery = operation<{ cities: City[]; cityPartnerships: Partnership[] }, { key: string }>(
  `query($key: String!) { cities(key: $key) { ${cityFields} } cityPartnerships(key: $key) { ${partnershipFields} } }`);
export const CityQuery = operation<{ city: City }, { id: string }>(`query($id: ID!) { city(id: $id) { ${cityFields} } }`);
export const CreateCity = operation<{ createCity: City }, { key: string; cityKey: string; name: string; countryCode: string; population: number | null }>(
  `mutation($key: String!, $cityKey: String!, $name: String!, $countryCode: String!, $population: Int) { createCity(key: $key, cityKey: $cityKey, name: $name, countryCode: $countryCode, population: $population) { ${cityFields} } }`);
export const SaveCityProfile = operation<{ saveCityProfile: City }, { id: string; profile: Omit<CityProfile, "number" | "visibility">; visibility: string; expectedVersion: number }>(
  `mutation($id: ID!, $profile: CityMigrationProfileInput!, $visibility: MeetingVisibility, $expectedVersion: Int!) { saveCityProfile(id: $id, profile: $profile, visibility: $visibility, expectedVersion: $expectedVersion) { ${cityFields} } }`);
export const PartnershipQuery = operation<{ cityPartnership: Partnership }, { id: string }>(`query($id: ID!) { cityPartnership(id: $id) { ${partnershipFields} } }`);
export const CreatePartnership = operation<{ createCityPartnership: Partnership }, { key: string; cityIds: string[]; theme: string; roadmapStart: string; roadmapEnd: string }>(
  `mutation($key: String!, $cityIds: [ID!]!, $theme: String!, $roadmapStart: String!, $roadmapEnd: String!) { createCityPartnership(key: $key, cityIds: $cityIds, theme: $theme, roadmapStart: $roadmapStart, roadmapEnd: $roadmapEnd) { ${partnershipFields} } }`);
export const AddMilestone = operation<{ addMilestone: Partnership }, { id: string; title: string; dueDate: string; expectedVersion: number }>(
  `mutation($id: ID!, $title: String!, $dueDate: String!, $expectedVersion: Int!) { addMilestone(id: $id, title: $title, dueDate: $dueDate, expectedVersion: $expectedVersion) { ${partnershipFields} } }`);
export const SetMilestoneStatus = operation<{ setMilestoneStatus: Partnership }, { id: string; milestoneId: string; status: string; expectedVersion: number }>(
  `mutation($id: ID!, $milestoneId: ID!, $status: MilestoneStatus!, $expectedVersion: Int!) { setMilestoneStatus(id: $id, milestoneId: $milestoneId, status: $status, expectedVersion: $expectedVersion) { ${partnershipFields} } }`);
