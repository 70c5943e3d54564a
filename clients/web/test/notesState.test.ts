import { describe, expect, it } from "vitest";
import { PendingQueue, applyEntries, emptyNotes, entriesOf, type NoteEntry } from "../src/notes/notesState";

const entry = (seq: number, change: number, text = `entry ${seq}`, version = 1, sessionId = "s1"): NoteEntry =>
  ({ seq, sessionId, text, version, change, deleted: false });

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
  it("keeps unacknowledged entries in storage, in order, until each is acknowledged", () => {
    const queue = new PendingQueue("mtm/1", localStorage);
    queue.add({ clientId: "a", sessionId: "s1", text: "first" });
    queue.add({ clientId: "b", sessionId: "s1", text: "second" });
    expect(new PendingQueue("mtm/1", localStorage).all().map((e) => e.text)).toEqual(["first", "second"]);
    queue.remove("a");
    expect(queue.all().map((e) => e.clientId)).toEqual(["b"]);
    expect(new PendingQueue("mtm/2", localStorage).all()).toEqual([]);
  });
});
