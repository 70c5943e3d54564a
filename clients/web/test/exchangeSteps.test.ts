import { describe, expect, it } from "vitest";
import { evaluatingSide } from "../src/exchangeSteps";

type Exchange = Parameters<typeof evaluatingSide>[0];
type Directory = Parameters<typeof evaluatingSide>[1];

const member = (personId: string, roles: string[], partnerStateCode: string | null) =>
  ({ me: { personId, roles, partnerStateCode, organisationKey: null } }) as unknown as Directory;

const exchange: Exchange = { requestingStateCode: "MA", hostStateCode: "EG", requestingExpertId: "dma" };

describe("the side a viewer evaluates an exchange for", () => {
  it("is the requesting side for the requesting expert and the requesting state's focal point", () => {
    expect(evaluatingSide(exchange, member("dma", ["DELEGATE"], "MA"), "dma")).toBe("REQUESTING");
    expect(evaluatingSide(exchange, member("fma", ["FOCAL_POINT"], "MA"), "fma")).toBe("REQUESTING");
  });

  it("is the host for the host state's focal point, and none for its delegates or the secretariat", () => {
    expect(evaluatingSide(exchange, member("feg", ["FOCAL_POINT"], "EG"), "feg")).toBe("HOST");
    expect(evaluatingSide(exchange, member("deg", ["DELEGATE"], "EG"), "deg")).toBeNull();
    expect(evaluatingSide(exchange, member("s", ["SECRETARIAT"], null), "s")).toBeNull();
  });
});
