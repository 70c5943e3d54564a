import { describe, expect, it } from "vitest";
import { invitationTarget, nominationChoices, placesLeft, registrationDraft, registrationInput, targetId } from "../src/pages/meeting/logic";
import { participationYears } from "../src/pages/participation";

const delegation = {
  partnerStateCode: "MA",
  places: 3,
  nominees: [
    { invitee: { personId: "p-fp" }, status: "ACCEPTED" },
    { invitee: { personId: "p-gone" }, status: "WITHDRAWN" },
    { invitee: { personId: "p-no" }, status: "DECLINED" },
  ],
};

describe("nominations", () => {
  it("counts only nominees whose invitation stands against the places", () => {
    expect(placesLeft(delegation)).toBe(2);
    expect(placesLeft({ places: 1, nominees: [{ invitee: { personId: "a" }, status: "INVITED" }] })).toBe(0);
    expect(placesLeft({ places: 1, nominees: [{ invitee: { personId: "a" }, status: "INVITED" }, { invitee: { personId: "b" }, status: "TENTATIVE" }] })).toBe(0);
  });

  it("offers the state's delegates and focal points not nominated already, by name, and nobody of another state", () => {
    const dialogue = {
      members: [
        { personId: "p-fp", person: { name: "Focal Point" }, roles: ["FOCAL_POINT", "DELEGATE"], partnerStateCode: "MA" },
        { personId: "p-gone", person: { name: "Zineb" }, roles: ["DELEGATE"], partnerStateCode: "MA" },
        { personId: "p-a", person: { name: "Amal" }, roles: ["DELEGATE"], partnerStateCode: "MA" },
        { personId: "p-it", person: { name: "Italian" }, roles: ["DELEGATE"], partnerStateCode: "IT" },
        { personId: "p-sec", person: { name: "Secretariat" }, roles: ["SECRETARIAT"], partnerStateCode: null },
        { personId: "p-city", email: "city@example.org", person: null, roles: ["CITY_OFFICIAL"], partnerStateCode: "MA" },
      ],
    };
    expect(nominationChoices(dialogue, delegation, "fr")).toEqual([
      { value: "p-a", label: "Amal" },
      { value: "p-gone", label: "Zineb" },
    ]);
  });

  it("invites a partner state with the places its focal points may fill, and other targets without", () => {
    expect(invitationTarget(targetId("state", "MA"), 3)).toEqual({ partnerStateCode: "MA", places: 3 });
    expect(invitationTarget(targetId("state", "MA"), null)).toEqual({ partnerStateCode: "MA" });
    expect(invitationTarget(targetId("agency", "unhcr"), 3)).toEqual({ organisationKey: "unhcr" });
  });
});

describe("registration", () => {
  it("starts empty and reads back a registration as it stands", () => {
    expect(registrationDraft(null)).toMatchObject({ arrival: "", visaLetterRequested: false, fundingRequested: false, dietaryNeeds: "" });
    expect(registrationDraft({ arrival: "2031-03-13", visaLetterRequested: true, passportNumber: "AB123", fundingNote: null })).toMatchObject({
      arrival: "2031-03-13", visaLetterRequested: true, passportNumber: "AB123", fundingNote: "",
    });
  });

  it("sends trimmed texts, null for empty ones, and nothing of a request switched off", () => {
    const draft = {
      ...registrationDraft(null),
      arrival: " 2031-03-13 ",
      departure: "",
      visaLetterRequested: false,
      passportNumber: "AB123",
      fundingRequested: true,
      fundingNote: " air ticket ",
      dietaryNeeds: "Vegetarian",
    };
    expect(registrationInput(draft)).toEqual({
      arrival: "2031-03-13",
      departure: null,
      visaLetterRequested: false,
      nameAsInPassport: null,
      nationality: null,
      passportNumber: null,
      passportExpires: null,
      fundingRequested: true,
      fundingNote: "air ticket",
      accessibilityNeeds: null,
      dietaryNeeds: "Vegetarian",
    });
    expect(registrationInput({ ...draft, visaLetterRequested: true, fundingRequested: false })).toMatchObject({ passportNumber: "AB123", fundingNote: null });
  });
});

describe("participation", () => {
  it("has a column for each year any state was invited in, newest first", () => {
    expect(participationYears([
      { years: [{ year: 2030, invited: 2 }, { year: 2028, invited: 1 }] },
      { years: [{ year: 2031, invited: 1 }, { year: 2029, invited: 0 }] },
      { years: [] },
    ])).toEqual([2031, 2030, 2028]);
  });
});
