import { describe, expect, it } from "vitest";
import {
  answersFor, changedDetails, detailsInput, detailsOf, invitationTarget, meetingPermissions, minutesBetween, moved, movesDates, newDetails,
  sharedRegionalGroup, targetId, type MeetingDetailsSource,
} from "../src/pages/meeting/logic";
import { outboxKind } from "../src/pages/outbox";
import { localDateTime } from "../src/time";

const meeting: MeetingDetailsSource = {
  titles: [{ language: "en", text: "Expert meeting on labour migration" }, { language: "fr", text: "Réunion d'experts sur la migration de main-d'œuvre" }],
  descriptions: [],
  type: "WORKSHOP",
  pillar: "Migration and Development",
  hostCountry: "MT",
  city: "Valletta",
  venue: "Mediterranean Conference Centre",
  timeZone: "Europe/Malta",
  startsLocal: "2031-05-20T09:00",
  endsLocal: "2031-05-21T17:00",
  workingLanguages: ["ar", "en", "fr"],
  capacity: 60,
  visibility: "PUBLIC",
  interpretation: true,
  format: "HYBRID",
  onlineMeetingUrl: "https://teams.example.org/meet/1",
  liveNotesForParticipants: true,
  attributionGuard: "STRICT",
};

describe("the details form", () => {
  it("reads every detail of a meeting back as the API takes it, so saving it unchanged changes nothing", () => {
    const input = detailsInput(detailsOf(meeting));
    expect(input).toEqual({
      titles: [{ language: "en", text: meeting.titles[0].text }, { language: "fr", text: meeting.titles[1].text }],
      descriptions: [],
      type: "WORKSHOP", pillar: "Migration and Development", hostCountry: "MT", city: "Valletta", venue: "Mediterranean Conference Centre",
      timeZone: "Europe/Malta", startsLocal: "2031-05-20T09:00", endsLocal: "2031-05-21T17:00", workingLanguages: ["ar", "en", "fr"],
      capacity: 60, visibility: "PUBLIC", interpretation: true, format: "HYBRID", onlineMeetingUrl: "https://teams.example.org/meet/1",
      liveNotesForParticipants: true, attributionGuard: "STRICT",
    });
    expect(changedDetails(meeting, detailsOf(meeting))).toEqual({});
  });

  it("sends only what changed: a reschedule carries the dates and nothing else", () => {
    const form = { ...detailsOf(meeting), startsLocal: "2031-06-03T09:00", endsLocal: "2031-06-04T17:00" };
    const changes = changedDetails(meeting, form);
    expect(changes).toEqual({ startsLocal: "2031-06-03T09:00", endsLocal: "2031-06-04T17:00" });
    expect(movesDates(changes)).toBe(true);
    expect(movesDates(changedDetails(meeting, { ...detailsOf(meeting), venue: "Auberge de Castille" }))).toBe(false);
  });

  it("sends a cleared field as null, and drops the online link of a meeting made in person", () => {
    expect(changedDetails(meeting, { ...detailsOf(meeting), venue: " ", capacity: "" })).toEqual({ venue: null, capacity: null });
    expect(changedDetails(meeting, { ...detailsOf(meeting), format: "IN_PERSON" })).toEqual({ format: "IN_PERSON", onlineMeetingUrl: null });
  });

  it("sends titles only in the meeting's working languages, trimmed, and none that is empty", () => {
    const form = { ...newDetails(["ar", "en", "fr"]), titles: { en: "  Workshop ", fr: "", ar: "ورشة" }, workingLanguages: ["en", "ar"] };
    expect(detailsInput(form).titles).toEqual([{ language: "en", text: "Workshop" }, { language: "ar", text: "ورشة" }]);
  });
});

describe("times", () => {
  it("reads an instant on the meeting's own clock", () => {
    expect(localDateTime("2031-05-20T07:30:00Z", "Europe/Malta")).toBe("2031-05-20T09:30");
    expect(localDateTime("2031-05-20T23:30:00Z", "Africa/Cairo")).toBe("2031-05-21T02:30");
  });

  it("counts a meeting's minutes on its wall clock", () => {
    expect(minutesBetween("2031-05-20T09:00", "2031-05-21T17:00")).toBe(1920);
  });
});

