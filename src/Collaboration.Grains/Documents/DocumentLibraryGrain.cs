namespace Collaboration.Documents;

[GenerateSerializer, Alias("collaboration.document-library-state")]
public sealed class DocumentLibraryState
{
    [Id(0)] public List<LibraryDocument> Documents { get; set; } = [];

    /// <summary>The idempotency keys of the additions made, scoped to their callers (see <see cref="RequestKeys"/>).</summary>
    [Id(1)] public List<string> Requests { get; set; } = [];

    /// <summary>The meetings that list each document (by document id), told when it is removed. Kept since 2026-12-02.</summary>
    [Id(2)] public Dictionary<string, List<string>> ListedBy { get; set; } = [];
}

/// <summary>
/// A dialogue's library: documents in every working language, each with numbered versions and, in each version,
/// one file per language. The secretariat keeps it; members read documents for members; anyone reads public ones.
/// The host stores the bytes (<see cref="IDocumentStore"/>) and hands over only their storage keys.
/// </summary>
public sealed class DocumentLibraryGrain(
    [PersistentState("document-library", StorageNames.Grains)] IPersistentState<DocumentLibraryState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IDocumentLibraryGrain
{
    /// <summary>The most documents one library holds.</summary>
    public const int MaxDocuments = 1000;

    /// <summary>The most versions one document keeps.</summary>
    public const int MaxVersions = 50;

    private string DialogueKey => this.GetPrimaryKeyString();

    public async Task<LibraryView> ListAsync(Caller? caller)
    {
        var directory = await DirectoryAsync();
        var secretariat = caller is not null && directory.IsSecretariat(caller);
        return new LibraryView(DialogueKey,
            [.. state.State.Documents.Where(d => MayRead(directory, caller, d)).OrderBy(d => d.Kind).ThenBy(d => d.Titles[0].Text, StringComparer.CurrentCultureIgnoreCase)],
            secretariat, directory.Settings.WorkingLanguages);
    }

    public async Task<LibraryDocument> GetAsync(Caller? caller, string documentId)
    {
        var directory = await DirectoryAsync();
        return Find(documentId) is { } document && MayRead(directory, caller, document)
            ? document
            : throw NoSuchDocument(documentId);
    }

    public async Task<LibraryDocument> AddAsync(Caller caller, LibraryDocumentInput document, string? idempotencyKey = null)
    {
        var directory = await SecretariatDirectoryAsync(caller);
        var request = RequestKeys.Scoped(caller, idempotencyKey);
        var id = RequestKeys.NewId(caller, idempotencyKey);
        if (RequestKeys.Done(state.State.Requests, request) && Find(id) is { } made)
            return made;
        var problems = new Problems();
        var kind = problems.Check(() => Validate.Required(document.Kind, "kind"));
        var titles = ValidTitles(document.Titles ?? [], directory, problems);
        var visibility = ValidVisibility(document.Visibility ?? MeetingVisibility.DialogueMembers, problems);
        if (state.State.Documents.Count >= MaxDocuments)
            problems.Add("document", $"A library holds at most {MaxDocuments} documents.", "TOO_MANY", ("max", MaxDocuments));
        problems.ThrowIfAny();
        var added = new LibraryDocument(id, kind, titles, visibility, [], 1, clock.GetUtcNow());
        state.State.Documents.Add(added);
        RequestKeys.Remember(state.State.Requests, request);
        await state.WriteOrForgetAsync();
        return added;
    }

    public async Task<LibraryDocument> UpdateAsync(Caller caller, string documentId, int expectedVersion, LibraryDocumentInput changes)
    {
        var directory = await SecretariatDirectoryAsync(caller);
        var document = Current(documentId, expectedVersion);
        var problems = new Problems();
        var kind = changes.Kind is { } k ? problems.Check(() => Validate.Required<DocumentKind>(k, "kind")) : document.Kind;
        var titles = changes.Titles is { } t ? ValidTitles(t, directory, problems) : document.Titles;
        var visibility = changes.Visibility is { } v ? ValidVisibility(v, problems) : document.Visibility;
        problems.ThrowIfAny();
        return await ReplaceAsync(document with { Kind = kind, Titles = titles, Visibility = visibility, Version = document.Version + 1 });
    }

    public async Task<IReadOnlyList<string>> RemoveAsync(Caller caller, string documentId, int expectedVersion)
    {
        await SecretariatDirectoryAsync(caller);
        var document = Current(documentId, expectedVersion);
        state.State.Documents.Remove(document);
        var meetings = state.State.ListedBy.Remove(documentId, out var listing) ? listing : [];
        await state.WriteOrForgetAsync();
        // One-way: a meeting reads the library back; the removal stands whether or not they hear of it at once.
        foreach (var meetingId in meetings)
            await grains.GetGrain<IMeetingGrain>(meetingId).LibraryDocumentRemovedAsync(documentId, caller.PersonId);
        return [.. document.Versions.SelectMany(v => v.Variants).Select(v => v.StorageKey)];
    }

    public async Task<LibraryDocument> ListedByMeetingAsync(Caller caller, string documentId, string meetingId)
    {
        var document = await GetAsync(caller, documentId);
        if (!state.State.ListedBy.TryGetValue(documentId, out var meetings))
            state.State.ListedBy[documentId] = meetings = [];
        if (!meetings.Contains(meetingId))
        {
            meetings.Add(meetingId);
            await state.WriteOrForgetAsync();
        }
        return document;
    }

    public async Task UnlistedByMeetingAsync(string documentId, string meetingId)
    {
        if (!state.State.ListedBy.TryGetValue(documentId, out var meetings) || !meetings.Remove(meetingId))
            return;
        if (meetings.Count == 0)
            state.State.ListedBy.Remove(documentId);
        await state.WriteOrForgetAsync();
    }

    public async Task<LibraryDocument> AddVariantAsync(Caller caller, string documentId, LibraryFile file, bool newVersion, int? expectedVersion = null)
    {
        var directory = await SecretariatDirectoryAsync(caller);
        var document = Find(documentId) ?? throw NoSuchDocument(documentId);
        if (expectedVersion is { } expected && expected != document.Version)
            throw Stale(document);
        var problems = new Problems();
        var language = problems.Check(() => WorkingLanguage(file.Language, directory, "language"));
        var fileName = problems.Check(() => Validate.Text(Path.GetFileName(file.FileName ?? ""), "fileName"));
        if (file.Size is <= 0 or > MeetingDocuments.MaxSize)
            problems.Add("file", $"A file may be 1 byte to {MeetingDocuments.MaxSize / (1024 * 1024)} MiB.", "FILE_SIZE", ("max", MeetingDocuments.MaxSize / (1024 * 1024)));
        if (!MeetingDocuments.AllowedContentTypes.Contains(file.ContentType ?? ""))
            problems.Add("file", $"Files of type '{file.ContentType}' are not accepted; use PDF, office documents, text or images.", "FILE_TYPE");
        if (string.IsNullOrWhiteSpace(file.StorageKey))
            problems.Add("file", "The file was not stored.", "REQUIRED");
        if (newVersion && document.Versions.Count >= MaxVersions)
            problems.Add("version", $"A document keeps at most {MaxVersions} versions.", "TOO_MANY", ("max", MaxVersions));
        problems.ThrowIfAny();

        var now = clock.GetUtcNow();
        var variant = new LibraryVariant(language!, file.StorageKey, fileName!, file.ContentType!, file.Size, now);
        // The first file makes version 1; a new version starts with this file alone, the earlier ones stay as they are.
        var versions = document.Current is not { } current || newVersion
            ? [.. document.Versions, new LibraryVersion(document.Versions.Count + 1, [variant], now)]
            : document.Versions.Take(document.Versions.Count - 1).Append(current with
            {
                Variants = current.Variants.Any(v => v.Language == language)
                    ? [.. current.Variants.Select(v => v.Language == language ? variant : v)]
                    : [.. current.Variants, variant],
            }).ToList();
        return await ReplaceAsync(document with { Versions = versions, Version = document.Version + 1 });
    }

    private async Task<LibraryDocument> ReplaceAsync(LibraryDocument changed)
    {
        var index = state.State.Documents.FindIndex(d => d.Id == changed.Id);
        state.State.Documents[index] = changed;
        await state.WriteOrForgetAsync();
        return changed;
    }

    /// <summary>Members read documents for members; anyone reads public ones; the secretariat reads everything.</summary>
    private static bool MayRead(DialogueView directory, Caller? caller, LibraryDocument document) =>
        document.Visibility == MeetingVisibility.Public || caller is not null && directory.Sees(caller);

    private LibraryDocument? Find(string documentId) => state.State.Documents.Find(d => d.Id == documentId);

    private LibraryDocument Current(string documentId, int expectedVersion)
    {
        var document = Find(documentId) ?? throw NoSuchDocument(documentId);
        return document.Version == expectedVersion ? document : throw Stale(document);
    }

    private static CollaborationException Stale(LibraryDocument document) =>
        CollaborationException.Conflict($"The document changed since you read it (now version {document.Version}); reload and try again.", "expectedVersion");

    private static CollaborationException NoSuchDocument(string documentId) =>
        CollaborationException.NotFound($"The library has no document '{documentId}'.");

    /// <summary>The dialogue's directory; NOT_FOUND when there is no such dialogue.</summary>
    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    /// <summary>The directory for the dialogue's secretariat: NOT_FOUND to outsiders, FORBIDDEN to other members.</summary>
    private async Task<DialogueView> SecretariatDirectoryAsync(Caller caller)
    {
        var directory = await grains.ForMemberAsync(DialogueKey, caller);
        return directory.IsSecretariat(caller)
            ? directory
            : throw CollaborationException.Forbidden("Only the dialogue's secretariat keeps its library.");
    }

    private static string WorkingLanguage(string? language, DialogueView directory, string field)
    {
        var languages = directory.Settings.WorkingLanguages;
        return language is not null && languages.Contains(language)
            ? language
            : throw CollaborationException.Validation($"{field} must be one of the dialogue's working languages ({string.Join(", ", languages)}).", field, "NOT_A_WORKING_LANGUAGE",
                ("languages", string.Join(", ", languages)));
    }

    /// <summary>At least one title, at most one per working language, each a line of text.</summary>
    private static IReadOnlyList<LocalizedText> ValidTitles(IReadOnlyList<LocalizedText> titles, DialogueView directory, Problems problems)
    {
        var given = titles.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (given.Count == 0)
        {
            problems.Add("titles", "Give the document a title in at least one working language.", "REQUIRED");
            return [];
        }
        var valid = new List<LocalizedText>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"titles.{given[i].Language}";
            var language = problems.Check(() => WorkingLanguage(given[i].Language, directory, field));
            var text = problems.Check(() => Validate.Text(given[i].Text, field));
            if (language is not null && valid.Any(t => t.Language == language))
                problems.Add(field, $"Give one title per language ({language} twice).", "DUPLICATE_LANGUAGE");
            else if (language is not null && text is not null)
                valid.Add(new LocalizedText(language, text));
        }
        return valid;
    }

    private static MeetingVisibility ValidVisibility(MeetingVisibility visibility, Problems problems)
    {
        if (visibility is MeetingVisibility.DialogueMembers or MeetingVisibility.Public)
            return visibility;
        problems.Add("visibility", "A library document is for the dialogue's members or public.", "NOT_ONE_OF", ("values", "DIALOGUE_MEMBERS, PUBLIC"));
        return visibility;
    }
}
