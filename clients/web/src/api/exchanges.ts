import { graphql } from "../gql";
import type { ExpertExchangeQuery, PriorityRegistryQuery } from "../gql/graphql";

export const RegistryFields = graphql(`
  fragment RegistryFields on PriorityRegistry {
    partnerStateCode version viewerMayEdit priorities { id kind topic description languages contactExperts { ...PersonFields } }
  }
`);
export const TopicsQuery = graphql(`
  query DialogueTopics($key: String!) {
    dialogue(key: $key) {
      topics partnerStates { code name regionalGroup yearJoined }
      members { personId person { name email } roles partnerStateCode organisationKey city }
    }
  }
`);
export const RegistryQuery = graphql(`
  query PriorityRegistry($key: String!, $code: String!) { priorityRegistry(key: $key, partnerStateCode: $code) { ...RegistryFields } }
`);
export type PriorityRegistry = PriorityRegistryQuery["priorityRegistry"];
export const AddPriority = graphql(`
  mutation AddPriority($key: String!, $code: String!, $priority: PriorityInput!, $expectedVersion: Int!, $idempotencyKey: String) {
    addPriority(key: $key, partnerStateCode: $code, priority: $priority, expectedVersion: $expectedVersion, idempotencyKey: $idempotencyKey) { ...RegistryFields }
  }
`);
export const RemovePriority = graphql(`
  mutation RemovePriority($key: String!, $code: String!, $priorityId: ID!, $expectedVersion: Int!) {
    removePriority(key: $key, partnerStateCode: $code, priorityId: $priorityId, expectedVersion: $expectedVersion) { ...RegistryFields }
  }
`);

export const ExchangeFields = graphql(`
  fragment ExchangeFields on ExpertExchange {
    id requestingStateCode requestingExpertId kind topic objectives language status hostStateCode hostExperts { ...PersonFields }
    consultedOrganisations rejectionReason meetingId evaluatedBy auditTrail { action summary at personId person { name } } version
    declinedHosts { partnerStateCode reason at } closingReason expiresAt fromRecommendation { meetingId outcomeId }
    viewerMay { submit endorse review giveOpinion suggestHosts approve reject confirmHost declineHost schedule complete evaluate withdraw cancel }
  }
`);
export const ExchangesQuery = graphql(`
  query ExpertExchanges($key: String!) { expertExchanges(key: $key) { ...ExchangeFields } }
`);
export const ExchangeQuery = graphql(`
  query ExpertExchange($id: ID!) { expertExchange(id: $id) { ...ExchangeFields } }
`);
export type ExpertExchange = ExpertExchangeQuery["expertExchange"];
export const SuggestHosts = graphql(`
  query SuggestExchangeHosts($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode name score reasons } }
`);
export const RequestExchange = graphql(`
  mutation RequestExpertExchange($key: String!, $request: ExchangeRequestInput!, $idempotencyKey: String) {
    requestExpertExchange(key: $key, request: $request, idempotencyKey: $idempotencyKey) { ...ExchangeFields }
  }
`);
export const SubmitExchange = graphql(`
  mutation SubmitExpertExchange($id: ID!) { result: submitExpertExchange(id: $id) { ...ExchangeFields } }
`);
export const EndorseExchange = graphql(`
  mutation EndorseExpertExchange($id: ID!) { result: endorseExpertExchange(id: $id) { ...ExchangeFields } }
`);
export const ReviewExchange = graphql(`
  mutation ReviewExpertExchange($id: ID!, $consulted: [String!], $deadline: DateTimeOffset) {
    result: reviewExpertExchange(id: $id, consultedOrganisations: $consulted, deadline: $deadline) { ...ExchangeFields }
  }
`);
export const ApproveExchange = graphql(`
  mutation ApproveExpertExchange($id: ID!, $host: String!) { result: approveExpertExchange(id: $id, hostStateCode: $host) { ...ExchangeFields } }
`);
export const RejectExchange = graphql(`
  mutation RejectExpertExchange($id: ID!, $reason: String!) { result: rejectExpertExchange(id: $id, reason: $reason) { ...ExchangeFields } }
`);
export const ConfirmExchangeHost = graphql(`
  mutation ConfirmExchangeHost($id: ID!, $experts: [ID!]!) { result: confirmExchangeHost(id: $id, hostExpertIds: $experts) { ...ExchangeFields } }
`);
export const DeclineExchangeHost = graphql(`
  mutation DeclineExchangeHost($id: ID!, $reason: String!) { result: declineExchangeHost(id: $id, reason: $reason) { ...ExchangeFields } }
`);
export const WithdrawExchange = graphql(`
  mutation WithdrawExpertExchange($id: ID!, $reason: String) { result: withdrawExpertExchange(id: $id, reason: $reason) { ...ExchangeFields } }
`);
export const CancelExchange = graphql(`
  mutation CancelExpertExchange($id: ID!, $reason: String!) { result: cancelExpertExchange(id: $id, reason: $reason) { ...ExchangeFields } }
`);
export const ScheduleExchange = graphql(`
  mutation ScheduleExpertExchange($id: ID!, $starts: String!, $zone: String!, $city: String!) {
    result: scheduleExpertExchange(id: $id, startsLocal: $starts, timeZone: $zone, city: $city) { ...ExchangeFields }
  }
`);
export const GiveExchangeOpinion = graphql(`
  mutation GiveExchangeOpinion($id: ID!, $text: String!) { result: giveExchangeOpinion(id: $id, text: $text) { ...ExchangeFields } }
`);
export const CompleteExchange = graphql(`
  mutation CompleteExpertExchange($id: ID!) { result: completeExpertExchange(id: $id) { ...ExchangeFields } }
`);
export const EvaluateExchange = graphql(`
  mutation EvaluateExpertExchange($id: ID!, $rating: Int!, $text: String!) { result: evaluateExpertExchange(id: $id, rating: $rating, text: $text) { ...ExchangeFields } }
`);
