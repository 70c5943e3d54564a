import { useCallback } from "react";
import type {
  ActionItemStatus, AddresseeKind, AgendaAction, AgendaItemKind, AttributionGuard, DelegationStatus, DialogueRole, DocumentKind, ExchangeKind, ExchangeSide, ExchangeStatus, InvitationResponse,
  InvitationStatus, MeetingFormat, MeetingStatus, MeetingType, MeetingVisibility, MilestoneStatus, OutboxStatus, OutcomeKind, OutcomeLinkKind, OutcomeStatus, FollowUpStatus, PriorityKind,
} from "../gql/enums";
import { useI18n } from "./i18n";
import type { MessageKey } from "./messages";

/** Every enum of the API by name, with its values: each has a wording in every language ("MeetingStatus.SCHEDULED"). */
export interface Enums {
  ActionItemStatus: ActionItemStatus;
  AddresseeKind: AddresseeKind;
  AgendaAction: AgendaAction;
  AgendaItemKind: AgendaItemKind;
  AttributionGuard: AttributionGuard;
  DelegationStatus: DelegationStatus;
  DialogueRole: DialogueRole;
  DocumentKind: DocumentKind;
  ExchangeKind: ExchangeKind;
  ExchangeSide: ExchangeSide;
  ExchangeStatus: ExchangeStatus;
  FollowUpStatus: FollowUpStatus;
  InvitationResponse: InvitationResponse;
  InvitationStatus: InvitationStatus;
  MeetingFormat: MeetingFormat;
  MeetingStatus: MeetingStatus;
  MeetingType: MeetingType;
  MeetingVisibility: MeetingVisibility;
  MilestoneStatus: MilestoneStatus;
  OutboxStatus: OutboxStatus;
  OutcomeKind: OutcomeKind;
  OutcomeLinkKind: OutcomeLinkKind;
  OutcomeStatus: OutcomeStatus;
  PriorityKind: PriorityKind;
}

/** The words for an enum value in the viewer's language: never the raw code. */
export function useLabel() {
  const { t } = useI18n();
  return useCallback(<E extends keyof Enums>(enumName: E, value: Enums[E]) => t(`${enumName}.${value}` as MessageKey), [t]);
}
