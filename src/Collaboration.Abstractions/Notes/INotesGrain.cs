namespace Collaboration.Notes;

/// <summary>
/// A meeting's live notes (keyed like the meeting, <c>{dialogueKey}/{meetingId}</c>). Note-takers (the
/// dialogue's secretariat, the meeting's co-chairs and rapporteurs) write; viewers (the secretariat, and
/// participants when the meeting allows live notes) read. Every text is checked for attribution before it is
/// stored or sent. The caller is checked and then forgotten: nothing written keeps it.
/// </summary>
[Alias("collaboration.notes")]
public interface INotesGrain : IGrainWithStringKey
{
    /// <summary>
    /// The entries changed after <paramref name="afterChange"/> (all for 0), in order, with tombstones for
    /// deletions; a reader who takes no notes gets an entry awaiting review without its text.
    /// </summary>
    [Alias("join")]
    Task<NotesSnapshot> JoinAsync(Caller caller, long afterChange);

    /// <summary>
    /// Checks a text for attribution while the note-taker types: the findings, the neutral rewording and
    /// whether "not attribution" is allowed. Stores, logs and sends nothing.
    /// </summary>
    [Alias("check")]
    Task<AttributionCheckResult> CheckAsync(Caller caller, NoteText text);

    /// <summary>
    /// Appends an entry to an open working session. Idempotent on the client's id: a retry answers the entry
    /// already stored. Text with attribution is refused (VALIDATION with the findings, nothing stored) unless
    /// the writer marks it "not attribution" in a meeting that allows it; it is then stored with a review mark
    /// and reaches readers once reviewed.
    /// </summary>
    [Alias("append")]
    Task<NoteResult> AppendAsync(Caller caller, Guid clientId, string sessionId, NoteText text, bool notAttribution);

    /// <summary>
    /// Replaces an entry's text at the version the note-taker saw, under the same attribution rule; a stale
    /// version answers CONFLICT with the current entry.
    /// </summary>
    [Alias("edit")]
    Task<NoteResult> EditAsync(Caller caller, long seq, int expectedVersion, NoteText text, bool notAttribution);

    /// <summary>Deletes an entry at the version the note-taker saw; a stale version answers CONFLICT with the current entry.</summary>
    [Alias("delete")]
    Task<NoteResult> DeleteAsync(Caller caller, long seq, int expectedVersion);

    /// <summary>
    /// Confirms an entry marked "not attribution": a note-taker read it and agrees. Readers receive it from
    /// then on. Not in a strict meeting, which allows no such mark.
    /// </summary>
    [Alias("review")]
    Task<NoteResult> ReviewAsync(Caller caller, long seq, int expectedVersion);

    /// <summary>Tells viewers that an entry is being edited (or no longer is): which entry, never by whom.</summary>
    [Alias("set-editing")]
    Task SetEditingAsync(Caller caller, long seq, bool editing);

    /// <summary>Closes a working session's notes (note-takers): nothing more is written there until it is reopened.</summary>
    [Alias("close-session")]
    Task<NotesStanding> CloseSessionAsync(Caller caller, string sessionId);

    /// <summary>Reopens a closed working session (note-takers); approvals given so far lapse.</summary>
    [Alias("reopen-session")]
    Task<NotesStanding> ReopenSessionAsync(Caller caller, string sessionId);

    /// <summary>
    /// Approves the notes as they stand (a co-chair, or the secretariat when the meeting has no co-chairs), once
    /// every working session is closed and no entry waits for review. The approval is recorded on the meeting,
    /// never beside an entry. The last approval needed makes the notes final.
    /// </summary>
    [Alias("approve")]
    Task<NotesStanding> ApproveAsync(Caller caller);

    /// <summary>Reopens final notes (the secretariat), with a reason written to the meeting's administrative audit.</summary>
    [Alias("reopen")]
    Task<NotesStanding> ReopenAsync(Caller caller, string reason);

