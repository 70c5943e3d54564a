using Microsoft.Extensions.Logging;

namespace Collaboration.Notes;

[GenerateSerializer, Alias("collaboration.notes-translation-state")]
public sealed class NotesTranslationState
{
    /// <summary>Each translated entry by its sequence number: text and the version it translates, never who translated it.</summary>
    [Id(0)] public Dictionary<long, NoteTranslation> Entries { get; set; } = [];
}

/// <summary>
/// A meeting's notes in one language (keyed <c>{meetingKey}#{language}</c>), apart from the notes grain so that
/// translating never slows the live notes' writes. The notes grain decides who translates and checks each text
/// against its attribution guard; this grain keeps the result. The caller is forgotten after the check, and
/// translation text is never logged.
/// </summary>
public sealed partial class NotesTranslationGrain(
    [PersistentState("notes-translation", StorageNames.Grains)] IPersistentState<NotesTranslationState> state,
    IGrainFactory grains,
    ILogger<NotesTranslationGrain> logger) : Grain, INotesTranslationGrain
{
    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('#')];

    private string Language => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('#') + 1)..];

    private INotesGrain Notes => grains.GetGrain<INotesGrain>(MeetingId);

    public async Task<NotesTranslationView> GetAsync(Caller caller)
    {
        var source = await Notes.GetTranslationSourceAsync(caller, Language);
        return new NotesTranslationView(MeetingId, Language, [.. source.Entries.Select(Beside)], source.MayTranslate);
    }

    public async Task<TranslatedEntry> TranslateAsync(Caller caller, long seq, int sourceVersion, NoteText text, int expectedRevision = 0)
    {
        var valid = NotesGrain.ValidText(text.Value);
        var checkedEntry = await Notes.CheckTranslationAsync(caller, Language, seq, sourceVersion, new NoteText(valid));
        if (checkedEntry.Code is { } code)
        {
            // The message names no one and quotes nothing: safe to travel in an exception.
            throw code == Errors.ErrorCode.Conflict.ToWireName()
                ? new CollaborationException(Errors.ErrorCode.Conflict, checkedEntry.Message!, "sourceVersion", "SOURCE_CHANGED", new() { ["version"] = checkedEntry.Entry!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                : new CollaborationException(Errors.ErrorCode.Validation, checkedEntry.Message!, "text", "ATTRIBUTION");
        }
        var entry = checkedEntry.Entry!;
        var held = state.State.Entries.GetValueOrDefault(seq);
        // The same translation again (a retry after a lost answer) changes nothing; another translator's since is a conflict.
        var again = held is not null && held.Text == valid && held.SourceVersion == entry.Version;
        if (!again && (held?.Revision ?? 0) != expectedRevision)
            throw TranslationChanged(held?.Revision ?? 0);
        if (!again)
        {
            state.State.Entries[seq] = new NoteTranslation(valid, entry.Version, entry.Text, (held?.Revision ?? 0) + 1);
            await state.WriteOrForgetAsync();
            LogTranslated(logger, MeetingId, Language, seq);
        }
        return Beside(entry.ForReaders());
    }

    public Task<IReadOnlyDictionary<long, NoteTranslation>> LoadAsync() =>
        Task.FromResult<IReadOnlyDictionary<long, NoteTranslation>>(new Dictionary<long, NoteTranslation>(state.State.Entries));

    private TranslatedEntry Beside(NoteEntry entry)
    {
        var translation = state.State.Entries.GetValueOrDefault(entry.Seq);
        var stale = translation is not null && translation.SourceVersion < entry.Version;
        return new TranslatedEntry(entry.Seq, entry.SessionId is { Length: > 0 } id ? id : null, entry.Text, entry.Version, translation?.Text, translation?.SourceVersion,
            stale ? translation!.SourceText : null, translation?.Revision ?? 0);
    }

    /// <summary>CONFLICT: the translation changed since the translator read it (another translator saved one); nothing is stored.</summary>
    internal static CollaborationException TranslationChanged(int revision) =>
        new(Errors.ErrorCode.Conflict, $"The translation changed since you read it (now revision {revision}): read it again, then save yours.", "expectedRevision", "TRANSLATION_CHANGED",
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notes of meeting {MeetingId}: entry {Seq} translated into {Language}")]
    private static partial void LogTranslated(ILogger logger, string meetingId, string language, long seq);
}
