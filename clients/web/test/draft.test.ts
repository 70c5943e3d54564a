import { describe, expect, it } from "vitest";
import { changesOf, reconcile } from "../src/draft";

describe("a form's copy of what the server holds", () => {
  const base = { version: 3, value: { name: "MTM", groups: ["Arab"] } };

  it("changes nothing while the server's version is the one the form started from", () => {
    expect(reconcile(base, { name: "edited", groups: ["Arab"] }, { name: "MTM", groups: ["Arab"] }, 3)).toBeNull();
  });

  it("only moves the version on when a change elsewhere left this form's values as they were", () => {
    const edited = { name: "edited", groups: ["Arab"] };
    expect(reconcile(base, edited, base.value, 4)).toEqual({ base: { version: 4, value: base.value }, draft: edited });
  });

  it("takes the new values into a form nobody has touched", () => {
    const theirs = { name: "MTM Dialogue", groups: ["Arab"] };
    expect(reconcile(base, base.value, theirs, 4)).toEqual({ base: { version: 4, value: theirs }, draft: theirs });
  });

  it("keeps one's edits when someone else changed the same values: saving them answers CONFLICT", () => {
    expect(reconcile(base, { name: "mine", groups: ["Arab"] }, { name: "theirs", groups: ["Arab"] }, 4)).toBeNull();
  });
});

describe("the changes a form sends", () => {
  it("are the fields that differ from what it started from, lists compared by content", () => {
    const before = { name: "MTM", groups: ["Arab", "African"], strict: false };
    expect(changesOf(before, { name: "MTM", groups: ["Arab", "African"], strict: true })).toEqual({ strict: true });
    expect(changesOf(before, { name: "MTM", groups: ["Arab"], strict: false })).toEqual({ groups: ["Arab"] });
    expect(changesOf(before, before)).toEqual({});
  });
});
