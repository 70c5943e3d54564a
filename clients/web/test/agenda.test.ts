import { describe, expect, it } from "vitest";
import { agendaLink } from "../src/pages/agenda";

describe("an agenda item's link", () => {
  it("opens the page where the viewer does what it asks", () => {
    expect(agendaLink({ kind: "PENDING_INVITATION", objectId: "mtm/m1" })).toBe("/meetings/mtm/m1");
    expect(agendaLink({ kind: "MEETING_WITHOUT_CO_CHAIRS", objectId: "mtm/m1" })).toBe("/meetings/mtm/m1?tab=people");
    expect(agendaLink({ kind: "UNDELIVERED_INVITATIONS", objectId: "mtm/m1" })).toBe("/meetings/mtm/m1?tab=invitations");
    expect(agendaLink({ kind: "NOTES_TO_APPROVE", objectId: "mtm/m1" })).toBe("/meetings/mtm/m1/notes");
    expect(agendaLink({ kind: "EXPERT_EXCHANGE", objectId: "mtm/x1" })).toBe("/exchanges/mtm/x1");
    // Action items and milestones live on the page of what holds them.
    expect(agendaLink({ kind: "ACTION_ITEM", objectId: "a1", parentId: "mtm/labour" })).toBe("/groups/mtm/labour");
    expect(agendaLink({ kind: "MILESTONE", objectId: "s1", parentId: "mtm/p1" })).toBe("/partnerships/mtm/p1");
    expect(agendaLink({ kind: "FAILED_MESSAGE", objectId: "42" })).toBe("/outbox");
  });
});
