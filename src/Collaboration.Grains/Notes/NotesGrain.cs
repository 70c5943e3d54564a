using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Collaboration.Notes;

[GenerateSerializer, Alias("collaboration.notes-state")]
public sealed class NotesState
{
    [Id(0)] public bool Finalized { get; set; }
}

/// <summary>
/// A meeting's live notes under the Chatham House Rule. Entries live in chunk grains of
/// <see cref="ChunkSize"/> entries, so one write costs the same however long the notes grow; this grain
/// orders them, keeps them in memory for readers, and tells every server's relay what changed.
/// The caller of each method is checked against the meeting and then forgotten: it is written nowhere,
/// logged nowhere and sent nowhere. Note text is never logged.
/// </summary>
public sealed partial class NotesGrain(
    [PersistentState("notes", StorageNames.Grains)] IPersistentState<NotesState> state,
    IGrainFactory grains,
    ILogger<NotesGrain> logger) : Grain, INotesGrain
{
    /// <summary>How many entries one chunk holds.</summary>
    public const int ChunkSize = 128;

    /// <summary>The longest entry, in characters.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>The most entries one meeting's notes may hold (a two-day meeting writes a few thousand).</summary>
    public const int MaxEntries = 20_000;

    private readonly List<StoredNote> _entries = [];
    private readonly Dictionary<string, long> _byClientKey = new(StringComparer.Ordinal);
    private readonly HashSet<long> _editing = [];
    private ObserverManager<INotesRelay>? _relays;
    private long _lastChange;
    private int _vocabularyVersion = -1;
    private AttributionCheck? _attribution;

    private string MeetingId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _relays = new ObserverManager<INotesRelay>(TimeSpan.FromMinutes(2), logger);
        // Chunks fill in order: read them until the first empty one.
        for (var index = 0; ; index++)
        {
            var chunk = await Chunk(index).LoadAsync();
            if (chunk.Count == 0)
                break;
            _entries.AddRange(chunk);
        }
        foreach (var stored in _entries)
        {
            _byClientKey[stored.ClientKey] = stored.Entry.Seq;
            _lastChange = Math.Max(_lastChange, stored.Entry.Change);
        }
    }

    public async Task<NotesSnapshot> JoinAsync(Caller caller, long afterChange)
    {
        var context = await ContextAsync(caller);
        if (!context.MayView)
            throw CollaborationException.Forbidden("This meeting does not let participants follow its notes live.");
        var entries = _entries.Select(e => e.Entry).Where(e => e.Change > afterChange).ToList();
        return new NotesSnapshot(entries, _lastChange, state.State.Finalized, context.MayWrite && !state.State.Finalized);
    }

    public async Task<NoteResult> AppendAsync(Caller caller, Guid clientId, string sessionId, NoteText text)
    {
        var context = await WritableAsync(caller);
        if (clientId == Guid.Empty)
            throw CollaborationException.Validation("Give each entry a new random id, so that a retry is recognised.", "clientId");
        var clientKey = ClientKey(clientId);
        if (_byClientKey.TryGetValue(clientKey, out var existing))
            return NoteResult.Ok(_entries[(int)existing - 1].Entry);
        if (!context.SessionIds.Contains(sessionId))
            throw CollaborationException.Validation("The meeting's agenda has no such working session.", "sessionId");
        if (_entries.Count >= MaxEntries)
            throw CollaborationException.InvalidState($"The notes hold {MaxEntries} entries, the most one meeting may have.");
        var valid = ValidText(text.Value);
        var warnings = _attribution?.Check(valid) ?? [];
        if (Refuses(context, warnings))
            return StrictRefusal(warnings);

        var entry = new NoteEntry(_entries.Count + 1, sessionId, valid, 1, _lastChange + 1, Deleted: false);
        await WriteAsync(new StoredNote(entry, clientKey), append: true);
        _byClientKey[clientKey] = entry.Seq;
        await Publish(NotesEventKind.EntryAdded, entry);
        LogAppended(logger, MeetingId, entry.Seq);
        return NoteResult.Ok(entry, warnings);
    }

    public async Task<NoteResult> EditAsync(Caller caller, long seq, int expectedVersion, NoteText text)
    {
        var context = await WritableAsync(caller);
        var current = Find(seq);
        if (current.Entry.Deleted)
            throw CollaborationException.InvalidState("The entry was deleted.");
        if (current.Entry.Version != expectedVersion)
            return Conflict(current.Entry);
        var valid = ValidText(text.Value);
        var warnings = _attribution?.Check(valid) ?? [];
        if (Refuses(context, warnings))
            return StrictRefusal(warnings);

        var entry = current.Entry with { Text = valid, Version = current.Entry.Version + 1, Change = _lastChange + 1 };
        await WriteAsync(current with { Entry = entry }, append: false);
        await Publish(NotesEventKind.EntryEdited, entry);
        return NoteResult.Ok(entry, warnings);
    }

    public async Task<NoteResult> DeleteAsync(Caller caller, long seq, int expectedVersion)
    {
        await WritableAsync(caller);
        var current = Find(seq);
        if (current.Entry.Deleted)
            return NoteResult.Ok(current.Entry);
        if (current.Entry.Version != expectedVersion)
            return Conflict(current.Entry);

        // A tombstone: the text goes, the position stays, so readers who catch up learn of the deletion.
        var entry = current.Entry with { Text = string.Empty, Version = current.Entry.Version + 1, Change = _lastChange + 1, Deleted = true };
        await WriteAsync(current with { Entry = entry }, append: false);
        _editing.Remove(seq);
        await Publish(NotesEventKind.EntryDeleted, entry);
        return NoteResult.Ok(entry);
    }

    public async Task SetEditingAsync(Caller caller, long seq, bool editing)
    {
        await WritableAsync(caller);
        Find(seq);
        if (editing ? _editing.Add(seq) : _editing.Remove(seq))
            await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, editing ? NotesEventKind.EditingStarted : NotesEventKind.EditingStopped, null, seq, null)));
    }

    public async Task<NotesSnapshot> FinalizeAsync(Caller caller)
    {
        await WritableAsync(caller);
        state.State.Finalized = true;
        await state.WriteOrForgetAsync();
        _editing.Clear();
        await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.NotesFinalized, null, null, null)));
        return new NotesSnapshot([.. _entries.Select(e => e.Entry)], _lastChange, true, false);
    }

    public async Task<FinalNotes> ReadAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (!(state.State.Finalized ? context.MayReadFinal : context.MayView))
            throw CollaborationException.Forbidden(state.State.Finalized
                ? "The final notes are for the meeting's participants."
                : "The notes are not final yet; only those who follow them live may read them now.");
        var meeting = grains.GetGrain<IMeetingGrain>(MeetingId);
        var language = (await meeting.GetAsync(caller)).Details.Titles[0].Language;
        var (dialogueName, title, sessions) = await meeting.GetSummaryHeadingAsync(language);
        var live = _entries.Select(e => e.Entry).Where(e => !e.Deleted).ToList();
        var sections = sessions
            .Select(s => new NotesSection(s.Id, s.Title, [.. live.Where(e => e.SessionId == s.Id).Select(e => e.Text)]))
            .Where(s => s.Entries.Count > 0)
            .ToList();
        var orphans = live.Where(e => sessions.All(s => s.Id != e.SessionId)).Select(e => e.Text).ToList();
        if (orphans.Count > 0)
            sections.Add(new NotesSection("", "Other", orphans));
        return new FinalNotes(MeetingId, dialogueName, title, language, sections, state.State.Finalized);
    }

    public async Task AnnouncePresenceAsync(int following, int noteTakers)
    {
        await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.PresenceChanged, null, null, following)));
        await _relays.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.NoteTakersOnline, null, null, noteTakers)));
    }

    public Task AnnounceAccessChangedAsync() =>
        _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.AccessChanged, null, null, null)));

    public Task<long> SubscribeAsync(INotesRelay relay)
    {
        _relays!.Subscribe(relay, relay);
        return Task.FromResult(_lastChange);
    }

    public Task<IReadOnlyList<NoteEntry>> ChangesAfterAsync(long afterChange) =>
        Task.FromResult<IReadOnlyList<NoteEntry>>([.. _entries.Select(e => e.Entry).Where(e => e.Change > afterChange).Take(MaxCatchUp)]);

    /// <summary>The most entries one catch-up hands a relay; a relay further behind catches up over several renewals.</summary>
    private const int MaxCatchUp = 1000;

    private async Task<NotesContext> ContextAsync(Caller caller)
    {
        var context = await grains.GetGrain<IMeetingGrain>(MeetingId).GetNotesContextAsync(caller, _vocabularyVersion);
        if (context.Vocabulary is { } vocabulary)
        {
            _attribution = new AttributionCheck(vocabulary);
            _vocabularyVersion = context.MeetingVersion;
        }
        return context;
    }

    private async Task<NotesContext> WritableAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (!context.MayWrite)
            throw CollaborationException.Forbidden("Only the meeting's co-chairs and rapporteurs take its notes.");
        if (state.State.Finalized)
            throw CollaborationException.InvalidState("The notes are final: they can no longer change.");
        if (context.Status is MeetingStatus.Draft or MeetingStatus.Cancelled)
            throw CollaborationException.InvalidState($"The meeting is {context.Status}: it takes no notes.");
        return context;
    }

    private static bool Refuses(NotesContext context, IReadOnlyList<AttributionWarning> warnings) =>
        warnings.Count > 0 && context.Guard == AttributionGuard.Strict;

    /// <summary>
    /// A strict meeting's refusal, answered rather than thrown: the findings and the neutral rewording quote
    /// the note, and an exception's message may reach a log, which note text never does.
    /// </summary>
    private static NoteResult StrictRefusal(IReadOnlyList<AttributionWarning> warnings) => new(
        Errors.ErrorCode.Validation.ToWireName(),
        "This meeting records what is said, not who says it: the entry ties a statement to a person, state or organisation. Nothing was saved; use the suggested rewording.",
        null,
        warnings);

    private static string ValidText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            throw CollaborationException.Validation("An entry needs some text.", "text");
        if (trimmed.Length > MaxTextLength)
            throw CollaborationException.Validation($"An entry holds at most {MaxTextLength} characters; split it.", "text");
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw CollaborationException.Validation("An entry may not hold control characters.", "text");
        return trimmed;
    }

    private StoredNote Find(long seq) =>
        seq >= 1 && seq <= _entries.Count ? _entries[(int)seq - 1] : throw CollaborationException.NotFound("The notes have no such entry.");

    private static NoteResult Conflict(NoteEntry current) => new(
        Errors.ErrorCode.Conflict.ToWireName(),
        $"The entry changed since you read it (now version {current.Version}); merge your change into the current text.",
        current,
        []);

    /// <summary>Writes the chunk that holds the entry; memory changes only once storage has it.</summary>
    private async Task WriteAsync(StoredNote stored, bool append)
    {
        var index = (int)((stored.Entry.Seq - 1) / ChunkSize);
        var chunk = _entries.Skip(index * ChunkSize).Take(ChunkSize).ToList();
        if (append)
            chunk.Add(stored);
        else
            chunk[(int)((stored.Entry.Seq - 1) % ChunkSize)] = stored;
        await Chunk(index).SaveAsync(chunk);

        if (append)
            _entries.Add(stored);
        else
            _entries[(int)stored.Entry.Seq - 1] = stored;
        _lastChange = stored.Entry.Change;
    }

    private Task Publish(NotesEventKind kind, NoteEntry entry) =>
        _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, kind, entry, entry.Seq, null)));

    private INotesChunkGrain Chunk(int index) => grains.GetGrain<INotesChunkGrain>($"{MeetingId}#{index}");

    private static string ClientKey(Guid clientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(clientId.ToString("N"))).AsSpan(0, 16));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notes of meeting {MeetingId}: entry {Seq} appended")]
    private static partial void LogAppended(ILogger logger, string meetingId, long seq);
}

[GenerateSerializer, Alias("collaboration.notes-chunk-state")]
public sealed class NotesChunkState
{
    [Id(0)] public List<StoredNote> Entries { get; set; } = [];
}

/// <summary>Stores one slice of a meeting's notes; the notes grain decides what it holds.</summary>
public sealed class NotesChunkGrain(
    [PersistentState("notes-chunk", StorageNames.Grains)] IPersistentState<NotesChunkState> state) : Grain, INotesChunkGrain
{
    public Task<IReadOnlyList<StoredNote>> LoadAsync() => Task.FromResult<IReadOnlyList<StoredNote>>([.. state.State.Entries]);

    public async Task SaveAsync(IReadOnlyList<StoredNote> entries)
    {
        state.State.Entries = [.. entries];
        await state.WriteOrForgetAsync();
    }
}
