import { graphql } from "../gql";
import type { MeetingQuery as MeetingData } from "../gql/graphql";

export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id dialogueKey titles { language text } descriptions { language text } type status pillar hostCountry city venue timeZone
    startsAt endsAt startsLocal endsLocal workingLanguages capacity format onlineMeetingUrl interpretation visibility
    liveNotesForParticipants attributionGuard version revision cancellationReason
    viewerIsSecretariat notesApprovals { approvedBy { ...PersonFields } approvedAt }
    sessions { id title description discussionGuideDocumentId startsAt endsAt moderators { ...PersonFields } }
    coChairs { ...PersonFields } rapporteurs { ...PersonFields }
    invitations { invitee { ...PersonFields } status waitlistPosition deliveryProblem invitedAt respondedAt }
    participants { ...PersonFields }
    documents { id title kind url fileName contentType size visibility addedAt }
    myInvitation { status waitlistPosition }
    acceptedCount waitlistCount
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) { meeting(id: $id) { ...MeetingFields } }
`);
export type Meeting = MeetingData["meeting"];
export type MeetingPerson = Meeting["coChairs"][number];

export const CreateMeeting = graphql(`
  mutation CreateMeeting($key: String!, $details: MeetingDetailsInput!, $idempotencyKey: String) {
    result: createMeeting(key: $key, details: $details, idempotencyKey: $idempotencyKey) { meeting { ...MeetingFields } warnings { code message } }
  }
`);

export const UpdateMeetingDetails = graphql(`
  mutation UpdateMeetingDetails($id: ID!, $details: MeetingChangesInput!, $expectedVersion: Int!) {
    result: updateMeetingDetails(id: $id, details: $details, expectedVersion: $expectedVersion) { meeting { ...MeetingFields } warnings { code message } }
  }
`);

export const AddWorkingSession = graphql(`
  mutation AddWorkingSession($id: ID!, $session: WorkingSessionInput!, $expectedVersion: Int!, $idempotencyKey: String) {
    result: addWorkingSession(id: $id, session: $session, expectedVersion: $expectedVersion, idempotencyKey: $idempotencyKey) {
      meeting { ...MeetingFields } warnings { code message }
    }
  }
`);

export const SetMeetingChairs = graphql(`
  mutation SetMeetingChairs($id: ID!, $coChairIds: [ID!]!, $rapporteurIds: [ID!], $expectedVersion: Int!) {
    result: setMeetingChairs(id: $id, coChairIds: $coChairIds, rapporteurIds: $rapporteurIds, expectedVersion: $expectedVersion) {
      meeting { ...MeetingFields } warnings { code message }
    }
  }
`);

export const InviteToMeeting = graphql(`
  mutation InviteToMeeting($id: ID!, $targets: [InvitationTargetInput!]!) {
    result: inviteToMeeting(id: $id, targets: $targets) { meeting { ...MeetingFields } warnings { code message } }
  }
`);

export const SetNotesSettings = graphql(`
  mutation SetNotesSettings($id: ID!, $attributionGuard: AttributionGuard, $liveNotesForParticipants: Boolean, $expectedVersion: Int!) {
    result: setNotesSettings(id: $id, attributionGuard: $attributionGuard, liveNotesForParticipants: $liveNotesForParticipants, expectedVersion: $expectedVersion) {
      meeting { ...MeetingFields } warnings { code message }
    }
  }
`);

export const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($id: ID!) { result: scheduleMeeting(id: $id) { meeting { ...MeetingFields } warnings { code message } } }
`);

export const RespondToInvitation = graphql(`
  mutation RespondToInvitation($id: ID!, $response: InvitationResponse!) {
    result: respondToInvitation(id: $id, response: $response) { meeting { ...MeetingFields } warnings { code message } }
  }
`);
