// @vitest-environment node
import { readFileSync } from "node:fs";
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import * as generated from "../src/gql/graphql";

/**
 * Every operation the app sends, checked by graphql-js (not by our server) against the schema the server
 * prints (schema.graphql, kept current by the server's SchemaFileTests). graphql-codegen refuses an invalid
 * operation too; this test says which and why.
 */
const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
const documents = Object.entries(generated).filter(([name, value]) => name.endsWith("Document") && value instanceof generated.TypedDocumentString);
const operations = documents.flatMap(([, document]) =>
  parse(String(document)).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION));

describe("operations", () => {
  it("are found", () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents.map(([name, document]) => [name, String(document)]))("%s is valid against the server's schema", (_, text) => {
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });

  it("have names of their own", () => {
    const names = operations.map((o) => o.name?.value);
    expect(names.filter((n) => !n)).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

/**
 * The server can do more than the app shows unless this test says otherwise: every mutation of the schema is
 * sent by some operation of the app, or is listed in mutations-outside-the-app.json with the reason.
 */
describe("mutations", () => {
  const all = Object.keys(schema.getMutationType()!.getFields()).sort();
  const used = new Set(
    operations
      .filter((o) => o.operation === "mutation")
      .flatMap((o) => o.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))),
  );
  const outside: Record<string, string> = JSON.parse(readFileSync(new URL("../mutations-outside-the-app.json", import.meta.url), "utf8"));

  it("are each used by the app, or listed with the reason they are not", () => {
    expect(all.filter((m) => !used.has(m) && !outside[m])).toEqual([]);
  });

  it("listed as outside the app are really not used, exist, and say why", () => {
    for (const [mutation, reason] of Object.entries(outside)) {
      expect(all, mutation).toContain(mutation);
      expect(used.has(mutation), `${mutation} is used by the app: take it off the list`).toBe(false);
      expect(reason.length, mutation).toBeGreaterThan(20);
    }
  });
});
