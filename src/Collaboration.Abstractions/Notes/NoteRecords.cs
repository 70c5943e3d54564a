namespace Collaboration.Notes;

/// <summary>
/// One entry of a meeting's live notes. Under the Chatham House Rule it holds what was said and where it
/// belongs, never who said or wrote it: text, working session, position, version, change number and a review
/// mark. No author, note-taker, connection, address or time of writing, by construction.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-entry")]
public sealed record NoteEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string Text,
    [property: Id(3)] int Version,
    [property: Id(4)] long Change,
    [property: Id(5)] bool Deleted,
    [property: Id(6)] ReviewMark Review = ReviewMark.None)
{
    /// <summary>
    /// The entry as a reader who does not take notes receives it: an entry its writer marked "not
    /// attribution" reaches readers only once a note-taker has reviewed it; until then its text stays back.
    /// </summary>
    public NoteEntry ForReaders() => Review == ReviewMark.Unreviewed ? this with { Text = string.Empty } : this;

    /// <summary>Never the text: descriptions of grain calls may be logged, and note text never is.</summary>
    public override string ToString() => $"(entry {Seq}, version {Version})";
}

/// <summary>
/// Where an entry stands with the attribution guard. The guard found attribution and its writer marked it
/// "not attribution" (a false positive): it is <see cref="Unreviewed"/> until a note-taker confirms it, and the
/// notes cannot be approved before. The mark names nobody.
/// </summary>
public enum ReviewMark
{
    None,
    Unreviewed,
    Reviewed,
}

/// <summary>
/// The text of a note on its way to the notes grain. Its description hides the text, because Orleans
/// describes a call's arguments in some log lines and note text is never logged.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-text")]
public readonly record struct NoteText([property: Id(0)] string Value)
{
    /// <summary>Text handed to a grain (a note, a translation, a progress update) travels wrapped, so its description hides it.</summary>
    public static implicit operator NoteText(string value) => new(value);

    public override string ToString() => "(note text)";
}

/// <summary>What a finding of the attribution guard reveals.</summary>
public enum AttributionFindingKind
{
    /// <summary>A person: a name of the dialogue's directory, or an honorific or title before a name.</summary>
    Person,

    /// <summary>A state's delegation: its name, adjective or people as the speaker.</summary>
    Delegation,

    /// <summary>An organisation, by name or acronym, as the speaker.</summary>
    Organisation,

    /// <summary>The note could not be checked in time; shorten it.</summary>
    Unchecked,
}

/// <summary>
/// A stretch of a note that ties a statement to someone: what it reveals, the words, and where they stand
/// (<see cref="Start"/> and <see cref="Length"/> in UTF-16 code units, as a browser counts them).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.attribution-finding")]
public sealed record AttributionFinding(
    [property: Id(0)] AttributionFindingKind Kind,
    [property: Id(1)] string Matched,
    [property: Id(2)] int Start,
    [property: Id(3)] int Length)
{
    public override string ToString() => $"(attribution: {Kind})";
}

/// <summary>
/// What the attribution guard found in a note, the whole note reworded neutrally ("A delegation proposed …";
/// null when nothing was found or no clean rewording could be made), and whether the writer may instead
/// mark it "not attribution" (not in a strict meeting).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.attribution-check-result")]
public sealed record AttributionCheckResult(
    [property: Id(0)] IReadOnlyList<AttributionFinding> Findings,
    [property: Id(1)] string? Rewording,
    [property: Id(2)] bool OverrideAllowed)
{
    public bool Clean => Findings.Count == 0;

    public override string ToString() => $"(attribution check: {Findings.Count} findings)";
}

/// <summary>
/// Where the sign-off of a meeting's notes stands, the same for everyone who follows them: which working
/// sessions are closed, how many entries wait for review, how many approvals the notes have of how many
/// needed, and whether they are final. Counts only: who approved is the meeting's business, never the notes'.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-sign-off")]
public sealed record NotesSignOff(
    [property: Id(0)] IReadOnlyList<string> ClosedSessionIds,
    [property: Id(1)] int Unreviewed,
    [property: Id(2)] int Approvals,
    [property: Id(3)] int ApprovalsNeeded,
    [property: Id(4)] bool Finalized);

/// <summary>
/// What the caller may do with a meeting's notes: take notes (and review), approve them (the co-chairs, or the
/// secretariat when the meeting has none), whether they already approved the notes as they stand, reopen them
/// once final (the secretariat), and whether the meeting's guard is strict (no "not attribution").
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-access")]
public sealed record NotesAccess(
    [property: Id(0)] bool NoteTaker,
    [property: Id(1)] bool MayApprove,
    [property: Id(2)] bool Approved,
    [property: Id(3)] bool MayReopen,
    [property: Id(4)] bool Strict);

