import { describe, expect, it } from "vitest";
import { ApiError, operationName, request } from "../src/api/graphql";
import { describe as say, fieldError, ownedBy } from "../src/components/Field";
import { TypedDocumentString } from "../src/gql/graphql";

const answer = (body: unknown, status = 200): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/graphql-response+json" } })) as typeof fetch;

describe("request", () => {
  const Query = new TypedDocumentString<{ ok: boolean }, { id: string }>("query Probe($id: ID!) { ok }");

  it("answers the data, naming the operation", async () => {
    let sent: { operationName?: string } = {};
    const fetcher = (async (_: RequestInfo | URL, init?: RequestInit) => {
      sent = JSON.parse(String(init?.body));
      return new Response(JSON.stringify({ data: { ok: true } }));
    }) as typeof fetch;
    await expect(request(Query, { id: "1" }, fetcher)).resolves.toEqual({ ok: true });
    expect(sent.operationName).toBe("Probe");
    expect(operationName(Query)).toBe("Probe");
  });

  it("keeps every field the server refused, so a form shows each beside its field at once", async () => {
    const failure = request(Query, { id: "1" }, answer({ errors: [
      { message: "The meeting must end after it starts.", extensions: { code: "VALIDATION", field: "endsLocal", reason: "ENDS_BEFORE_START" } },
      { message: "venue must be at most 200 characters.", extensions: { code: "VALIDATION", field: "venue", reason: "TOO_LONG", values: { max: "200" } } },
    ] }));
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(fieldError(error, "endsLocal")?.reason).toBe("ENDS_BEFORE_START");
    expect(fieldError(error, "venue")?.values).toEqual({ max: "200" });
    expect(fieldError(error, "startsLocal")).toBeNull();
    expect(ownedBy(error, ["endsLocal", "venue"])).toBe(true);
    expect(ownedBy(error, ["endsLocal"])).toBe(false);
    expect(say(fieldError(error, "endsLocal"), "fr")).toBe("La fin doit suivre le début.");
    expect(say(error, "ar")).toBe("يجب أن يكون الانتهاء بعد البدء.");
  });

  it("puts a clash the server names on a field (a code already listed) beside that field, not lost between field and top", () => {
    const clash = ApiError.of("CONFLICT", "TN is already a partner state of this dialogue.", "code");
    expect(fieldError(clash, "code")?.code).toBe("CONFLICT");
    expect(ownedBy(clash, ["code"])).toBe(true);
  });

  it("says a refusal with values in the user's language and plural forms, and its code's wording for a reason it does not know", async () => {
    const tooLong = ApiError.of("VALIDATION", "venue must be at most 200 characters.", "venue", "TOO_LONG", { max: "200" });
    expect(say(tooLong, "fr")).toBe("200 caractères au plus.");
    expect(say(tooLong, "ar")).toBe("200 حرف على الأكثر.");
    expect(say(ApiError.of("VALIDATION", "x", "venue", "TOO_LONG", { max: "11" }), "ar")).toBe("11 حرفًا على الأكثر.");
    const unknown = ApiError.of("INVALID_STATE", "Something new.", undefined, "SOMETHING_NEW");
    expect(say(unknown, "en")).toBe("Something new.");
    expect(say(unknown, "ar")).toBe("لا يمكن القيام بذلك الآن.");
  });

  it("reports a lost connection as such, not as a refusal", async () => {
    const offline = (async () => { throw new TypeError("Failed to fetch"); }) as typeof fetch;
    await expect(request(Query, { id: "1" }, offline)).rejects.toMatchObject({ code: "NETWORK" });
    await expect(request(Query, { id: "1" }, answer("<html>", 502))).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
