using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Collaboration.Notes;

[GenerateSerializer, Alias("collaboration.notes-state")]
public sealed class NotesState
{
    [Id(0)] public bool Finalized { get; set; }

    /// <summary>The working sessions whose notes are closed (by session id; never by whom).</summary>
    [Id(1)] public HashSet<string> ClosedSessions { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A meeting's live notes under the Chatham House Rule. Entries live in chunk grains of
/// <see cref="ChunkSize"/> entries, so one write costs the same however long the notes grow; this grain
/// orders them, keeps them in memory for readers, and tells every server's relay what changed. Every text is
/// checked for attribution before it is stored or sent; what the guard finds is refused, unless its writer
/// marks it "not attribution", and then it waits for a note-taker's review before readers see it. Sessions
/// close one by one; the co-chairs' approvals (recorded on the meeting) make the notes final.
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
    private NotesSignOffFacts? _toldMeeting;
    private int _vocabularyVersion = -1;
    private AttributionCheck? _attribution;

    private string MeetingId => this.GetPrimaryKeyString();

    private IMeetingGrain Meeting => grains.GetGrain<IMeetingGrain>(MeetingId);

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
        if (FollowRefusal(context) is { } refusal)
            throw refusal;
        var entries = _entries.Select(e => e.Entry).Where(e => e.Change > afterChange).Select(e => context.MayWrite ? e : e.ForReaders()).ToList();
        return new NotesSnapshot(entries, _lastChange, state.State.Finalized, context.MayWrite && !state.State.Finalized, SignOff(context), Access(context));
    }

    public async Task<AttributionCheckResult> CheckAsync(Caller caller, NoteText text)
    {
        var context = await WritableAsync(caller);
        return Guard(context, ValidText(text.Value));
    }

    public async Task<NoteResult> AppendAsync(Caller caller, Guid clientId, string sessionId, NoteText text, bool notAttribution)
    {
        var context = await WritableAsync(caller);
        if (clientId == Guid.Empty)
            throw CollaborationException.Validation("Give each entry a new random id, so that a retry is recognised.", "clientId");
        var clientKey = ClientKey(clientId);
        if (_byClientKey.TryGetValue(clientKey, out var existing))
            return NoteResult.Ok(_entries[(int)existing - 1].Entry);
        EnsureOpenSession(context, sessionId);
        if (_entries.Count >= MaxEntries)
            throw CollaborationException.InvalidState($"The notes hold {MaxEntries} entries, the most one meeting may have.");
        var valid = ValidText(text.Value);
        var check = Guard(context, valid);
        if (Refusal(context, check, notAttribution) is { } refused)
            return refused;

        var entry = new NoteEntry(_entries.Count + 1, sessionId, valid, 1, _lastChange + 1, Deleted: false, check.Clean ? ReviewMark.None : ReviewMark.Unreviewed);
        await WriteAsync(new StoredNote(entry, clientKey), append: true);
        _byClientKey[clientKey] = entry.Seq;
        await Publish(NotesEventKind.EntryAdded, entry);
        if (entry.Review == ReviewMark.Unreviewed)
            await PublishSignOff(context);
        LogAppended(logger, MeetingId, entry.Seq);
        return NoteResult.Ok(entry);
    }

    public async Task<NoteResult> EditAsync(Caller caller, long seq, int expectedVersion, NoteText text, bool notAttribution)
    {
        var context = await WritableAsync(caller);
        var current = Find(seq);
        if (current.Entry.Deleted)
            throw CollaborationException.InvalidState("The entry was deleted.");
        EnsureOpenSession(context, current.Entry.SessionId);
        if (current.Entry.Version != expectedVersion)
            return Conflict(current.Entry);
        var valid = ValidText(text.Value);
        var check = Guard(context, valid);
        if (Refusal(context, check, notAttribution) is { } refused)
            return refused;

        var review = check.Clean ? ReviewMark.None : ReviewMark.Unreviewed;
        var entry = current.Entry with { Text = valid, Version = current.Entry.Version + 1, Change = _lastChange + 1, Review = review };
        await WriteAsync(current with { Entry = entry }, append: false);
        await Publish(NotesEventKind.EntryEdited, entry);
        if (review != current.Entry.Review)
            await PublishSignOff(context);
        return NoteResult.Ok(entry);
    }