describe("the agenda's order", () => {
  it("moves a session up or down, and nowhere past either end", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("co-chairs", () => {
  const states = [{ code: "IT", regionalGroup: "European" }, { code: "FR", regionalGroup: "European" }, { code: "MA", regionalGroup: "Arab" }];
  const members = [{ personId: "it", partnerStateCode: "IT" }, { personId: "fr", partnerStateCode: "FR" }, { personId: "ma", partnerStateCode: "MA" }, { personId: "staff" }];
  it("tells when co-chairs share a regional group", () => {
    expect(sharedRegionalGroup(["it", "fr"], members, states)).toBe("European");
    expect(sharedRegionalGroup(["it", "ma"], members, states)).toBeNull();
    expect(sharedRegionalGroup(["it", "staff"], members, states)).toBeNull();
  });
});

describe("invitations", () => {
  it("name each kind of invitee as the API takes it", () => {
    expect(invitationTarget(targetId("state", "EG"))).toEqual({ partnerStateCode: "EG" });
    expect(invitationTarget(targetId("agency", "unhcr"))).toEqual({ organisationKey: "unhcr" });
    expect(invitationTarget(targetId("observer", "las"))).toEqual({ organisationKey: "las" });
    expect(invitationTarget(targetId("city", "mtm/barcelona"))).toEqual({ cityId: "mtm/barcelona" });
    expect(invitationTarget(targetId("person", "p1"))).toEqual({ personId: "p1" });
  });

  it("offer an invitee the answers that change something", () => {
    expect(answersFor("INVITED")).toEqual(["ACCEPT", "TENTATIVE", "DECLINE"]);
    expect(answersFor("ACCEPTED")).toEqual(["TENTATIVE", "DECLINE", "WITHDRAW"]);
    expect(answersFor("WAITLISTED")).toEqual(["TENTATIVE", "DECLINE", "WITHDRAW"]);
    expect(answersFor("DECLINED")).toEqual(["ACCEPT", "TENTATIVE"]);
  });
});

describe("what the viewer may do", () => {
  const none = {
    updateDetails: false, schedule: false, open: false, conclude: false, cancel: false, manageAgenda: false, setChairs: false, invite: false,
    withdrawInvitation: false, manageDocuments: false, setNotesSettings: false, seeAudit: false, seeInvitations: false, exportParticipants: false,
  };
  it("takes the server's flags, and keeps a meeting's dates once it has begun", () => {
    const scheduled = meetingPermissions({ status: "SCHEDULED", viewerMay: { ...none, updateDetails: true, open: true, withdrawInvitation: true } });
    expect(scheduled).toMatchObject({ editDetails: true, moveDates: true, open: true, withdraw: true, invite: false, schedule: false });
    const running = meetingPermissions({ status: "IN_PROGRESS", viewerMay: { ...none, updateDetails: true, conclude: true } });
    expect(running).toMatchObject({ editDetails: true, moveDates: false, conclude: true });
    expect(Object.values(meetingPermissions({ status: "SCHEDULED", viewerMay: none })).some(Boolean)).toBe(false);
  });
});

describe("the outbox", () => {
  it("reads what a message is from the server's description", () => {
    expect(outboxKind("Invitation (sequence 2): Expert meeting")).toEqual({ kind: "invitation", sequence: 2, title: "Expert meeting" });
    expect(outboxKind("Cancellation (sequence 3): Expert meeting")).toMatchObject({ kind: "cancellation" });
    expect(outboxKind("Reminder: Expert meeting")).toEqual({ kind: "reminder", title: "Expert meeting" });
    expect(outboxKind("PromotedFromWaitlist: Expert meeting")).toMatchObject({ kind: "promoted" });
    expect(outboxKind("Secretariat calendar (Microsoft Graph): meeting mtm/abc")).toEqual({ kind: "calendar", title: "mtm/abc" });
    expect(outboxKind("Votre lien de connexion")).toEqual({ kind: "other", title: "Votre lien de connexion" });
  });
});
