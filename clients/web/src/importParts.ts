/**
 * A members file too large for one request goes to the server in parts. The server refuses a request body
 * over its limit (`GraphQL:MaxRequestBytes`, 128 KiB by default) before it reads it, while an import may
 * hold up to 5,000 lines; so the app cuts the file at record boundaries, each part with the header line.
 */

/** The most a part may weigh as sent (its JSON string), leaving room under 128 KiB for the rest of the request. */
export const maxPartBytes = 96 * 1024;

/** A part of a file, and the line number (as the server counts: header 1, records from 2) of its first record. */
export type CsvPart = { text: string; firstLine: number };

const encoder = new TextEncoder();

/** What a piece of text adds to a JSON string: its UTF-8 bytes once quotes, backslashes and controls are escaped. */
const jsonBytes = (text: string) => encoder.encode(JSON.stringify(text)).length - 2;

/**
 * The file as one part when it fits, else in parts of at most `maxBytes` each, never cut inside a quoted field
 * (a value may hold a line break). Blank lines between records are left out of the parts; a record larger
 * than a part on its own still goes alone, for the server to refuse.
 */
export function splitCsv(csv: string, maxBytes = maxPartBytes): CsvPart[] {
  if (jsonBytes(csv) + 2 <= maxBytes) return [{ text: csv, firstLine: 2 }];
  const { header, records } = recordsOf(csv);
  const parts: CsvPart[] = [];
  const headerBytes = 2 + jsonBytes(header);
  let lines: string[] = [];
  let bytes = headerBytes;
  let firstLine = 2;
  records.forEach((record, i) => {
    const size = jsonBytes("\n" + record);
    if (lines.length > 0 && bytes + size > maxBytes) {
      parts.push({ text: [header, ...lines].join("\n"), firstLine });
      lines = [];
      bytes = headerBytes;
      firstLine = 2 + i;
    }
    lines.push(record);
    bytes += size;
  });
  if (lines.length > 0) parts.push({ text: [header, ...lines].join("\n"), firstLine });
  return parts;
}

/** The header line and the records of a file, a record per person (a quoted value may hold a line break); blank lines left out. */
function recordsOf(csv: string): { header: string; records: string[] } {
  const [header, ...rest] = csv.split("\n");
  const records: string[] = [];
  let open: string[] = [];
  for (const line of rest) {
    open.push(line);
    // An odd number of quotes so far leaves a quoted field open: the record goes on on the next line.
    if (open.join("\n").split('"').length % 2 === 1) {
      const record = open.join("\n");
      if (record.trim() !== "") records.push(record);
      open = [];
    }
  }
  if (open.length > 0 && open.join("\n").trim() !== "") records.push(open.join("\n"));
  return { header, records };
}

/**
 * The separator a file uses, read from its header as the server's CSV reader does: the most frequent of comma,
 * semicolon (spreadsheets in French write those), tab and bar.
 */
export function separatorOf(header: string): string {
  const counts = [",", ";", "\t", "|"].map((c) => [c, header.split(c).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** The values of one record: separated by commas (or another separator), a quoted value may hold separators, line breaks and doubled quotes. */
export function valuesOf(record: string, separator = ","): string[] {
  const values: string[] = [];
  let value = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted && c === '"' && record[i + 1] === '"') {
      value += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      values.push(value);
      value = "";
    } else value += c;
  }
  values.push(value.replace(/\r$/, ""));
  return values;
}

/** A line the server would refuse, as it words it: the line of the whole file, the column, the reason and its values. */
export type PartProblem = { line: number; field: string; message: string; reason: string; values: { name: string; value: string }[] };

/**
 * The same address on two lines of different parts. The server refuses an address repeated within what it is
 * sent (DUPLICATE_EMAIL), but each part is sent alone, so this is the one check of a file that only the whole file
 * allows: without it, the later line would quietly replace the earlier line's roles. Worded as the server words it.
 */
export function repeatedAcrossParts(parts: CsvPart[]): PartProblem[] {
  if (parts.length < 2) return [];
  const problems: PartProblem[] = [];
  const firstOn = new Map<string, { line: number; part: CsvPart }>();
  for (const part of parts) {
    const { header, records } = recordsOf(part.text);
    const separator = separatorOf(header);
    const column = valuesOf(header, separator).findIndex((name) => name.trim().toLowerCase() === "email");
    if (column < 0) continue;
    records.forEach((record, i) => {
      const email = (valuesOf(record, separator)[column] ?? "").trim().toLowerCase();
      if (email === "") return;
      const line = lineInFile(part, 2 + i);
      const first = firstOn.get(email);
      if (!first) firstOn.set(email, { line, part });
      else if (first.part !== part)
        problems.push({ line, field: "email", message: `${email} is already on line ${first.line}.`, reason: "DUPLICATE_EMAIL", values: [{ name: "line", value: String(first.line) }] });
    });
  }
  return problems;
}

/** A problem the server reported on a part, on the line of the whole file. */
export const lineInFile = (part: CsvPart, line: number) => line - 2 + part.firstLine;