    public async Task<NoteResult> DeleteAsync(Caller caller, long seq, int expectedVersion)
    {
        var context = await WritableAsync(caller);
        var current = Find(seq);
        if (current.Entry.Deleted)
            return NoteResult.Ok(current.Entry);
        EnsureOpenSession(context, current.Entry.SessionId);
        if (current.Entry.Version != expectedVersion)
            return Conflict(current.Entry);

        // A tombstone: the text goes, the position stays, so readers who catch up learn of the deletion.
        var entry = current.Entry with { Text = string.Empty, Version = current.Entry.Version + 1, Change = _lastChange + 1, Deleted = true, Review = ReviewMark.None };
        await WriteAsync(current with { Entry = entry }, append: false);
        _editing.Remove(seq);
        await Publish(NotesEventKind.EntryDeleted, entry);
        if (current.Entry.Review == ReviewMark.Unreviewed)
            await PublishSignOff(context);
        return NoteResult.Ok(entry);
    }

    public async Task<NoteResult> ReviewAsync(Caller caller, long seq, int expectedVersion)
    {
        var context = await WritableAsync(caller);
        var current = Find(seq);
        if (current.Entry.Deleted || current.Entry.Review != ReviewMark.Unreviewed)
            throw CollaborationException.InvalidState("The entry waits for no review.");
        if (context.Guard == AttributionGuard.Strict)
            throw CollaborationException.InvalidState("This meeting's guard is strict: it allows no entry marked \"not attribution\". Take the rewording or edit the entry.");
        if (current.Entry.Version != expectedVersion)
            return Conflict(current.Entry);

        var entry = current.Entry with { Version = current.Entry.Version + 1, Change = _lastChange + 1, Review = ReviewMark.Reviewed };
        await WriteAsync(current with { Entry = entry }, append: false);
        await Publish(NotesEventKind.EntryEdited, entry);
        await PublishSignOff(context);
        return NoteResult.Ok(entry);
    }

