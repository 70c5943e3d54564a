// @vitest-environment node
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { languages, messages } from "../src/i18n/messages";

/**
 * Every refusal reason and warning code the server can answer (the stable keys in its C# sources, such as
 * ENDS_BEFORE_START) has a wording in Arabic, English and French, so no refusal reaches a person in the
 * server's English. Codes that only API clients can meet (limits on documents no page sends) are listed.
 */
const apiOnly: Record<string, string> = {
  TOO_MANY_ALIASES: "a limit on GraphQL documents; the app's operations use none",
  TOO_MANY_SELECTIONS: "a limit on GraphQL documents; the app's largest has about a hundred",
  MAX_NESTING: "a limit on GraphQL documents",
  METHOD_NOT_ALLOWED: "mutations sent with GET; the app posts",
  OTEL_EXPORTER_OTLP_ENDPOINT: "a configuration variable, not a refusal",
};

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === "bin" || name === "obj") return [];
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".cs") ? [path] : [];
  });
}

const root = resolve(process.cwd(), "../../src");
const text = sources(root).map((f) => readFileSync(f, "utf8")).join("\n");
const codes = new Set([...text.matchAll(/ErrorCode\.\w+ => "([A-Z_]+)"/g)].map((m) => m[1]));
const keys = new Set([...text.matchAll(/"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"/g)].map((m) => m[1]).filter((k) => !codes.has(k) && !(k in apiOnly)));

describe("refusal reasons", () => {
  it("are found in the server's sources", () => {
    expect(keys.size).toBeGreaterThan(30);
    expect(keys.has("ENDS_BEFORE_START")).toBe(true);
  });

  it("each have a wording in every language", () => {
    const missing = [...keys].sort().flatMap((k) => languages.filter((l) => !(`reason_${k}` in messages[l])).map((l) => `${l}: reason_${k}`));
    expect(missing).toEqual([]);
  });

  it("each code has a general wording for reasons the app does not know yet", () => {
    const missing = [...codes].flatMap((c) => languages.filter((l) => !(`code_${c}` in messages[l])).map((l) => `${l}: code_${c}`));
    expect(missing).toEqual([]);
  });
});
