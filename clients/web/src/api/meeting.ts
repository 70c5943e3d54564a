import { graphql } from "../gql";
import type { MeetingAuditQuery, MeetingCitiesQuery, MeetingQuery as MeetingData, OutboxQuery as OutboxData } from "../gql/graphql";

export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id dialogueKey titles { language text } descriptions { language text } type status pillar hostCountry city venue timeZone
    startsAt endsAt startsLocal endsLocal workingLanguages capacity format onlineMeetingUrl interpretation visibility
    liveNotesForParticipants attributionGuard version revision cancellationReason
    viewerIsSecretariat
    viewerMay { updateDetails schedule open conclude cancel manageAgenda setChairs invite withdrawInvitation manageDocuments setNotesSettings seeAudit seeInvitations exportParticipants }
    notesApprovals { approvedBy { ...PersonFields } approvedAt }
    sessions { id title titles { language text } description discussionGuideDocumentId reviewsRecommendations startsAt endsAt moderators { ...PersonFields } }
    coChairs { ...PersonFields } rapporteurs { ...PersonFields }
    invitations { invitee { ...PersonFields } status waitlistPosition deliveryProblem invitedAt respondedAt }
    participants { ...PersonFields }
    documents { id title kind url fileName contentType size visibility addedAt libraryDocumentId }
    myInvitation { status waitlistPosition }
    delegations { ...DelegationFields }
    myRegistration { ...RegistrationFields }
    acceptedCount waitlistCount
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) { meeting(id: $id) { ...MeetingFields } }
`);
export type Meeting = MeetingData["meeting"];
export type MeetingPerson = Meeting["coChairs"][number];
export type WorkingSession = Meeting["sessions"][number];
export type MeetingDocument = Meeting["documents"][number];
export type Invitation = Meeting["invitations"][number];
export type Delegation = Meeting["delegations"][number];
export type Registration = NonNullable<Meeting["myRegistration"]>;

/** The administrative audit, read only where it is shown (it grows with every change). */
export const MeetingAudit = graphql(`
  query MeetingAudit($id: ID!) { meeting(id: $id) { id auditTrail { action at personId person { name } summary } } }
`);
/** The participant list (CSV) and the attendance sheet (DOCX, headings in the viewer's language), for the secretariat. */
export const ParticipantDownloads = graphql(`
  query ParticipantDownloads($id: ID!, $language: String!) { meeting(id: $id) { id participantListUrl attendanceSheetUrl(language: $language) } }
`);

export type AuditEntry = MeetingAuditQuery["meeting"]["auditTrail"][number];

/** The dialogue's cities, whose officials a meeting can invite. */
export const MeetingCities = graphql(`
  query MeetingCities($key: String!) { cities(key: $key) { id name countryCode officials { personId } } }
`);
export type InvitableCity = MeetingCitiesQuery["cities"][number];

export const CreateMeeting = graphql(`
  mutation CreateMeeting($key: String!, $details: MeetingDetailsInput!, $idempotencyKey: String) {
    result: createMeeting(key: $key, details: $details, idempotencyKey: $idempotencyKey) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const UpdateMeetingDetails = graphql(`
  mutation UpdateMeetingDetails($id: ID!, $details: MeetingChangesInput!, $expectedVersion: Int!) {
    result: updateMeetingDetails(id: $id, details: $details, expectedVersion: $expectedVersion) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const AddWorkingSession = graphql(`
  mutation AddWorkingSession($id: ID!, $session: WorkingSessionInput!, $expectedVersion: Int!, $idempotencyKey: String) {
    result: addWorkingSession(id: $id, session: $session, expectedVersion: $expectedVersion, idempotencyKey: $idempotencyKey) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);

export const UpdateWorkingSession = graphql(`
  mutation UpdateWorkingSession($id: ID!, $sessionId: ID!, $session: WorkingSessionChangesInput!, $expectedVersion: Int!) {
    result: updateWorkingSession(id: $id, sessionId: $sessionId, session: $session, expectedVersion: $expectedVersion) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);

export const RemoveWorkingSession = graphql(`
  mutation RemoveWorkingSession($id: ID!, $sessionId: ID!, $expectedVersion: Int!) {
    result: removeWorkingSession(id: $id, sessionId: $sessionId, expectedVersion: $expectedVersion) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const ReorderWorkingSessions = graphql(`
  mutation ReorderWorkingSessions($id: ID!, $sessionIds: [ID!]!, $expectedVersion: Int!) {
    result: reorderWorkingSessions(id: $id, sessionIds: $sessionIds, expectedVersion: $expectedVersion) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const SetMeetingChairs = graphql(`
  mutation SetMeetingChairs($id: ID!, $coChairIds: [ID!]!, $rapporteurIds: [ID!], $expectedVersion: Int!) {
    result: setMeetingChairs(id: $id, coChairIds: $coChairIds, rapporteurIds: $rapporteurIds, expectedVersion: $expectedVersion) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);

export const InviteToMeeting = graphql(`
  mutation InviteToMeeting($id: ID!, $targets: [InvitationTargetInput!]!) {
    result: inviteToMeeting(id: $id, targets: $targets) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const WithdrawInvitation = graphql(`
  mutation WithdrawInvitation($id: ID!, $personId: ID!) {
    result: withdrawInvitation(id: $id, personId: $personId) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const SetNotesSettings = graphql(`
  mutation SetNotesSettings($id: ID!, $attributionGuard: AttributionGuard, $liveNotesForParticipants: Boolean, $expectedVersion: Int!) {
    result: setNotesSettings(id: $id, attributionGuard: $attributionGuard, liveNotesForParticipants: $liveNotesForParticipants, expectedVersion: $expectedVersion) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);

export const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($id: ID!) { result: scheduleMeeting(id: $id) { meeting { ...MeetingFields } warnings { code message values { name value } } } }
`);

export const OpenMeeting = graphql(`
  mutation OpenMeeting($id: ID!) { result: openMeeting(id: $id) { meeting { ...MeetingFields } warnings { code message values { name value } } } }
`);

export const ConcludeMeeting = graphql(`
  mutation ConcludeMeeting($id: ID!) { result: concludeMeeting(id: $id) { meeting { ...MeetingFields } warnings { code message values { name value } } } }
`);

export const CancelMeeting = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String!) {
    result: cancelMeeting(id: $id, reason: $reason) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const RespondToInvitation = graphql(`
  mutation RespondToInvitation($id: ID!, $response: InvitationResponse!) {
    result: respondToInvitation(id: $id, response: $response) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const AddDocumentLink = graphql(`
  mutation AddDocumentLink($id: ID!, $document: DocumentLinkInput!, $idempotencyKey: String) {
    result: addDocumentLink(id: $id, document: $document, idempotencyKey: $idempotencyKey) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

export const RemoveDocument = graphql(`
  mutation RemoveDocument($id: ID!, $documentId: ID!) {
    result: removeDocument(id: $id, documentId: $documentId) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

/** The mail waiting or given up (administrators). */
export const OutboxQuery = graphql(`
  query Outbox { outbox { id to description status attempts createdAt nextAttemptAt lastError } }
`);
export type OutboxMessage = OutboxData["outbox"][number];

export const RetryOutboxMessage = graphql(`
  mutation RetryOutboxMessage($id: ID!) { retryOutboxMessage(id: $id) { id status attempts nextAttemptAt lastError } }
`);
