import { graphql } from "../gql";
import type { MeetingRegistrationsQuery, ParticipationQuery as ParticipationData } from "../gql/graphql";

/** An invitee's registration as they and the secretariat see it (never anyone else). */
export const RegistrationFields = graphql(`
  fragment RegistrationFields on Registration {
    delegate { ...PersonFields } invitationStatus arrival departure visaLetterRequested nameAsInPassport nationality passportNumber passportExpires
    fundingRequested fundingNote accessibilityNeeds dietaryNeeds revision registeredAt visaLetterIssuedAt
  }
`);

/** A partner state's delegation to a meeting: its places, nominees and where it stands. */
export const DelegationFields = graphql(`
  fragment DelegationFields on Delegation {
    partnerStateCode partnerStateName places status invitedAt declineReason canNominate
    nominees { invitee { ...PersonFields } status }
  }
`);

export const NominateDelegates = graphql(`
  mutation NominateDelegates($id: ID!, $partnerStateCode: String!, $personIds: [ID!], $newDelegates: [NewDelegateInput!]) {
    result: nominateDelegates(id: $id, partnerStateCode: $partnerStateCode, personIds: $personIds, newDelegates: $newDelegates) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);
export const WithdrawNomination = graphql(`
  mutation WithdrawNomination($id: ID!, $partnerStateCode: String!, $personId: ID!) {
    result: withdrawNomination(id: $id, partnerStateCode: $partnerStateCode, personId: $personId) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);
export const DeclineDelegation = graphql(`
  mutation DeclineDelegation($id: ID!, $partnerStateCode: String!, $reason: String) {
    result: declineDelegation(id: $id, partnerStateCode: $partnerStateCode, reason: $reason) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);
export const RegisterForMeeting = graphql(`
  mutation RegisterForMeeting($id: ID!, $registration: RegistrationInput!, $expectedRevision: Int) {
    result: registerForMeeting(id: $id, registration: $registration, expectedRevision: $expectedRevision) {
      meeting { ...MeetingFields } warnings { code message values { name value } }
    }
  }
`);

/** Every invitee's registration with the visa letter's download in a language, for the secretariat. */
export const MeetingRegistrations = graphql(`
  query MeetingRegistrations($id: ID!, $language: String!) {
    meeting(id: $id) { id registrations { ...RegistrationFields visaLetterUrl(language: $language) } }
  }
`);
export type RegistrationRow = MeetingRegistrationsQuery["meeting"]["registrations"][number];

/** Each partner state's participation over the years, for the secretariat. */
export const ParticipationQuery = graphql(`
  query Participation($key: String!) {
    participation(key: $key) { partnerStateCode partnerStateName years { year invited tookPart declined noAnswer delegates } }
  }
`);
export type StateParticipation = ParticipationData["participation"][number];
