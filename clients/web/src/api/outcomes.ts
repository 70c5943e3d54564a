import { graphql } from "../gql";
import type { MeetingOutcomesQuery as MeetingOutcomesData, NotesTranslationQuery as NotesTranslationData, RecommendationFollowUpQuery as FollowUpData } from "../gql/graphql";

export const OutcomeFields = graphql(`
  fragment OutcomeFields on Outcome {
    id kind number sessionId language text version status followUp
    addressees { kind key name }
    translations { language text sourceVersion stale translatedFrom revision }
    progress { id reportedAt reportedFor { kind key name } status text }
    links { kind id }
    viewerMayReportFor { kind key name }
  }
`);

/** A meeting's conclusions and recommendations, with what the viewer may do with them. */
export const MeetingOutcomesQuery = graphql(`
  query MeetingOutcomes($id: ID!) {
    meeting(id: $id) {
      id
      outcomes { meetingId published version viewerMay { draft adopt publish translate reportProgress } outcomes { ...OutcomeFields } }
      recommendationsToReview { meetingId meetingTitle year recommendation { ...OutcomeFields } }
    }
  }
`);
export type MeetingOutcomes = MeetingOutcomesData["meeting"]["outcomes"];
export type Outcome = MeetingOutcomes["outcomes"][number];
export type Addressee = Outcome["addressees"][number];
export type RecommendationToReview = MeetingOutcomesData["meeting"]["recommendationsToReview"][number];


export const ProposeOutcome = graphql(`
  mutation ProposeOutcome($meetingId: ID!, $outcome: OutcomeInput!, $idempotencyKey: String) {
    proposeOutcome(meetingId: $meetingId, outcome: $outcome, idempotencyKey: $idempotencyKey) { meetingId version outcomes { ...OutcomeFields } }
  }
`);
export const EditOutcome = graphql(`
  mutation EditOutcome($meetingId: ID!, $outcomeId: ID!, $expectedVersion: Int!, $outcome: OutcomeInput!) {
    editOutcome(meetingId: $meetingId, outcomeId: $outcomeId, expectedVersion: $expectedVersion, outcome: $outcome) { meetingId version }
  }
`);
export const WithdrawOutcome = graphql(`
  mutation WithdrawOutcome($meetingId: ID!, $outcomeId: ID!, $expectedVersion: Int!) {
    withdrawOutcome(meetingId: $meetingId, outcomeId: $outcomeId, expectedVersion: $expectedVersion) { meetingId version }
  }
`);
export const AdoptOutcome = graphql(`
  mutation AdoptOutcome($meetingId: ID!, $outcomeId: ID!, $expectedVersion: Int!) {
    adoptOutcome(meetingId: $meetingId, outcomeId: $outcomeId, expectedVersion: $expectedVersion) { meetingId version }
  }
`);
export const PublishOutcomes = graphql(`
  mutation PublishOutcomes($meetingId: ID!) { publishOutcomes(meetingId: $meetingId) { meetingId published version } }
`);
export const TranslateOutcome = graphql(`
  mutation TranslateOutcome($meetingId: ID!, $outcomeId: ID!, $language: String!, $text: String!, $sourceVersion: Int!, $expectedRevision: Int) {
    translateOutcome(meetingId: $meetingId, outcomeId: $outcomeId, language: $language, text: $text, sourceVersion: $sourceVersion, expectedRevision: $expectedRevision) { meetingId version }
  }
`);
export const ReportProgress = graphql(`
  mutation ReportProgress($meetingId: ID!, $outcomeId: ID!, $reportedFor: AddresseeInput!, $status: FollowUpStatus!, $text: String!, $idempotencyKey: String) {
    reportProgress(meetingId: $meetingId, outcomeId: $outcomeId, reportedFor: $reportedFor, status: $status, text: $text, idempotencyKey: $idempotencyKey) { meetingId version }
  }
`);
export const RecommendationToActionItem = graphql(`
  mutation RecommendationToActionItem($meetingId: ID!, $outcomeId: ID!, $workingGroupId: ID!, $item: ActionItemInput!, $idempotencyKey: String) {
    recommendationToActionItem(meetingId: $meetingId, outcomeId: $outcomeId, workingGroupId: $workingGroupId, item: $item, idempotencyKey: $idempotencyKey) {
      meetingId version outcomes { id links { kind id } }
    }
  }
`);
export const RecommendationToExchangeRequest = graphql(`
  mutation RecommendationToExchangeRequest($meetingId: ID!, $outcomeId: ID!, $request: ExchangeRequestInput!, $idempotencyKey: String) {
    recommendationToExchangeRequest(meetingId: $meetingId, outcomeId: $outcomeId, request: $request, idempotencyKey: $idempotencyKey) {
      meetingId version outcomes { id links { kind id } }
    }
  }
`);

/** The dialogue's published recommendations and where each stands, by pillar and year. */
export const RecommendationFollowUpQuery = graphql(`
  query RecommendationFollowUp($key: String!, $pillar: String, $year: Int) {
    recommendationFollowUp(dialogueKey: $key, pillar: $pillar, year: $year) { meetingId meetingTitle pillar year recommendation { ...OutcomeFields } }
  }
`);
export type RecommendationFollowUp = FollowUpData["recommendationFollowUp"][number];

/** A meeting's notes in one language, entry by entry beside the original, for the translators. */
export const NotesTranslationQuery = graphql(`
  query NotesTranslation($id: ID!, $language: String!) {
    notesTranslation(meetingId: $id, language: $language) {
      meetingId language missing stale viewerMayTranslate
      entries { seq sessionId original originalVersion text sourceVersion stale translatedFrom revision }
    }
  }
`);
export type NotesTranslation = NotesTranslationData["notesTranslation"];
export type TranslatedEntry = NotesTranslation["entries"][number];

export const TranslateNote = graphql(`
  mutation TranslateNote($id: ID!, $language: String!, $seq: Int!, $sourceVersion: Int!, $text: String!, $expectedRevision: Int) {
    translateNote(meetingId: $id, language: $language, seq: $seq, sourceVersion: $sourceVersion, text: $text, expectedRevision: $expectedRevision) { seq text sourceVersion stale translatedFrom revision }
  }
`);

