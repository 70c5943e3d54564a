import type { AgendaItemKind } from "../gql/enums";

/** Where the viewer does what an agenda item asks: the page of the object it concerns, on the right tab. */
export function agendaLink(item: { kind: AgendaItemKind; objectId: string; parentId?: string | null }): string {
  switch (item.kind) {
    case "PENDING_INVITATION":
    case "UPCOMING_MEETING":
    case "DRAFT_MEETING":
      return `/meetings/${item.objectId}`;
    case "NOMINATE_DELEGATION":
      return `/meetings/${item.objectId}?tab=delegations`;
    case "MEETING_WITHOUT_CO_CHAIRS":
      return `/meetings/${item.objectId}?tab=people`;
    case "UNDELIVERED_INVITATIONS":
      return `/meetings/${item.objectId}?tab=invitations`;
    case "NOTES_TO_APPROVE":
      return `/meetings/${item.objectId}/notes`;
    case "EXPERT_EXCHANGE":
      return `/exchanges/${item.objectId}`;
    case "ACTION_ITEM":
      return `/groups/${item.parentId ?? ""}`;
    case "MILESTONE":
      return `/partnerships/${item.parentId ?? ""}`;
    case "FAILED_MESSAGE":
      return "/outbox";
  }
}
