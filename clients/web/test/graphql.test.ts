import { describe, expect, it } from "vitest";
import { ApiError, operation, request } from "../src/api/graphql";
import { fieldError } from "../src/components/Field";

const answer = (body: unknown, status = 200): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/graphql-response+json" } })) as typeof fetch;

describe("request", () => {
  const Query = operation<{ ok: boolean }, { id: string }>("query($id: ID!) { ok }");

  it("answers the data", async () => {
    await expect(request(Query, { id: "1" }, answer({ data: { ok: true } }))).resolves.toEqual({ ok: true });
  });

  it("keeps the server's code and field so a form can show the message beside the field", async () => {
    const failure = request(Query, { id: "1" }, answer({ errors: [{ message: "The meeting must end after it starts.", extensions: { code: "VALIDATION", field: "endsLocal" } }] }));
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(fieldError(error, "endsLocal")).toBe("The meeting must end after it starts.");
    expect(fieldError(error, "startsLocal")).toBeNull();
  });

  it("reports a lost connection as such", async () => {
    const offline = (async () => { throw new TypeError("Failed to fetch"); }) as typeof fetch;
    await expect(request(Query, { id: "1" }, offline)).rejects.toMatchObject({ code: "NETWORK" });
  });
});
