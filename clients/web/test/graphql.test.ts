import { describe, expect, it } from "vitest";
import { ApiError, operation, request } from "../src/api/graphql";
import { describe as say, fieldError } from "../src/components/Field";

const answer = (body: unknown, status = 200): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/graphql-response+json" } })) as typeof fetch;

describe("request", () => {
  const Query = operation<{ ok: boolean }, { id: string }>("query($id: ID!) { ok }");

  it("answers the data", async () => {
    await expect(request(Query, { id: "1" }, answer({ data: { ok: true } }))).resolves.toEqual({ ok: true });
  });

  it("keeps the server's code and field so a form can show the message beside the field", async () => {
    const failure = request(Query, { id: "1" }, answer({ errors: [{ message: "The meeting must end after it starts.", extensions: { code: "VALIDATION", field: "endsLocal", reason: "ENDS_BEFORE_START" } }] }));
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(fieldError(error, "endsLocal")).toBe(error);
    expect(fieldError(error, "startsLocal")).toBeNull();
    expect(say(error, "fr")).toBe("La fin doit suivre le début.");
    expect(say(error, "ar")).toBe("يجب أن يكون الانتهاء بعد البدء.");
  });

  it("says a refusal with values in the user's language, and falls back to the server's words for a reason it does not know", async () => {
    const tooLong = new ApiError("venue must be at most 200 characters.", "VALIDATION", "venue", "TOO_LONG", { max: "200" });
    expect(say(tooLong, "fr")).toBe("200 caractères au plus.");
    const unknown = new ApiError("Something new.", "VALIDATION", "venue", "SOMETHING_NEW");
    expect(say(unknown, "ar")).toBe("Something new.");
  });

  it("reports a lost connection as such", async () => {
    const offline = (async () => { throw new TypeError("Failed to fetch"); }) as typeof fetch;
    await expect(request(Query, { id: "1" }, offline)).rejects.toMatchObject({ code: "NETWORK" });
  });
});
