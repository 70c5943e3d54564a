/**
 * What an outbox message is, read from the server's description of it ("Invitation (sequence 3): …"), so the
 * page can say it in the viewer's language; a description of another shape (a mail's own subject) is kept as
 * it is.
 */
export type OutboxKind = "invitation" | "cancellation" | "promoted" | "reminder" | "calendar" | "other";

export function outboxKind(description: string): { kind: OutboxKind; title: string; sequence?: number } {
  const calendar = /^Secretariat calendar \(Microsoft Graph\): meeting (.+)$/.exec(description);
  if (calendar) return { kind: "calendar", title: calendar[1] };
  const invitation = /^(Invitation|Cancellation) \(sequence (\d+)\): (.*)$/s.exec(description);
  if (invitation) return { kind: invitation[1] === "Invitation" ? "invitation" : "cancellation", sequence: Number(invitation[2]), title: invitation[3] };
  const notice = /^(PromotedFromWaitlist|Reminder): (.*)$/s.exec(description);
  if (notice) return { kind: notice[1] === "Reminder" ? "reminder" : "promoted", title: notice[2] };
  return { kind: "other", title: description };
}
