/**
 * The live notes as a client holds them: entries by position, the highest change number seen, and the
 * changes made here that the server has not acknowledged yet (kept in local storage, so neither a refresh
 * nor a lost connection loses them). Pure functions, tested without a server.
 */
export interface NoteEntry {
  seq: number;
  sessionId: string;
  text: string;
  version: number;
  change: number;
  deleted: boolean;
  /** "UNREVIEWED": its writer marked it "not attribution"; readers get it without its text until a note-taker reviews it. */
  review: ReviewMark;
}

export type ReviewMark = "None" | "Unreviewed" | "Reviewed";

export type FindingKind = "Person" | "Delegation" | "Organisation" | "Unchecked";

export interface AttributionFinding { kind: FindingKind; matched: string; start: number; length: number }

export interface AttributionCheck { findings: AttributionFinding[]; rewording: string | null; overrideAllowed: boolean }

export interface NoteResult {
  code: string | null;
  message: string | null;
  entry: NoteEntry | null;
  attribution: AttributionCheck | null;
}

export interface NotesSignOff {
  closedSessionIds: string[];
  unreviewed: number;
  approvals: number;
  approvalsNeeded: number;
  finalized: boolean;
}

export interface NotesAccess { noteTaker: boolean; mayApprove: boolean; approved: boolean; mayReopen: boolean; strict: boolean }

export interface NotesStanding { signOff: NotesSignOff; access: NotesAccess }

/** Why the server refused a queued change: its code and reason key (translated by the page), or the guard's findings. */
export interface Refusal { code: string; reason?: string; message: string; attribution?: AttributionCheck | null }

/** A change made here, waiting for the server: sent in order when connected; a refused one waits for the writer. */
export type PendingChange =
  | { kind: "append"; clientId: string; sessionId: string; text: string; notAttribution: boolean; refusal?: Refusal }
  | { kind: "edit"; clientId: string; sessionId: string; seq: number; expectedVersion: number; text: string; notAttribution: boolean; refusal?: Refusal }
  | { kind: "delete"; clientId: string; sessionId: string; seq: number; expectedVersion: number; refusal?: Refusal };

export interface NotesState {
  entries: Map<number, NoteEntry>;
  lastChange: number;
  /** A change number was skipped: the client must join again from lastChange. */
  gap: boolean;
}

export const emptyNotes = (): NotesState => ({ entries: new Map(), lastChange: 0, gap: false });

/**
 * Applies entries from the server (a join's catch-up or live events). Anything not newer than what is held
 * is ignored, so a replayed or duplicated event changes nothing; a skipped change number marks a gap.
 */
export function applyEntries(state: NotesState, incoming: NoteEntry[], fromJoin = false): NotesState {
  const entries = new Map(state.entries);
  let lastChange = state.lastChange;
  let gap = fromJoin ? false : state.gap;
  for (const entry of [...incoming].sort((a, b) => a.change - b.change)) {
    const held = entries.get(entry.seq);
    if (held && held.change >= entry.change) continue;
    if (!fromJoin && entry.change > lastChange + 1) gap = true;
    entries.set(entry.seq, entry);
    lastChange = Math.max(lastChange, entry.change);
  }
  return { entries, lastChange, gap };
}

/** The entries of one working session in order. */
export function entriesOf(state: NotesState, sessionId: string): NoteEntry[] {
  return [...state.entries.values()].filter((e) => e.sessionId === sessionId).sort((a, b) => a.seq - b.seq);
}

/** The text as it stands once this client's own pending changes apply (an edit or deletion made offline shows at once). */
export function withPending(entry: NoteEntry, pending: PendingChange[]): { text: string; deleted: boolean; pending: boolean } {
  let text = entry.text;
  let deleted = entry.deleted;
  let waiting = false;
  for (const change of pending) {
    if (change.kind === "append" || change.seq !== entry.seq) continue;
    waiting = true;
    if (change.kind === "edit") text = change.text;
    else deleted = true;
  }
  return { text, deleted, pending: waiting };
}

/** A string of text cut into plain and flagged stretches, for showing the guard's findings in place. */
export function highlight(text: string, findings: AttributionFinding[]): { text: string; flagged: boolean }[] {
  const parts: { text: string; flagged: boolean }[] = [];
  let at = 0;
  for (const f of [...findings].filter((f) => f.length > 0).sort((a, b) => a.start - b.start)) {
    if (f.start < at || f.start + f.length > text.length) continue;
    if (f.start > at) parts.push({ text: text.slice(at, f.start), flagged: false });
    parts.push({ text: text.slice(f.start, f.start + f.length), flagged: true });
    at = f.start + f.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), flagged: false });
  return parts;
}

/** Changes made here and not yet acknowledged, per meeting, in local storage. */
export class PendingQueue {
  constructor(
    private readonly meetingId: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private get key() {
    return `collaboration.notes.pending.${this.meetingId}`;
  }

  all(): PendingChange[] {
    try {
      const stored = JSON.parse(this.storage.getItem(this.key) ?? "[]") as Partial<PendingChange>[];
      // Entries queued by an earlier version of the app had no kind: they were appends.
      return stored.map((c) => ({ kind: "append", notAttribution: false, ...c }) as PendingChange);
    } catch {
      return [];
    }
  }

  add(change: PendingChange): void {
    this.save([...this.all(), change]);
  }

  /** Replaces a queued change (the writer acted on a refusal), keeping its place. */
  replace(clientId: string, change: PendingChange): void {
    this.save(this.all().map((c) => (c.clientId === clientId ? change : c)));
  }

  remove(clientId: string): void {
    this.save(this.all().filter((e) => e.clientId !== clientId));
  }

  private save(changes: PendingChange[]) {
    this.storage.setItem(this.key, JSON.stringify(changes));
  }
}

/** The draft being typed, per meeting and session, so a refresh does not lose it. */
export function draftKey(meetingId: string, sessionId: string): string {
  return `collaboration.notes.draft.${meetingId}.${sessionId}`;
}

/** A hub refusal ("CODE: message" or "CODE/REASON: message") as code, reason and message. */
export function refusalOf(error: unknown): Refusal {
  const text = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([A-Z_]+)(?:\/([A-Z_]+))?: (.*)$/s.exec(text) ?? /^([A-Z_]+)(?:\/([A-Z_]+))?: (.*)$/s.exec(text);
  return match ? { code: match[1], reason: match[2], message: match[3] } : { code: "NETWORK", message: text };
}

/** Whether a refusal means "try again later" (the connection, the server) rather than "this change cannot be made". */
export function isTransient(refusal: Refusal): boolean {
  return refusal.code === "NETWORK" || refusal.code === "UNAVAILABLE" || refusal.code === "TOO_MANY_REQUESTS";
}
