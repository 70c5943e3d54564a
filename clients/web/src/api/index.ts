/** The app's GraphQL operations by area, with the types generated from the schema (src/gql, npm run codegen). */
export * from "./account";
export * from "./cities";
export * from "./delegations";
export * from "./dialogue";
export * from "./exchanges";
export * from "./groups";
export * from "./meeting";
export * from "./library";
export * from "./outcomes";
export type {
  ActionItemStatus,
  AttributionGuard,
  DialogueRole as Role,
  ExchangeKind,
  ExchangeStatus,
  InvitationStatus,
  MeetingDetailsInput,
  MeetingStatus,
  MeetingType,
  MeetingVisibility,
  PriorityKind,
} from "../gql/graphql";
export type { Viewer } from "../viewer";

/** A text in one of the dialogue's languages. */
export interface LocalizedText { language: string; text: string }
/** Something the server took but wants the secretariat to know (a co-chair imbalance, a full meeting, …). */
export interface Warning { code: string; message: string; values?: { name: string; value: string }[] }

import type { MeetingType } from "../gql/graphql";
export const meetingTypes: MeetingType[] = [
  "EXPERT_MEETING", "WORKSHOP", "CONFERENCE", "INFORMAL_MEETING", "STUDY_VISIT", "FIELD_MISSION", "SENIOR_OFFICIALS_MEETING",
];
