namespace Collaboration.Notes;

/// <summary>
/// One entry of a meeting's live notes. Under the Chatham House Rule it holds what was said and where it
/// belongs, never who said or wrote it: text, working session, position, version, change number. No author,
/// note-taker, connection, address or time of writing, by construction.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-entry")]
public sealed record NoteEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string Text,
    [property: Id(3)] int Version,
    [property: Id(4)] long Change,
    [property: Id(5)] bool Deleted)
{
    /// <summary>Never the text: descriptions of grain calls may be logged, and note text never is.</summary>
    public override string ToString() => $"(entry {Seq}, version {Version})";
}

/// <summary>
/// The text of a note on its way to the notes grain. Its description hides the text, because Orleans
/// describes a call's arguments in some log lines and note text is never logged.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-text")]
public readonly record struct NoteText([property: Id(0)] string Value)
{
    public override string ToString() => "(note text)";
}

/// <summary>
/// A statement tied to a person, organisation or state, with the text reworded neutrally
/// ("A participant noted …").
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.attribution-warning")]
public sealed record AttributionWarning(
    [property: Id(0)] string Matched,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Suggestion)
{
    public override string ToString() => $"(attribution: {Reason})";
}

/// <summary>What a caller gets on joining: entries changed after the change number they had, and where the notes stand.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-snapshot")]
public sealed record NotesSnapshot(
    [property: Id(0)] IReadOnlyList<NoteEntry> Entries,
    [property: Id(1)] long LastChange,
    [property: Id(2)] bool Finalized,
    [property: Id(3)] bool MayWrite);

/// <summary>The outcome of a write: the entry as stored (or, on CONFLICT, as it stands now) and any attribution warnings.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-result")]
public sealed record NoteResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Message,
    [property: Id(2)] NoteEntry? Entry,
    [property: Id(3)] IReadOnlyList<AttributionWarning> Warnings)
{
    public static NoteResult Ok(NoteEntry entry, IReadOnlyList<AttributionWarning>? warnings = null) => new(null, null, entry, warnings ?? []);
}

/// <summary>Something every viewer of a meeting's notes must hear: the change, never who made it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-event")]
public sealed record NotesEvent(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] NotesEventKind Kind,
    [property: Id(2)] NoteEntry? Entry,
    [property: Id(3)] long? Seq,
    [property: Id(4)] int? Count);

public enum NotesEventKind
{
    PresenceChanged,
    AccessChanged,
    EntryAdded,
    EntryEdited,
    EntryDeleted,
    EditingStarted,
    EditingStopped,
    NoteTakersOnline,
    NotesFinalized,
}

/// <summary>What the notes need to know about a meeting, and about the caller's place in it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-context")]
public sealed record NotesContext(
    [property: Id(0)] bool MayView,
    [property: Id(1)] bool MayWrite,
    [property: Id(2)] int MeetingVersion,
    [property: Id(3)] AttributionGuard Guard,
    [property: Id(4)] IReadOnlyList<string> SessionIds,
    [property: Id(5)] AttributionVocabulary? Vocabulary,
    [property: Id(6)] bool MayReadFinal,
    [property: Id(7)] MeetingStatus Status);

/// <summary>
/// An entry as a notes chunk stores it: the entry, and a hash of the client's random id for idempotent
/// retries (it names a write attempt, not a person).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-note")]
public sealed record StoredNote([property: Id(0)] NoteEntry Entry, [property: Id(1)] string ClientKey)
{
    public override string ToString() => Entry.ToString();
}

/// <summary>The names the attribution guard looks for: people, organisations and states of the meeting.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.attribution-vocabulary")]
public sealed record AttributionVocabulary(
    [property: Id(0)] IReadOnlyList<string> People,
    [property: Id(1)] IReadOnlyList<string> Organisations,
    [property: Id(2)] IReadOnlyList<string> States);

/// <summary>The final notes of a meeting with its agenda, for reading and for the Summary of Discussions.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.final-notes")]
public sealed record FinalNotes(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string DialogueName,
    [property: Id(2)] string MeetingTitle,
    [property: Id(3)] string Language,
    [property: Id(4)] IReadOnlyList<NotesSection> Sections,
    [property: Id(5)] bool Finalized);

[GenerateSerializer, Immutable, Alias("collaboration.notes-section")]
public sealed record NotesSection(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<string> Entries);
