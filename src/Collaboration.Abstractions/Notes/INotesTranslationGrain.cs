namespace Collaboration.Notes;

/// <summary>
/// A meeting's notes translated into one of its working languages (keyed <c>{meetingKey}#{language}</c>),
/// entry by entry, beside the original. Translators of the dialogue and its secretariat read and write them.
/// Each translation keeps its text and the version of the entry it translates, never who translated it: the
/// caller is checked against the notes and then forgotten. Translation text is never logged.
/// </summary>
[Alias("collaboration.notes-translation")]
public interface INotesTranslationGrain : IGrainWithStringKey
{
    /// <summary>
    /// The notes beside their translation in this grain's language, in session order then sequence (deleted
    /// entries left out; an entry awaiting review without its text): translators and the secretariat.
    /// </summary>
    [Alias("get")]
    Task<NotesTranslationView> GetAsync(Caller caller);

    /// <summary>
    /// Translates an entry at the version of the original read: CONFLICT when the original changed since,
    /// INVALID_STATE for a deleted entry or one awaiting review, VALIDATION (nothing stored) when the text ties a
    /// statement to someone, as the notes' attribution guard refuses it.
    /// </summary>
    [Alias("translate")]
    Task<TranslatedEntry> TranslateAsync(Caller caller, long seq, int sourceVersion, NoteText text, int expectedRevision = 0);

    /// <summary>
    /// The stored translations by entry (grains only, for the Summary of Discussions; no caller). Interleaves: the
    /// notes grain asks while a translation may be waiting on the notes grain's check.
    /// </summary>
    [Alias("load"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyDictionary<long, NoteTranslation>> LoadAsync();
}

/// <summary>
/// An entry's translation as stored: its text, the version of the entry it translates and that version's text (so
/// that a translator sees what changed since), and its own revision (so that two translators never overwrite each
/// other unseen). Nobody's name.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.note-translation")]
public sealed record NoteTranslation([property: Id(0)] string Text, [property: Id(1)] int SourceVersion, [property: Id(2)] string? SourceText = null, [property: Id(3)] int Revision = 1)
{
    /// <summary>Never the text: descriptions of grain calls may be logged.</summary>
    public override string ToString() => $"(translation of version {SourceVersion})";
}

/// <summary>
/// An entry beside its translation: the original as readers see it and its version, the translation and the
/// version it translates (null when missing), whether the original changed since (stale), and then the original as
/// it read when translated (<see cref="TranslatedFrom"/>, null unless stale).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.translated-entry")]
public sealed record TranslatedEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] string Original,
    [property: Id(3)] int OriginalVersion,
    [property: Id(4)] string? Text,
    [property: Id(5)] int? SourceVersion,
    [property: Id(6)] string? TranslatedFrom = null,
    [property: Id(7)] int Revision = 0)
{
    public bool Stale => SourceVersion is { } source && source < OriginalVersion;

    public override string ToString() => $"(translated entry {Seq}, version {OriginalVersion})";
}

/// <summary>A meeting's notes in one language, entry beside translation, with the counts a translator works down.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-translation-view")]
public sealed record NotesTranslationView(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string Language,
    [property: Id(2)] IReadOnlyList<TranslatedEntry> Entries,
    [property: Id(3)] bool MayTranslate)
{
    public int Missing => Entries.Count(e => e.Text is null);

    public int Stale => Entries.Count(e => e.Stale);
}

/// <summary>
/// What the translation of an entry rests on, as the notes grain answers it to the caller: the entries as
/// readers see them in session order, the meeting's working languages and whether the caller may translate.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.translation-source")]
public sealed record TranslationSource(
    [property: Id(0)] IReadOnlyList<NoteEntry> Entries,
    [property: Id(1)] bool MayTranslate);
