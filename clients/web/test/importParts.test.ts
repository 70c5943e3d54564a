import { describe, expect, it } from "vitest";
import { lineInFile, splitCsv } from "../src/importParts";

const header = "email,name,preferredLanguage,roles,partnerStateCode,organisationKey,city";
const line = (i: number) => `person${i}@example.org,Person ${i},fr,Delegate,MA,,`;
const file = (n: number) => [header, ...Array.from({ length: n }, (_, i) => line(i + 1))].join("\n");
const weight = (text: string) => new TextEncoder().encode(JSON.stringify(text)).length;

describe("a members file cut into parts the server takes", () => {
  it("sends a file that fits as it is", () => {
    const small = file(3) + "\n";
    expect(splitCsv(small)).toEqual([{ text: small, firstLine: 2 }]);
  });

  it("repeats the header, keeps every record once and in order, and stays under the limit", () => {
    const big = file(5000);
    const parts = splitCsv(big);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.text.split("\n")[0]).toBe(header);
      expect(weight(part.text)).toBeLessThanOrEqual(96 * 1024);
    }
    expect(parts.flatMap((p) => p.text.split("\n").slice(1))).toEqual(big.split("\n").slice(1));
  });

  it("numbers each part's lines as they are in the whole file", () => {
    const parts = splitCsv(file(10), 250);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      // The part's first record (its line 2 for the server) is line firstLine of the file.
      const first = part.text.split("\n")[1];
      expect(file(10).split("\n")[lineInFile(part, 2) - 1]).toBe(first);
    }
  });

  it("never cuts inside a quoted value that holds a line break", () => {
    const quoted = `"multi@example.org","Two\nLines",en,Delegate,MA,,`;
    const text = [header, line(1), quoted, line(3)].join("\n");
    const parts = splitCsv(text, weight(header) + weight(line(1)) + 10);
    expect(parts.map((p) => p.text.split("\n").slice(1).join("\n"))).toEqual([line(1), quoted, line(3)]);
    expect(parts.map((p) => p.firstLine)).toEqual([2, 3, 4]);
  });

  it("counts what JSON escapes: quotes and Arabic take more bytes than characters", () => {
    const arabic = `a@example.org,"محمد ""الأمين""",ar,Delegate,MA,,`;
    const parts = splitCsv([header, ...Array.from({ length: 400 }, () => arabic)].join("\n"), 8 * 1024);
    for (const part of parts) expect(weight(part.text)).toBeLessThanOrEqual(8 * 1024);
  });
});
