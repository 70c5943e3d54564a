import { describe, expect, it } from "vitest";
import {
  PendingQueue, applyEntries, emptyNotes, entriesOf, highlight, isTransient, refusalOf, withPending, type NoteEntry, type PendingChange,
} from "../src/notes/notesState";

const entry = (seq: number, change: number, text = `entry ${seq}`, version = 1, sessionId = "s1"): NoteEntry =>
  ({ seq, sessionId, text, version, change, deleted: false, review: "None" });

describe("applyEntries", () => {
  it("ignores a replayed or older event and keeps the newest version of each entry", () => {
    let notes = applyEntries(emptyNotes(), [entry(1, 1), entry(2, 2)]);
    notes = applyEntries(notes, [entry(1, 3, "edited", 2)]);
    notes = applyEntries(notes, [entry(1, 1), entry(1, 3, "edited", 2)]);
    expect(entriesOf(notes, "s1").map((e) => e.text)).toEqual(["edited", "entry 2"]);
    expect(notes.lastChange).toBe(3);
    expect(notes.gap).toBe(false);
  });

  it("marks a gap when a change number is skipped, and a join's catch-up closes it", () => {
    let notes = applyEntries(emptyNotes(), [entry(1, 1)]);
    notes = applyEntries(notes, [entry(3, 3)]);
    expect(notes.gap).toBe(true);
    notes = applyEntries(notes, [entry(2, 2), entry(3, 3)], true);
    expect(notes.gap).toBe(false);
    expect(entriesOf(notes, "s1").map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("keeps sessions apart", () => {
    const notes = applyEntries(emptyNotes(), [entry(1, 1, "a", 1, "s1"), entry(2, 2, "b", 1, "s2")]);
    expect(entriesOf(notes, "s2").map((e) => e.text)).toEqual(["b"]);
  });
});

describe("PendingQueue", () => {
  const append = (clientId: string, text: string): PendingChange => ({ kind: "append", clientId, sessionId: "s1", text, notAttribution: false });

  it("keeps unacknowledged changes in storage, in order, until each is acknowledged", () => {
    const queue = new PendingQueue("mtm/1", localStorage);
    queue.add(append("a", "first"));
    queue.add({ kind: "edit", clientId: "b", sessionId: "s1", seq: 4, expectedVersion: 2, text: "second\nline", notAttribution: false });
    queue.add({ kind: "delete", clientId: "c", sessionId: "s1", seq: 5, expectedVersion: 1 });
    expect(new PendingQueue("mtm/1", localStorage).all().map((e) => e.kind)).toEqual(["append", "edit", "delete"]);
    queue.remove("a");
    expect(queue.all().map((e) => e.clientId)).toEqual(["b", "c"]);
    expect(new PendingQueue("mtm/2", localStorage).all()).toEqual([]);
  });

  it("keeps a refused change in its place with its reason until the writer acts", () => {
    const queue = new PendingQueue("mtm/3", localStorage);
    queue.add(append("a", "The delegate of Egypt said so."));
    queue.add(append("b", "Next point."));
    queue.replace("a", { ...append("a", "The delegate of Egypt said so."), refusal: { code: "VALIDATION", message: "…", attribution: { findings: [], rewording: "A participant said so.", overrideAllowed: true } } });
    const [refused, next] = queue.all();
    expect(refused.refusal?.attribution?.rewording).toBe("A participant said so.");
    expect(next.refusal).toBeUndefined();
  });

  it("reads what an earlier version of the app queued as appends", () => {
    localStorage.setItem("collaboration.notes.pending.mtm/4", JSON.stringify([{ clientId: "x", sessionId: "s1", text: "old" }]));
    expect(new PendingQueue("mtm/4", localStorage).all()).toEqual([{ kind: "append", notAttribution: false, clientId: "x", sessionId: "s1", text: "old" }]);
  });
});

describe("withPending", () => {
  it("shows an edit or a deletion made offline at once", () => {
    const held = entry(2, 2, "before", 1);
    expect(withPending(held, [{ kind: "edit", clientId: "e", sessionId: "s1", seq: 2, expectedVersion: 1, text: "after", notAttribution: false }]))
      .toEqual({ text: "after", deleted: false, pending: true });
    expect(withPending(held, [{ kind: "delete", clientId: "d", sessionId: "s1", seq: 2, expectedVersion: 1 }]).deleted).toBe(true);
    expect(withPending(held, [])).toEqual({ text: "before", deleted: false, pending: false });
  });
});

describe("findings", () => {
  it("mark the flagged words in place", () => {
    expect(highlight("Mr Rossi stressed data.", [{ kind: "Person", matched: "Mr Rossi", start: 0, length: 8 }]))
      .toEqual([{ text: "Mr Rossi", flagged: true }, { text: " stressed data.", flagged: false }]);
  });

  it("read the hub's refusals, and tell a lost connection from a refusal", () => {
    const refusal = refusalOf(new Error("An unexpected error occurred invoking 'AppendEntry' on the server. HubException: INVALID_STATE/SESSION_CLOSED: This working session's notes are closed."));
    expect(refusal).toEqual({ code: "INVALID_STATE", reason: "SESSION_CLOSED", message: "This working session's notes are closed." });
    expect(isTransient(refusal)).toBe(false);
    expect(isTransient(refusalOf(new Error("Invocation canceled due to the underlying connection being closed.")))).toBe(true);
  });
});