/// <summary>Where a meeting's notes stand for everyone, and what the caller may do with them.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-standing")]
public sealed record NotesStanding([property: Id(0)] NotesSignOff SignOff, [property: Id(1)] NotesAccess Access);

/// <summary>
/// What a caller gets on joining: entries changed after the change number they had (as the caller may see
/// them), where the notes stand, and what the caller may do.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-snapshot")]
public sealed record NotesSnapshot(
    [property: Id(0)] IReadOnlyList<NoteEntry> Entries,
    [property: Id(1)] long LastChange,
    [property: Id(2)] bool Finalized,
    [property: Id(3)] bool MayWrite,
    [property: Id(4)] NotesSignOff SignOff,
    [property: Id(5)] NotesAccess Access);

/// <summary>
/// The outcome of a write: the entry as stored, or a refusal answered rather than thrown (its text may quote
/// the note, and an exception's message may reach a log): CONFLICT with the entry as it stands now, or
/// VALIDATION with the attribution the guard found and nothing stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-result")]
public sealed record NoteResult(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Message,
    [property: Id(2)] NoteEntry? Entry,
    [property: Id(3)] AttributionCheckResult? Attribution = null)
{
    public static NoteResult Ok(NoteEntry entry) => new(null, null, entry);
}

/// <summary>Something every viewer of a meeting's notes must hear: the change, never who made it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-event")]
public sealed record NotesEvent(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] NotesEventKind Kind,
    [property: Id(2)] NoteEntry? Entry,
    [property: Id(3)] long? Seq,
    [property: Id(4)] int? Count,
    [property: Id(5)] NotesSignOff? SignOff = null);

/// <summary>How someone follows a meeting's live notes.</summary>
public enum NotesFollower
{
    None,
    Reader,
    NoteTaker,
}

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
    SignOffChanged,
    NotesReopened,
}

/// <summary>
/// What the notes need to know about a meeting, and about the caller's place in it: whether they may view,
/// take notes (the secretariat, co-chairs and rapporteurs), approve (the co-chairs, or the secretariat when the
/// meeting has none) or reopen (the secretariat); the guard's strictness and vocabulary; the agenda; and the
/// approvals recorded on the meeting, as the change number of the notes each approved (never who); whether the
/// caller translates the notes (the dialogue's translators and secretariat) and the meeting's working languages.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-context")]
public sealed record NotesContext(
    [property: Id(0)] bool MayView,
    [property: Id(1)] bool MayWrite,
    [property: Id(2)] int MeetingVersion,
    [property: Id(3)] AttributionGuard Guard,
    [property: Id(4)] IReadOnlyList<string> SessionIds,
    [property: Id(5)] AttributionVocabulary? Vocabulary,
    [property: Id(6)] bool MayReadFinal,
    [property: Id(7)] MeetingStatus Status,
    [property: Id(8)] bool MayApprove = false,
    [property: Id(9)] bool MayReopen = false,
    [property: Id(10)] int ApprovalsNeeded = 0,
    [property: Id(11)] IReadOnlyList<long>? Approvals = null,
    [property: Id(12)] long? CallerApprovedAt = null,
    [property: Id(13)] bool MayTranslate = false,
    [property: Id(14)] IReadOnlyList<string>? Languages = null);

/// <summary>
/// An entry as a notes chunk stores it: the entry, and a hash of the client's random id for idempotent
/// retries (it names a write attempt, not a person).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-note")]
public sealed record StoredNote([property: Id(0)] NoteEntry Entry, [property: Id(1)] string ClientKey)
{
    public override string ToString() => Entry.ToString();
}

/// <summary>
/// The names the attribution guard looks for beyond its lexicons: the people of the dialogue's whole
/// directory and of the meeting, and the directory's organisations and partner states by their names there.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.attribution-vocabulary")]
public sealed record AttributionVocabulary(
    [property: Id(0)] IReadOnlyList<string> People,
    [property: Id(1)] IReadOnlyList<NamedParty> Organisations,
    [property: Id(2)] IReadOnlyList<NamedParty> States);

/// <summary>An organisation (by key) or a partner state (by ISO code) and the names it goes by.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.named-party")]
public sealed record NamedParty([property: Id(0)] string Key, [property: Id(1)] IReadOnlyList<string> Names);

/// <summary>The final notes of a meeting with its agenda, for reading and for the Summary of Discussions.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.final-notes")]
public sealed record FinalNotes(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string DialogueName,
    [property: Id(2)] string MeetingTitle,
    [property: Id(3)] string Language,
    [property: Id(4)] IReadOnlyList<NotesSection> Sections,
    [property: Id(5)] bool Finalized,
    [property: Id(6)] IReadOnlyList<string>? Languages = null);

[GenerateSerializer, Immutable, Alias("collaboration.notes-section")]
public sealed record NotesSection(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<string> Entries);