    /// <summary>
    /// What the caller may do with the notes now (follow, take, approve, reopen, read), by the same rules as the
    /// hub's methods and the meetingNotes query; all false for a caller who may not see the meeting.
    /// </summary>
    [Alias("permissions")]
    Task<NotesPermissions> GetPermissionsAsync(Caller caller);

    /// <summary>The notes in session order, for viewers: the final notes once finalized, the notes so far before.</summary>
    [Alias("read")]
    Task<FinalNotes> ReadAsync(Caller caller);

    /// <summary>
    /// The Summary of Discussions in one of the meeting's working languages (its first when null; VALIDATION for
    /// another), for whoever may read the notes (<see cref="ReadAsync"/>'s rule): the meeting and its delegations,
    /// the sessions, the notes in that language where a current translation exists, and the published outcomes.
    /// Interleaves: it waits on the meeting, the translations and the outcomes, which may call the notes in turn,
    /// and it reads the entries only between those waits, so writes may go on meanwhile.
    /// </summary>
    [Alias("summary"), Orleans.Concurrency.AlwaysInterleave]
    Task<DiscussionSummary> SummaryAsync(Caller caller, string? language);

    /// <summary>
    /// The entries a translation into <paramref name="language"/> rests on, as readers see them, in session order
    /// (deleted ones left out): translators of the dialogue and the secretariat; VALIDATION for a language that is
    /// not one of the meeting's.
    /// </summary>
    [Alias("translation-source")]
    Task<TranslationSource> GetTranslationSourceAsync(Caller caller, string language);

    /// <summary>
    /// Checks a translation of an entry before it is stored, by the rules of a translation: the caller translates,
    /// the language is the meeting's, the entry stands at <paramref name="sourceVersion"/> (CONFLICT with the entry
    /// as it stands otherwise), and the text passes the attribution guard (VALIDATION with the findings, answered
    /// rather than thrown). Stores, logs and sends nothing.
    /// </summary>
    [Alias("check-translation")]
    Task<NoteResult> CheckTranslationAsync(Caller caller, string language, long seq, int sourceVersion, NoteText text);

    /// <summary>Tells viewers how many connections follow the meeting and how many of them are note-takers.</summary>
    [Alias("announce-presence")]
    Task AnnouncePresenceAsync(int following, int noteTakers);

    /// <summary>
    /// Tells every server that who may follow the meeting changed, so each re-checks its connections. One-way:
    /// the meeting grain calls it and must never wait on the notes grain, which calls the meeting.
    /// </summary>
    [Alias("announce-access-changed"), Orleans.Concurrency.OneWay]
    Task AnnounceAccessChangedAsync();

    /// <summary>
    /// Subscribes a server's relay to this meeting's events (renew before it expires) and answers the last
    /// change number, so a relay that lost its subscription (the grain moved to another silo) sees what it missed.
    /// </summary>
    [Alias("subscribe")]
    Task<long> SubscribeAsync(INotesRelay relay);

    /// <summary>The entries changed after a change number, for a relay catching up (servers only; no caller).</summary>
    [Alias("changes-after")]
    Task<IReadOnlyList<NoteEntry>> ChangesAfterAsync(long afterChange);
}

/// <summary>One per server: passes a meeting's events to that server's hub connections.</summary>
[Alias("collaboration.notes-relay")]
public interface INotesRelay : IGrainObserver
{
    [Alias("publish"), Orleans.Concurrency.OneWay]
    Task PublishAsync(NotesEvent notesEvent);
}

/// <summary>A slice of a meeting's notes (keyed <c>{meetingKey}#{index}</c>), so that one write costs the same however long the notes grow.</summary>
[Alias("collaboration.notes-chunk")]
public interface INotesChunkGrain : IGrainWithStringKey
{
    [Alias("load")]
    Task<IReadOnlyList<StoredNote>> LoadAsync();

    [Alias("save")]
    Task SaveAsync(IReadOnlyList<StoredNote> entries);
}
