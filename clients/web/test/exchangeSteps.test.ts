import { describe, expect, it } from "vitest";
import { exchangePermissions } from "../src/exchangeSteps";

type Exchange = Parameters<typeof exchangePermissions>[0];
type Directory = Parameters<typeof exchangePermissions>[1];

const member = (personId: string, roles: string[], partnerStateCode: string | null, organisationKey: string | null = null) =>
  ({ me: { personId, roles, partnerStateCode, organisationKey }, secretariat: roles.includes("SECRETARIAT") }) as unknown as Directory;

const secretariat = member("s", ["SECRETARIAT"], null);
const focalMorocco = member("fma", ["FOCAL_POINT", "DELEGATE"], "MA");
const delegateMorocco = member("dma", ["DELEGATE"], "MA");
const focalEgypt = member("feg", ["FOCAL_POINT"], "EG");
const unhcr = member("u", ["AGENCY"], null, "unhcr");

const exchange = (status: Exchange["status"], extra: Partial<Exchange> = {}): Exchange => ({
  status, requestingStateCode: "MA", hostStateCode: null, requestingExpertId: "dma", consultedOrganisations: [], evaluatedBy: [],
  auditTrail: [{ action: "created", personId: "dma", at: "", summary: "", person: null }], ...extra,
});

/** The steps offered, by name. */
const offered = (x: Exchange, d: Directory, id: string) => Object.entries(exchangePermissions(x, d, id)).filter(([, v]) => v).map(([k]) => k);

describe("an expert exchange's next step, offered to whom it belongs", () => {
  it("lets the drafter or the requesting state's focal point submit, and only that focal point endorse", () => {
    expect(offered(exchange("DRAFT"), delegateMorocco, "dma")).toEqual(["submit"]);
    expect(offered(exchange("DRAFT"), focalMorocco, "fma")).toEqual(["submit"]);
    expect(offered(exchange("DRAFT"), secretariat, "s")).toEqual([]);
    expect(offered(exchange("SUBMITTED"), delegateMorocco, "dma")).toEqual([]);
    expect(offered(exchange("SUBMITTED"), focalMorocco, "fma")).toEqual(["endorse"]);
  });

  it("gives the review, the decision, scheduling and completion to the secretariat alone", () => {
    expect(offered(exchange("ENDORSED"), secretariat, "s")).toEqual(["review"]);
    expect(offered(exchange("ENDORSED"), focalMorocco, "fma")).toEqual([]);
    expect(offered(exchange("UNDER_REVIEW"), secretariat, "s")).toEqual(["decide"]);
    expect(offered(exchange("HOST_CONFIRMED", { hostStateCode: "EG" }), secretariat, "s")).toEqual(["schedule"]);
    expect(offered(exchange("SCHEDULED", { hostStateCode: "EG" }), secretariat, "s")).toEqual(["complete"]);
  });

  it("asks a consulted agency for its opinion, and no other", () => {
    expect(offered(exchange("UNDER_REVIEW", { consultedOrganisations: ["unhcr"] }), unhcr, "u")).toEqual(["giveOpinion"]);
    expect(offered(exchange("UNDER_REVIEW", { consultedOrganisations: ["iom"] }), unhcr, "u")).toEqual([]);
  });

  it("lets the host state's focal point accept, and each side evaluate once", () => {
    expect(offered(exchange("APPROVED", { hostStateCode: "EG" }), focalEgypt, "feg")).toEqual(["confirmHost"]);
    expect(offered(exchange("APPROVED", { hostStateCode: "EG" }), focalMorocco, "fma")).toEqual([]);
    const done = exchange("COMPLETED", { hostStateCode: "EG" });
    expect(exchangePermissions(done, delegateMorocco, "dma").evaluate).toBe("REQUESTING");
    expect(exchangePermissions(done, focalEgypt, "feg").evaluate).toBe("HOST");
    expect(exchangePermissions({ ...done, evaluatedBy: ["HOST"] }, focalEgypt, "feg").evaluate).toBeNull();
    expect(exchangePermissions(done, secretariat, "s").evaluate).toBeNull();
  });
});
