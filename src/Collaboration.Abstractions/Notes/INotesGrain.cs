namespace Collaboration.Notes;

/// <summary>
/// A meeting's live notes (keyed like the meeting, <c>{dialogueKey}/{meetingId}</c>). Note-takers (the
/// meeting's co-chairs and rapporteurs) write; viewers (the secretariat, and participants when the meeting
/// allows live notes) read. The caller is checked and then forgotten: nothing written keeps it.
/// </summary>
[Alias("collaboration.notes")]
public interface INotesGrain : IGrainWithStringKey
{
    /// <summary>The entries changed after <paramref name="afterChange"/> (all for 0), in order, with tombstones for deletions.</summary>
    [Alias("join")]
    Task<NotesSnapshot> JoinAsync(Caller caller, long afterChange);

    /// <summary>
    /// Appends an entry to a working session. Idempotent on the client's id: a retry answers the entry
    /// already stored. Attribution is warned about; a strict meeting answers VALIDATION with the findings
    /// and saves nothing.
    /// </summary>
    [Alias("append")]
    Task<NoteResult> AppendAsync(Caller caller, Guid clientId, string sessionId, NoteText text);

    /// <summary>Replaces an entry's text at the version the note-taker saw; a stale version answers CONFLICT with the current entry.</summary>
    [Alias("edit")]
    Task<NoteResult> EditAsync(Caller caller, long seq, int expectedVersion, NoteText text);

    /// <summary>Deletes an entry at the version the note-taker saw; a stale version answers CONFLICT with the current entry.</summary>
    [Alias("delete")]
    Task<NoteResult> DeleteAsync(Caller caller, long seq, int expectedVersion);

    /// <summary>Tells viewers that an entry is being edited (or no longer is): which entry, never by whom.</summary>
    [Alias("set-editing")]
    Task SetEditingAsync(Caller caller, long seq, bool editing);

    /// <summary>Makes the notes final and read-only.</summary>
    [Alias("finalize")]
    Task<NotesSnapshot> FinalizeAsync(Caller caller);

    /// <summary>The notes in session order, for viewers: the final notes once finalized, the notes so far before.</summary>
    [Alias("read")]
    Task<FinalNotes> ReadAsync(Caller caller);

    /// <summary>Tells viewers how many connections follow the meeting and how many of them are note-takers.</summary>
    [Alias("announce-presence")]
    Task AnnouncePresenceAsync(int following, int noteTakers);

    /// <summary>Tells every server that who may follow the meeting changed, so each re-checks its connections.</summary>
    [Alias("announce-access-changed")]
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
