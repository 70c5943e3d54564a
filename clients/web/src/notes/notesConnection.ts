import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { AttributionCheck, NoteEntry, NoteResult, NotesAccess, NotesSignOff, NotesStanding } from "./notesState";

export interface NotesJoined {
  entries: NoteEntry[];
  lastChange: number;
  finalized: boolean;
  mayWrite: boolean;
  following: number;
  noteTakersOnline: number;
  signOff: NotesSignOff;
  access: NotesAccess;
  /** The longest entry the server takes, in characters. */
  maxTextLength: number;
}

export interface NotesHandlers {
  onEntries: (entries: NoteEntry[]) => void;
  onJoined: (joined: NotesJoined) => void;
  onEditing: (seq: number, editing: boolean) => void;
  onPresence: (following: number) => void;
  onNoteTakers: (count: number) => void;
  onFinalized: () => void;
  onReopened: () => void;
  onSignOff: (signOff: NotesSignOff) => void;
  onRevoked: () => void;
  onConnection: (connected: boolean) => void;
  lastChange: () => number;
}

/**
 * The notes hub for one meeting: joins, catches up from the last change it saw after every reconnect, and
 * passes events on. It retries for as long as the page is open.
 */
export class NotesConnection {
  private readonly connection: HubConnection;

  constructor(
    private readonly meetingId: string,
    private readonly handlers: NotesHandlers,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl("/hubs/notes")
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(500 * 2 ** retry.previousRetryCount, 5000) })
      .configureLogging(LogLevel.Warning)
      .build();
    const mine = (handler: (...args: never[]) => void) => (meeting: string, ...rest: never[]) => {
      if (meeting === meetingId) handler(...rest);
    };
    this.connection.on("EntryAdded", mine((entry: NoteEntry) => handlers.onEntries([entry])));
    this.connection.on("EntryEdited", mine((entry: NoteEntry) => handlers.onEntries([entry])));
    this.connection.on("EntryDeleted", mine((entry: NoteEntry) => handlers.onEntries([entry])));
    this.connection.on("EditingStarted", mine((seq: number) => handlers.onEditing(seq, true)));
    this.connection.on("EditingStopped", mine((seq: number) => handlers.onEditing(seq, false)));
    this.connection.on("PresenceChanged", mine((count: number) => handlers.onPresence(count)));
    this.connection.on("NoteTakersOnline", mine((count: number) => handlers.onNoteTakers(count)));
    this.connection.on("NotesFinalized", mine(() => handlers.onFinalized()));
    this.connection.on("NotesReopened", mine(() => handlers.onReopened()));
    this.connection.on("SignOffChanged", mine((signOff: NotesSignOff) => handlers.onSignOff(signOff)));
    this.connection.on("NotesAccessRevoked", mine(() => handlers.onRevoked()));
    this.connection.onreconnecting(() => handlers.onConnection(false));
    this.connection.onreconnected(() => void this.join());
    this.connection.onclose(() => {
      handlers.onConnection(false);
      // Automatic reconnection gave up (a long outage): start again until the page closes.
      setTimeout(() => void this.start(), 3000);
    });
  }

  private stopped = false;

  async start(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.connection.start();
      await this.join();
    } catch {
      this.handlers.onConnection(false);
      if (!this.stopped) setTimeout(() => void this.start(), 2000);
    }
  }

  /** Joins (again) and asks for everything after the last change this client holds. */
  async join(): Promise<void> {
    const joined = await this.connection.invoke<NotesJoined>("JoinMeeting", this.meetingId, this.handlers.lastChange());
    this.handlers.onJoined(joined);
    this.handlers.onConnection(true);
  }

  get connected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  /** Checks a text for attribution while it is typed; the server stores and logs nothing. */
  check(text: string): Promise<AttributionCheck> {
    return this.connection.invoke<AttributionCheck>("CheckEntry", this.meetingId, text);
  }

  append(clientId: string, sessionId: string, text: string, notAttribution: boolean): Promise<NoteResult> {
    return this.connection.invoke<NoteResult>("AppendEntry", this.meetingId, clientId, sessionId, text, notAttribution);
  }

  edit(seq: number, expectedVersion: number, text: string, notAttribution: boolean): Promise<NoteResult> {
    return this.connection.invoke<NoteResult>("EditEntry", this.meetingId, seq, expectedVersion, text, notAttribution);
  }

  review(seq: number, expectedVersion: number): Promise<NoteResult> {
    return this.connection.invoke<NoteResult>("ReviewEntry", this.meetingId, seq, expectedVersion);
  }

  closeSession(sessionId: string): Promise<NotesStanding> {
    return this.connection.invoke<NotesStanding>("CloseSession", this.meetingId, sessionId);
  }

  reopenSession(sessionId: string): Promise<NotesStanding> {
    return this.connection.invoke<NotesStanding>("ReopenSession", this.meetingId, sessionId);
  }

  approve(): Promise<NotesStanding> {
    return this.connection.invoke<NotesStanding>("ApproveNotes", this.meetingId);
  }

  reopen(reason: string): Promise<NotesStanding> {
    return this.connection.invoke<NotesStanding>("ReopenNotes", this.meetingId, reason);
  }

  remove(seq: number, expectedVersion: number): Promise<NoteResult> {
    return this.connection.invoke<NoteResult>("DeleteEntry", this.meetingId, seq, expectedVersion);
  }

  editing(seq: number, editing: boolean): void {
    void this.connection.invoke(editing ? "StartEditing" : "StopEditing", this.meetingId, seq).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }
}