    public async Task SetEditingAsync(Caller caller, long seq, bool editing)
    {
        await WritableAsync(caller);
        Find(seq);
        if (editing ? _editing.Add(seq) : _editing.Remove(seq))
            await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, editing ? NotesEventKind.EditingStarted : NotesEventKind.EditingStopped, null, seq, null)));
    }

    public async Task<NotesStanding> CloseSessionAsync(Caller caller, string sessionId)
    {
        var context = await WritableAsync(caller);
        if (!context.SessionIds.Contains(sessionId))
            throw CollaborationException.Validation("The meeting's agenda has no such working session.", "sessionId");
        if (state.State.ClosedSessions.Add(sessionId))
        {
            await state.WriteOrForgetAsync();
            _editing.RemoveWhere(seq => Find(seq).Entry.SessionId == sessionId);
            await PublishSignOff(context);
        }
        return new NotesStanding(SignOff(context), Access(context));
    }

    public async Task<NotesStanding> ReopenSessionAsync(Caller caller, string sessionId)
    {
        var context = await WritableAsync(caller);
        if (!context.SessionIds.Contains(sessionId))
            throw CollaborationException.Validation("The meeting's agenda has no such working session.", "sessionId");
        if (state.State.ClosedSessions.Remove(sessionId))
        {
            await state.WriteOrForgetAsync();
            // The notes may change again: what the co-chairs approved no longer stands.
            if (context.Approvals is { Count: > 0 })
                context = context with { Approvals = [], CallerApprovedAt = null };
            await Meeting.ClearNotesApprovalsAsync();
            await PublishSignOff(context);
        }
        return new NotesStanding(SignOff(context), Access(context));
    }

    public async Task<NotesStanding> ApproveAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (ApproveRefusal(context) is { } refusal)
            throw refusal;

        var approvals = await Meeting.RecordNotesApprovalAsync(caller, _lastChange);
        context = context with { Approvals = approvals, CallerApprovedAt = _lastChange };
        if (SignOff(context).Approvals >= context.ApprovalsNeeded)
        {
            state.State.Finalized = true;
            await state.WriteOrForgetAsync();
            _editing.Clear();
            await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.NotesFinalized, null, null, null)));
        }
        await PublishSignOff(context);
        return new NotesStanding(SignOff(context), Access(context));
    }

    public async Task<NotesStanding> ReopenAsync(Caller caller, string reason)
    {
        var context = await ContextAsync(caller);
        if (ReopenRefusal(context) is { } refusal)
            throw refusal;
        await Meeting.RecordNotesReopenedAsync(caller, reason);
        state.State.Finalized = false;
        await state.WriteOrForgetAsync();
        context = context with { Approvals = [], CallerApprovedAt = null };
        await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.NotesReopened, null, null, null)));
        await PublishSignOff(context);
        return new NotesStanding(SignOff(context), Access(context));
    }

    public async Task<FinalNotes> ReadAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (ReadRefusal(context) is { } refusal)
            throw refusal;
        var language = (await Meeting.GetAsync(caller)).Details.Titles[0].Language;
        var (dialogueName, title, sessions) = await Meeting.GetSummaryHeadingAsync(language);
        // What may be published: never an entry whose "not attribution" mark nobody has reviewed.
        var live = _entries.Select(e => e.Entry).Where(e => !e.Deleted && e.Review != ReviewMark.Unreviewed).ToList();
        var sections = sessions
            .Select(s => new NotesSection(s.Id, s.Title, [.. live.Where(e => e.SessionId == s.Id).Select(e => e.Text)]))
            .Where(s => s.Entries.Count > 0)
            .ToList();
        var orphans = live.Where(e => sessions.All(s => s.Id != e.SessionId)).Select(e => e.Text).ToList();
        if (orphans.Count > 0)
            sections.Add(new NotesSection("", "Other", orphans));
        return new FinalNotes(MeetingId, dialogueName, title, language, sections, state.State.Finalized, context.Languages ?? [language]);
    }

    public async Task<DiscussionSummary> SummaryAsync(Caller caller, string? language)
    {
        var context = await ContextAsync(caller);
        if (ReadRefusal(context) is { } refusal)
            throw refusal;
        var facts = await Meeting.GetSummaryFactsAsync(language);
        var translations = await Translation(facts.Language).LoadAsync();
        SummaryEntry In(NoteEntry entry)
        {
            var translation = translations.GetValueOrDefault(entry.Seq);
            if (translation is not null && translation.SourceVersion == entry.Version)
                return new SummaryEntry(translation.Text, SummaryTextState.Translated);
            if (facts.Language == facts.OriginalLanguage)
                return new SummaryEntry(entry.Text, SummaryTextState.Original);
            return new SummaryEntry(entry.Text, translation is null ? SummaryTextState.NotTranslated : SummaryTextState.Stale);
        }

        // What may be published: never an entry whose "not attribution" mark nobody has reviewed.
        var live = _entries.Select(e => e.Entry).Where(e => !e.Deleted && e.Review != ReviewMark.Unreviewed).ToList();
        var sessions = facts.Sessions.Select(s => s with { Entries = [.. live.Where(e => e.SessionId == s.SessionId).Select(In)] }).ToList();
        var orphans = live.Where(e => facts.Sessions.All(s => s.SessionId != e.SessionId)).Select(In).ToList();
        if (orphans.Count > 0)
            sessions.Add(new SummarySession("", "", null, [], null, orphans));
        var outcomes = await PublishedOutcomesAsync(caller, facts);
        return new DiscussionSummary(
            MeetingId, facts.Language, facts.DialogueName, facts.Title, facts.StartsLocal, facts.EndsLocal, facts.Venue, facts.City, facts.Host,
            facts.CoChairStates, facts.PartnerStates, facts.PartnerAgencies, facts.Observers, sessions,
            [.. outcomes.Where(o => o.Kind == Outcomes.OutcomeKind.Conclusion).Select(o => SummaryOutcomeOf(o, facts))],
            [.. outcomes.Where(o => o.Kind == Outcomes.OutcomeKind.Recommendation).Select(o => SummaryOutcomeOf(o, facts))],
            state.State.Finalized);
    }

    /// <summary>
    /// The meeting's published conclusions and recommendations as the caller may see them, in number order; none
    /// when the caller may see none.
    /// </summary>
    private async Task<List<Outcomes.Outcome>> PublishedOutcomesAsync(Caller caller, SummaryFacts facts)
    {
        var grain = grains.GetGrain<Outcomes.IMeetingOutcomesGrain>(MeetingId);
        try
        {
            var outcomes = await grain.GetAsync(caller);
            return [.. outcomes.Outcomes.Where(o => o.Status == Outcomes.OutcomeStatus.Published).OrderBy(o => o.Kind).ThenBy(o => o.Number)];
        }
        catch (CollaborationException e) when (e.Code is Errors.ErrorCode.NotFound or Errors.ErrorCode.Forbidden)
        {
            // The summary shows what its reader may see: outcomes hidden from them are left out, not an error.
            return [];
        }
    }

    private static SummaryOutcome SummaryOutcomeOf(Outcomes.Outcome outcome, SummaryFacts facts)
    {
        var text = outcome.TextIn(facts.Language);
        var addressees = outcome.Addressees.Select(a => new SummaryAddressee(a.Kind, a.Key is null ? null
            : facts.PartyNames.GetValueOrDefault($"{a.Kind}:{a.Key}") ?? a.Key)).ToList();
        return new SummaryOutcome(outcome.Number, text ?? outcome.Text, text is null, addressees);
    }

    public async Task<TranslationSource> GetTranslationSourceAsync(Caller caller, string language)
    {
        var context = await TranslatableAsync(caller, language);
        var order = context.SessionIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
        var entries = _entries.Select(e => e.Entry).Where(e => !e.Deleted)
            .OrderBy(e => order.GetValueOrDefault(e.SessionId, int.MaxValue)).ThenBy(e => e.Seq)
            .Select(e => e.ForReaders()).ToList();
        return new TranslationSource(entries, true);
    }

    public async Task<NoteResult> CheckTranslationAsync(Caller caller, string language, long seq, int sourceVersion, NoteText text)
    {
        var context = await TranslatableAsync(caller, language);
        var current = Find(seq).Entry;
        if (current.Deleted)
            throw CollaborationException.InvalidState("The entry was deleted: there is nothing to translate.", "ENTRY_DELETED");
        if (current.Review == ReviewMark.Unreviewed)
            throw CollaborationException.InvalidState("The entry waits for a note-taker's review; translate it once it is reviewed.", "ENTRY_UNREVIEWED");
        if (current.Version != sourceVersion)
            return new NoteResult(
                Errors.ErrorCode.Conflict.ToWireName(),
                $"The original changed since you read it (now version {current.Version}); translate it as it stands now.",
                current.ForReaders());
        var check = Guard(context, ValidText(text.Value));
        if (check.Clean)
            return NoteResult.Ok(current);
        return new NoteResult(
            Errors.ErrorCode.Validation.ToWireName(),
            "This meeting records what is said, not who says it: the translation ties a statement to a person, state or organisation. Nothing was saved; take the rewording or edit the translation.",
            null,
            check);
    }

    /// <summary>The context of a caller who translates the notes into one of the meeting's languages; refused otherwise.</summary>
    private async Task<NotesContext> TranslatableAsync(Caller caller, string language)
    {
        var context = await ContextAsync(caller);
        if (TranslateRefusal(context) is { } refusal)
            throw refusal;
        if (context.Languages is { } languages && !languages.Contains(language))
            throw NotAMeetingLanguage(language, languages);
        return context;
    }

    /// <summary>VALIDATION of a language the meeting does not work in.</summary>
    public static CollaborationException NotAMeetingLanguage(string language, IReadOnlyList<string> languages) =>
        CollaborationException.Validation(
            $"This is not a working language of the meeting ({string.Join(", ", languages)}).", "language", "NOT_A_MEETING_LANGUAGE",
            ("language", language.Length > 16 ? language[..16] : language));

    private INotesTranslationGrain Translation(string language) => grains.GetGrain<INotesTranslationGrain>($"{MeetingId}#{language}");

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
        var context = await Meeting.GetNotesContextAsync(caller, _vocabularyVersion);
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
        if (WriteRefusal(context) is { } refusal)
            throw refusal;
        return context;
    }

    public async Task<NotesPermissions> GetPermissionsAsync(Caller caller)
    {
        NotesContext context;
        try
        {
            context = await ContextAsync(caller);
        }
        catch (CollaborationException e) when (e.Code == Errors.ErrorCode.NotFound)
        {
            return new NotesPermissions(false, false, false, false, false);
        }
        return new NotesPermissions(
            FollowRefusal(context) is null, WriteRefusal(context) is null, ApproveRefusal(context) is null, ReopenRefusal(context) is null, ReadRefusal(context) is null,
            TranslateRefusal(context) is null);
    }

    // Who may do what with the notes, and when: the hub's methods, the meetingNotes query and the viewerMay flags
    // (GetPermissionsAsync) all ask these, so a flag is what the call will meet.

    private static CollaborationException? FollowRefusal(NotesContext context) =>
        context.MayView ? null : CollaborationException.Forbidden("This meeting does not let participants follow its notes live.");

    private CollaborationException? WriteRefusal(NotesContext context)
    {
        if (!context.MayWrite)
            return CollaborationException.Forbidden("Only the dialogue's secretariat and the meeting's co-chairs and rapporteurs take its notes.");
        if (state.State.Finalized)
            return CollaborationException.InvalidState("The notes are final: they can no longer change.");
        if (context.Status is MeetingStatus.Draft or MeetingStatus.Cancelled)
            return CollaborationException.InvalidState($"The meeting is {context.Status}: it takes no notes.");
        return null;
    }

    private CollaborationException? ApproveRefusal(NotesContext context) =>
        !context.MayApprove
            ? CollaborationException.Forbidden(context.MayView
                ? "The meeting's co-chairs approve its notes."
                : "This meeting does not let participants follow its notes live.")
            : NotesSignOffRules.ApprovalRefusal(context.Status, context.SessionIds, state.State.ClosedSessions, Unreviewed(), state.State.Finalized);

    private CollaborationException? ReopenRefusal(NotesContext context)
    {
        if (!context.MayReopen)
            return CollaborationException.Forbidden(context.MayView
                ? "Only the dialogue's secretariat reopens final notes."
                : "This meeting does not let participants follow its notes live.");
        return state.State.Finalized ? null : CollaborationException.InvalidState("The notes are not final: there is nothing to reopen.");
    }

    /// <summary>Translators of the dialogue and its secretariat translate, while the notes are open or once final.</summary>
    private static CollaborationException? TranslateRefusal(NotesContext context) =>
        context.MayTranslate ? null : CollaborationException.Forbidden("Only the dialogue's translators and secretariat translate its notes.");

    private CollaborationException? ReadRefusal(NotesContext context) =>
        (state.State.Finalized ? context.MayReadFinal : context.MayView) ? null
            : CollaborationException.Forbidden(state.State.Finalized
                ? "The final notes are for the meeting's participants."
                : "The notes are not final yet; only those who follow them live may read them now.");

    private void EnsureOpenSession(NotesContext context, string sessionId)
    {
        if (!context.SessionIds.Contains(sessionId))
            throw CollaborationException.Validation("The meeting's agenda has no such working session.", "sessionId");
        if (state.State.ClosedSessions.Contains(sessionId))
            throw new CollaborationException(Errors.ErrorCode.InvalidState, "This working session's notes are closed; reopen the session to change them.", "sessionId", "SESSION_CLOSED");
    }

    private AttributionCheckResult Guard(NotesContext context, string text) =>
        (_attribution ?? throw new InvalidOperationException("The attribution guard has no vocabulary yet."))
            .Check(text, overrideAllowed: context.Guard != AttributionGuard.Strict);

    /// <summary>
    /// A refusal, answered rather than thrown: the findings and the rewording quote the note, and an
    /// exception's message may reach a log, which note text never does. Nothing with attribution is stored
    /// unless its writer marked it "not attribution" where the meeting allows it.
    /// </summary>
    private static NoteResult? Refusal(NotesContext context, AttributionCheckResult check, bool notAttribution)
    {
        if (check.Clean || (notAttribution && check.OverrideAllowed))
            return null;
        return new NoteResult(
            Errors.ErrorCode.Validation.ToWireName(),
            context.Guard == AttributionGuard.Strict
                ? "This meeting records what is said, not who says it: the entry ties a statement to a person, state or organisation. Nothing was saved; take the rewording or edit the entry."
                : "This meeting records what is said, not who says it: the entry ties a statement to a person, state or organisation. Nothing was saved; take the rewording, edit the entry, or mark it \"not attribution\" if the guard is wrong.",
            null,
            check);
    }

    private int Unreviewed() => _entries.Count(e => e.Entry.Review == ReviewMark.Unreviewed && !e.Entry.Deleted);

    private NotesSignOff SignOff(NotesContext context)
    {
        var approvals = state.State.Finalized ? context.ApprovalsNeeded : (context.Approvals ?? []).Count(a => a == _lastChange);
        return new NotesSignOff(
            [.. context.SessionIds.Where(state.State.ClosedSessions.Contains)],
            Unreviewed(),
            approvals,
            context.ApprovalsNeeded,
            state.State.Finalized);
    }

    private NotesAccess Access(NotesContext context) => new(
        context.MayWrite,
        context.MayApprove,
        context.CallerApprovedAt == _lastChange || (state.State.Finalized && context.CallerApprovedAt is not null),
        context.MayReopen,
        context.Guard == AttributionGuard.Strict);

    private async Task PublishSignOff(NotesContext context)
    {
        await _relays!.Notify(r => r.PublishAsync(new NotesEvent(MeetingId, NotesEventKind.SignOffChanged, null, null, null, SignOff(context))));
        await TellMeetingAsync();
    }

    /// <summary>
    /// Tells the meeting where the sign-off stands when that changed, so its list entry (and the co-chairs'
    /// agendas) says whose approval is awaited. The notes' change stands even when this fails; the next change
    /// tells it again.
    /// </summary>
    private async Task TellMeetingAsync()
    {
        var facts = new NotesSignOffFacts([.. state.State.ClosedSessions.Order(StringComparer.Ordinal)], Unreviewed(), state.State.Finalized, _lastChange);
        if (_toldMeeting is { } told && told.ClosedSessionIds.SequenceEqual(facts.ClosedSessionIds)
            && told with { ClosedSessionIds = facts.ClosedSessionIds } == facts)
            return;
        try
        {
            await Meeting.RecordNotesSignOffAsync(facts);
            _toldMeeting = facts;
        }
        catch (Exception e) when (e is not CollaborationException)
        {
            LogSignOffNotTold(logger, e, MeetingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notes of meeting {MeetingId}: the meeting could not be told where the sign-off stands; it is told at the next change")]
    private static partial void LogSignOffNotTold(ILogger logger, Exception exception, string meetingId);

    /// <summary>A note's (or a translation's) text trimmed, with its line ends made "\n"; VALIDATION when empty, too long or with control characters.</summary>
    internal static string ValidText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            throw CollaborationException.Validation("An entry needs some text.", "text");
        if (trimmed.Length > MaxTextLength)
            throw CollaborationException.Validation($"An entry holds at most {MaxTextLength} characters; split it.", "text", "TEXT_TOO_LONG", ("max", MaxTextLength));
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw CollaborationException.Validation("An entry may not hold control characters.", "text");
        return trimmed.ReplaceLineEndings("\n");
    }

    private StoredNote Find(long seq) =>
        seq >= 1 && seq <= _entries.Count ? _entries[(int)seq - 1] : throw CollaborationException.NotFound("The notes have no such entry.");

    private static NoteResult Conflict(NoteEntry current) => new(
        Errors.ErrorCode.Conflict.ToWireName(),
        $"The entry changed since you read it (now version {current.Version}); merge your change into the current text.",
        current);

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
