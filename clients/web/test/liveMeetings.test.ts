import { describe, expect, it } from "vitest";
import { showsMeeting } from "../src/live/liveMeetings";

describe("which reads a meeting change refreshes", () => {
  it("refreshes the reads of that meeting and every meeting list", () => {
    expect(showsMeeting(["Meeting", { id: "mtm/1" }], "mtm/1")).toBe(true);
    expect(showsMeeting(["MeetingOutcomes", { id: "mtm/1" }], "mtm/1")).toBe(true);
    expect(showsMeeting(["Meeting", { id: "mtm/2" }], "mtm/1")).toBe(false);
    expect(showsMeeting(["Meetings", { key: "mtm" }], "mtm/1")).toBe(true);
    expect(showsMeeting(["MyAgenda", { language: "en" }], "mtm/1")).toBe(true);
    expect(showsMeeting(["MyMeetings", {}], "mtm/1")).toBe(true);
    expect(showsMeeting(["Dialogue", { key: "mtm" }], "mtm/1")).toBe(false);
    expect(showsMeeting(["Viewer", {}], "mtm/1")).toBe(false);
  });

  it("after a reconnection refreshes every read of a meeting, and no other kind", () => {
    expect(showsMeeting(["Meeting", { id: "mtm/2" }])).toBe(true);
    expect(showsMeeting(["Meetings", { key: "mtm" }])).toBe(true);
    expect(showsMeeting(["Dialogues", {}])).toBe(false);
  });
});
