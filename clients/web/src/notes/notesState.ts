/**
 * The live notes as a client holds them: entries by position, the highest change number seen, and the
 * entries typed here that the server has not acknowledged yet (kept in local storage, so neither a refresh
 * nor a lost connection loses them). Pure functions, tested without a server.
 */
export interface NoteEntry {
  seq: number;
  sessionId: string;
  text: string;
  version: number;
  change: number;
  deleted: boolean;
}

export interface AttributionWarning { matched: string; reason: string; suggestion: string }

export interface NoteResult {
  code: string | null;
  message: string | null;
  entry: NoteEntry | null;
  warnings: AttributionWarning[];
}

export interface PendingEntry { clientId: string; sessionId: string; text: string }

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

/** Entries typed here and not yet acknowledged, per meeting, in local storage. */
export class PendingQueue {
  constructor(
    private readonly meetingId: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private get key() {
    return `collaboration.notes.pending.${this.meetingId}`;
  }

  all(): PendingEntry[] {
    try {
      return JSON.parse(this.storage.getItem(this.key) ?? "[]") as PendingEntry[];
    } catch {
      return [];
    }
  }

  add(entry: PendingEntry): void {
    this.storage.setItem(this.key, JSON.stringify([...this.all(), entry]));
  }

  remove(clientId: string): void {
    this.storage.setItem(this.key, JSON.stringify(this.all().filter((e) => e.clientId !== clientId)));
  }
}

/** The draft being typed, per meeting and session, so a refresh does not lose it. */
export function draftKey(meetingId: string, sessionId: string): string {
  return `collaboration.notes.draft.${meetingId}.${sessionId}`;
}
