import { describe, expect, it } from "vitest";
import { lineInFile, repeatedAcrossParts, splitCsv, valuesOf } from "../src/importParts";

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

describe("an address on lines of two parts", () => {
  it("is reported on its later line, naming the first, as the server reports a repeat within one part", () => {
    const lines = Array.from({ length: 10 }, (_, i) => line(i + 1));
    lines[8] = `" Person2@Example.org ",Person 2 again,fr,Delegate,MA,,`;
    const parts = splitCsv([header, ...lines].join("\n"), 250);
    expect(parts.length).toBeGreaterThan(2);
    expect(repeatedAcrossParts(parts)).toEqual([
      { line: 10, field: "email", message: "person2@example.org is already on line 3.", reason: "DUPLICATE_EMAIL", values: [{ name: "line", value: "3" }] },
    ]);
  });

  it("is left to the server within one part, and a file sent whole is not looked at", () => {
    const twice = [header, line(1), line(1), line(2)].join("\n");
    expect(repeatedAcrossParts(splitCsv(twice))).toEqual([]);
    const parts = splitCsv([header, line(1), line(1), ...Array.from({ length: 8 }, (_, i) => line(i + 2))].join("\n"), 250);
    expect(parts[0].text.split("\n").slice(1, 3)).toEqual([line(1), line(1)]);
    expect(repeatedAcrossParts(parts)).toEqual([]);
  });

  it("reads a file separated by semicolons, as spreadsheets in French save it", () => {
    const text = ["Email;Nom;roles", ...Array.from({ length: 6 }, (_, i) => `p${i % 3}@example.org;"Dupont; Jean";Delegate`)].join("\r\n");
    expect(repeatedAcrossParts(splitCsv(text, 90)).map((p) => p.line)).toEqual([5, 6, 7]);
  });

  it("finds the email column wherever the header puts it", () => {
    const moved = "name,roles,EMAIL";
    const text = [moved, ...Array.from({ length: 6 }, (_, i) => `Person ${i},Delegate,p${i % 3}@example.org`)].join("\n");
    expect(repeatedAcrossParts(splitCsv(text, 80)).map((p) => [p.line, p.values[0].value])).toEqual([[5, "2"], [6, "3"], [7, "4"]]);
  });
});

describe("the values of a record", () => {
  it("are split at commas outside quotes; quotes are doubled inside a quoted value, which may hold a line break", () => {
    expect(valuesOf(`a@example.org,"Quoted, ""Person""",,"Two\nLines"\r`)).toEqual(["a@example.org", `Quoted, "Person"`, "", "Two\nLines"]);
  });
});
