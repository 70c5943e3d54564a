import { describe, expect, it } from "vitest";
import { readHostReason } from "../src/hostReasons";

describe("host suggestion reasons", () => {
  it("reads each reason the server gives", () => {
    expect(readHostReason("offers expertise on Return and reintegration")).toEqual({ kind: "offers", topic: "Return and reintegration" });
    expect(readHostReason("its experts work in fr")).toEqual({ kind: "language", language: "fr" });
    expect(readHostReason("2 past exchange(s) with MA")).toEqual({ kind: "pastTogether", count: 2, state: "MA" });
    expect(readHostReason("hosted 1 exchange(s) on this topic")).toEqual({ kind: "hostedTopic", count: 1 });
    expect(readHostReason("its offer meets 3 of the request's needs")).toEqual({ kind: "needsMet", count: 3 });
  });
  it("leaves out what it cannot read", () => {
    expect(readHostReason("something new")).toBeNull();
    expect(readHostReason("its experts work in French")).toBeNull();
  });
});
