using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Collaboration.Meetings;

/// <summary>
/// What a catalog stored before it was sliced: every summary in one row. Read once, on activation, to move
/// an existing dialogue's summaries into slices; empty afterwards.
/// </summary>
[GenerateSerializer, Alias("collaboration.meeting-catalog-state")]
public sealed class MeetingCatalogState
{
    [Id(0)] public Dictionary<string, MeetingSummary> Meetings { get; set; } = [];
}

/// <summary>
/// A dialogue's meetings as summaries: lists with filters and cursors, visibility per caller, booking
/// conflicts and the scheduling assistant, all without a call per meeting. The summaries are stored in
/// <see cref="Slices"/> slices by meeting id, so recording a meeting writes one slice: with the whole
/// catalog in one row, each write grew with the dialogue (the scale benchmark measured creating a meeting
/// at 1,000 and more meetings).
/// </summary>
public sealed class MeetingCatalogGrain(
    [PersistentState("meeting-catalog", StorageNames.Grains)] IPersistentState<MeetingCatalogState> state,
    IGrainFactory grains,
    IEnumerable<IFreeBusySource> freeBusySources,
    TimeProvider clock,
    ILogger<MeetingCatalogGrain> logger) : Grain, IMeetingCatalogGrain
{
    /// <summary>The largest page a list may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The longest text a title search takes.</summary>
    public const int MaxTitleSearch = 200;

    /// <summary>Titles are searched as people type them: whatever the case and the accents (é finds e, and e finds é).</summary>
    private static readonly CompareInfo TitleSearch = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions TitleSearchOptions =
        CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    /// <summary>How many slices hold a dialogue's summaries.</summary>
    public const int Slices = 64;

    private readonly Dictionary<string, MeetingSummary>[] _slices = [.. Enumerable.Range(0, Slices).Select(_ => new Dictionary<string, MeetingSummary>(StringComparer.Ordinal))];

    // The same summaries in list order (start, then id), so a list page is not sorted again on every request.
    private readonly SortedSet<MeetingSummary> _byStart = new(MeetingCursor.ByStart);

    // The servers' relays that follow this dialogue's meeting changes; one forgotten after two minutes without renewal.
    private readonly ObserverManager<IMeetingChangesObserver> _observers = new(TimeSpan.FromMinutes(2), logger);

    private string DialogueKey => this.GetPrimaryKeyString();

    private IEnumerable<MeetingSummary> Meetings => _slices.SelectMany(slice => slice.Values);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var loaded = await Task.WhenAll(Enumerable.Range(0, Slices).Select(i => Slice(i).LoadAsync()));
        foreach (var meeting in loaded.SelectMany(slice => slice))
            _slices[SliceOf(meeting.Id)][meeting.Id] = meeting;
        _byStart.UnionWith(Meetings);

        // A catalog stored in one row: move its summaries into the slices, then empty the row.
        if (state.State.Meetings.Count > 0)
        {
            foreach (var meeting in state.State.Meetings.Values)
            {
                var slice = _slices[SliceOf(meeting.Id)];
                if (!slice.TryGetValue(meeting.Id, out var held) || held.Version < meeting.Version)
                    slice[meeting.Id] = meeting;
            }
            _byStart.Clear();
            _byStart.UnionWith(Meetings);
            await Task.WhenAll(Enumerable.Range(0, Slices).Select(i => Slice(i).SaveAsync([.. _slices[i].Values])));
            state.State.Meetings = [];
            await state.WriteOrForgetAsync();
        }
    }

    public async Task UpsertAsync(MeetingSummary summary)
    {
        var index = SliceOf(summary.Id);
        var slice = _slices[index];
        var known = slice.TryGetValue(summary.Id, out var held);
        if (known && (held!.Version, held.Stamp).CompareTo((summary.Version, summary.Stamp)) >= 0)
            return;
        slice[summary.Id] = summary;
        if (known)
            _byStart.Remove(held!);
        _byStart.Add(summary);
        try
        {
            await Slice(index).SaveAsync([.. slice.Values]);
        }
        catch
        {
            // Memory never keeps a summary that was not stored.
            _byStart.Remove(summary);
            if (known)
            {
                slice[summary.Id] = held!;
                _byStart.Add(held!);
            }
            else
            {
                slice.Remove(summary.Id);
            }
            throw;
        }
        // Only what was accepted, and only which meeting: each server asks what its viewers may see.
        await _observers.Notify(o => o.MeetingChanged(summary.Id, summary.Version, summary.Stamp));
    }

    public async Task CheckFollowerAsync(Caller caller)
    {
        var access = await AccessAsync(caller);
        if (!access.IsMember && !access.IsSecretariat)
            throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");
    }

    public Task SubscribeAsync(IMeetingChangesObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IMeetingChangesObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> MeetingsNamingAsync(string personId) =>
        Task.FromResult<IReadOnlyList<string>>([.. Meetings.Where(m => m.ParticipantIds.Contains(personId) || m.BookedPersonIds.Contains(personId)).Select(m => m.Id)]);

    public async Task NewFocalPointsAsync(IReadOnlyList<string> partnerStateCodes)
    {
        var awaiting = Meetings.Where(m => m.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            && m.Delegations?.Any(d => d.Status == DelegationStatus.AwaitingNominations && partnerStateCodes.Contains(d.PartnerStateCode)) == true);
        foreach (var meeting in awaiting.ToList())
            await grains.GetGrain<IMeetingGrain>(meeting.Id).AskNewFocalPointsAsync();
    }

    public async Task<IReadOnlyList<string>> VisibleAsync(Caller caller, IReadOnlyList<string> meetingIds)
    {
        var access = await AccessAsync(caller);
        var wanted = meetingIds.ToHashSet(StringComparer.Ordinal);
        return [.. Meetings.Where(m => wanted.Contains(m.Id) && access.MaySee(m)).Select(m => m.Id)];
    }

    public async Task<MeetingPage> QueryAsync(Caller? caller, MeetingFilter filter, int first, string? after)
    {
        var cursor = CheckPage(first, after);
        var access = await AccessAsync(caller);
        if (filter.PersonId is { } person && !access.IsSecretariat && person != caller?.PersonId)
            throw CollaborationException.Forbidden("Only the secretariat lists another person's meetings.");
        if (filter.Ids is { Count: > MaxPageSize })
            throw CollaborationException.Validation($"Ask for at most {MaxPageSize} meetings by id.", "ids");
        var words = filter.TitleContains?.Trim();
        if (words is { Length: > MaxTitleSearch })
            throw CollaborationException.Validation($"Search titles with at most {MaxTitleSearch} characters.", "titleContains");
        var now = clock.GetUtcNow();
        var host = filter.HostCountry?.Trim().ToUpperInvariant();
        var ids = filter.Ids?.ToHashSet(StringComparer.Ordinal);

        var latestFirst = filter.Upcoming == false;
        var matching = (latestFirst ? _byStart.Reverse() : _byStart)
            .Where(m => access.MaySee(m))
            .Where(m => filter.Upcoming is not { } upcoming || (upcoming ? m.EndsAt >= now : m.EndsAt < now))
            .Where(m => filter.Status is not { } status || m.Status == status)
            .Where(m => filter.Type is not { } type || m.Type == type)
            .Where(m => filter.Pillar is not { } pillar || m.Pillar == pillar)
            .Where(m => host is null || m.HostCountry == host)
            .Where(m => filter.PersonId is not { } person || m.ParticipantIds.Contains(person))
            .Where(m => ids is null || ids.Contains(m.Id))
            .Where(m => string.IsNullOrEmpty(words) || m.Titles.Any(t => TitleSearch.IndexOf(t.Text, words, TitleSearchOptions) >= 0));
        return MeetingCursor.PageInOrder(matching, latestFirst, cursor, first);
    }

    /// <summary>A page of 1 to <see cref="MaxPageSize"/> meetings after a cursor a list gave out; VALIDATION otherwise.</summary>
    public static (DateTimeOffset Start, string Id)? CheckPage(int first, string? after)
    {
        if (first is < 1 or > MaxPageSize)
            throw CollaborationException.Validation($"Ask for 1 to {MaxPageSize} meetings at a time.", "first");
        return MeetingCursor.Parse(after);
    }

    public Task<IReadOnlyList<Warning>> FindConflictsAsync(
        string meetingId, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<MeetingPerson> people, string city, string? venue)
    {
        var warnings = new List<Warning>();
        foreach (var other in Meetings)
        {
            if (other.Id == meetingId || other.Status == MeetingStatus.Cancelled || other.EndsAt <= start || end <= other.StartsAt)
                continue;
            var title = other.Titles.FirstOrDefault()?.Text ?? other.Id;
            foreach (var person in people.Where(p => other.BookedPersonIds.Contains(p.PersonId)))
                warnings.Add(Warning.Of("PERSON_BOOKED", $"{person.Name} is already booked for '{title}' at that time.", ("name", person.Name), ("title", title)));
            if (venue is not null && string.Equals(other.Venue, venue, StringComparison.OrdinalIgnoreCase)
                && string.Equals(other.City, city, StringComparison.OrdinalIgnoreCase))
                warnings.Add(Warning.Of("VENUE_TAKEN", $"{venue} in {city} is taken by '{title}' at that time.", ("venue", venue), ("title", title)));
        }
        return Task.FromResult<IReadOnlyList<Warning>>(warnings);
    }

    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller, string language)
    {
        var access = await AccessAsync(caller);
        if (!access.IsMember && !access.IsSecretariat)
            return [];
        var now = clock.GetUtcNow();
        var me = caller.PersonId;
        var items = new List<AgendaItem>();
        foreach (var meeting in Meetings.Where(access.MaySee))
        {
            var title = (meeting.Titles.FirstOrDefault(t => t.Language == language) ?? meeting.Titles.FirstOrDefault())?.Text ?? meeting.Id;
            AgendaItem Item(AgendaItemKind kind, AgendaAction action) =>
                new(kind, action, meeting.Id, null, DialogueKey, title, meeting.StartsAt, null, meeting.StartsAt < now);
            var ahead = meeting.EndsAt >= now && meeting.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress;
            // The meeting decided who may answer now (the rule of an answer); the catalog only reads it.
            if (meeting.PendingInviteeIds?.Contains(me) == true)
                items.Add(Item(AgendaItemKind.PendingInvitation, AgendaAction.RespondToInvitation) with { Overdue = false });
            else if (ahead && meeting.ParticipantIds.Contains(me))
                items.Add(Item(AgendaItemKind.UpcomingMeeting, AgendaAction.Attend) with { Overdue = false });
            // Co-chairs approve the notes; in a meeting without co-chairs, the secretariat does.
            if (meeting.NotesReadyForApproval && !(meeting.NotesApprovedByIds ?? []).Contains(me)
                && (meeting.CoChairs.Count > 0 ? meeting.CoChairs.Any(c => c.PersonId == me) : access.IsSecretariat))
                items.Add(Item(AgendaItemKind.NotesToApprove, AgendaAction.ApproveNotes) with { DueAt = null, Overdue = false });
            if (ahead && access.FocalPointOf is { } state
                && meeting.Delegations?.Any(d => d.PartnerStateCode == state && d.Status == DelegationStatus.AwaitingNominations) == true)
                items.Add(Item(AgendaItemKind.NominateDelegation, AgendaAction.NominateDelegates) with { Overdue = false });
            if (!access.IsSecretariat)
                continue;
            if (meeting.Status == MeetingStatus.Draft)
                items.Add(Item(AgendaItemKind.DraftMeeting, AgendaAction.ScheduleMeeting));
            if (meeting.CoChairs.Count == 0 && meeting.EndsAt >= now && meeting.Status is MeetingStatus.Draft or MeetingStatus.Scheduled or MeetingStatus.InProgress)
                items.Add(Item(AgendaItemKind.MeetingWithoutCoChairs, AgendaAction.SetCoChairs));
            if (meeting.DeliveryProblems > 0 && meeting.Status != MeetingStatus.Cancelled)
                items.Add(Item(AgendaItemKind.UndeliveredInvitations, AgendaAction.CheckInvitations) with { Overdue = false });
        }
        return items;
    }

    public async Task<IReadOnlyList<StateParticipation>> GetParticipationAsync(Caller caller)
    {
        var access = await AccessAsync(caller);
        if (!access.IsMember && !access.IsSecretariat)
            throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");
        if (!access.IsSecretariat)
            throw CollaborationException.Forbidden("The participation of states is for the dialogue's secretariat.");
        var directory = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");
        var invitations = Meetings
            .Where(m => m.Status != MeetingStatus.Cancelled)
            .SelectMany(m => (m.Delegations ?? []).Select(d => (Year: m.StartsAt.UtcDateTime.Year, Delegation: d)))
            .ToLookup(x => x.Delegation.PartnerStateCode, StringComparer.Ordinal);
        return [.. directory.PartnerStates.OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(state => new StateParticipation(
            state.Code,
            state.Name,
            [.. invitations[state.Code].GroupBy(x => x.Year).OrderByDescending(g => g.Key).Select(year =>
            {
                var tookPart = year.Count(x => x.Delegation.Accepted > 0);
                var declined = year.Count(x => x.Delegation.Accepted == 0 && x.Delegation.Status == DelegationStatus.Declined);
                return new ParticipationYear(year.Key, year.Count(), tookPart, declined, year.Count() - tookPart - declined, year.Sum(x => x.Delegation.Accepted));
            })]))];
    }

    public async Task<IReadOnlyList<Slot>> SuggestSlotsAsync(Caller caller, SlotRequest request)
    {
        var access = await AccessAsync(caller);
        if (!access.IsMember && !access.IsSecretariat)
            throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");
        if (!access.IsSecretariat)
            throw CollaborationException.Forbidden("The scheduling assistant is for the dialogue's secretariat.");
        var meetingZone = Validate.TimeZone(request.TimeZone);
        SlotFinder.Check(request);

        var people = new List<(string PersonId, TimeZoneInfo Zone)>();
        foreach (var id in request.PersonIds.Distinct())
        {
            var person = await grains.GetGrain<IPersonGrain>(id).FindAsync()
                ?? throw CollaborationException.Validation($"The person '{id}' does not exist.", "personIds");
            people.Add((id, person.Profile.TimeZone is { } zone ? Validate.TimeZone(zone) : meetingZone));
        }

        var from = MeetingGrain.ToUtc(request.From.ToDateTime(TimeOnly.MinValue), meetingZone, "from");
        var to = MeetingGrain.ToUtc(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), meetingZone, "to");
        var busy = Meetings
            .Where(m => m.Status != MeetingStatus.Cancelled && m.EndsAt > from && m.StartsAt < to)
            .SelectMany(m => people.Where(p => m.ParticipantIds.Contains(p.PersonId))
                .Select(p => new BusyInterval(p.PersonId, m.StartsAt, m.EndsAt, m.Titles.FirstOrDefault()?.Text ?? m.Id)))
            .ToList();
        foreach (var source in freeBusySources)
            busy.AddRange(await source.GetBusyAsync([.. people.Select(p => p.PersonId)], from, to));

        return SlotFinder.Find(request, meetingZone, people, busy);
    }

    private IMeetingCatalogSliceGrain Slice(int index) => grains.GetGrain<IMeetingCatalogSliceGrain>($"{DialogueKey}#{index}");

    /// <summary>The slice of a meeting id: FNV-1a over its characters, the same in every process.</summary>
    public static int SliceOf(string meetingId)
    {
        var hash = 2166136261u;
        foreach (var c in meetingId)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % Slices);
    }

    private async Task<CatalogAccess> AccessAsync(Caller? caller)
    {
        if (caller is null)
            return new CatalogAccess(null, false, false);
        var membership = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetMembershipAsync(caller.PersonId);
        return new CatalogAccess(caller.PersonId, DialogueDirectory.IsSecretariat(caller, membership), membership is not null,
            membership?.Roles.Contains(DialogueRole.Translator) == true,
            membership?.Roles.Contains(DialogueRole.FocalPoint) == true ? membership.PartnerStateCode : null);
    }

    private sealed record CatalogAccess(string? PersonId, bool IsSecretariat, bool IsMember, bool IsTranslator = false, string? FocalPointOf = null)
    {
        /// <summary>Whether the caller is a focal point of a state the meeting invited (they nominate its delegation).</summary>
        public bool NominatesFor(MeetingSummary meeting) =>
            FocalPointOf is { } code && meeting.Delegations?.Any(d => d.PartnerStateCode == code) == true;

        /// <summary>
        /// As the meeting decides: a draft only for the secretariat and the people named on it; every other meeting
        /// of the dialogue for its translators too, who translate their notes and outcomes.
        /// </summary>
        public bool MaySee(MeetingSummary meeting) => IsSecretariat || (meeting.Status == MeetingStatus.Draft
            ? PersonId is not null && meeting.ParticipantIds.Contains(PersonId)
            : IsTranslator || NominatesFor(meeting) || meeting.Visibility switch
            {
                MeetingVisibility.Public => true,
                MeetingVisibility.DialogueMembers => IsMember,
                _ => PersonId is not null && meeting.ParticipantIds.Contains(PersonId),
            });
    }
}

/// <summary>Ordering and cursors of meeting lists: by start time (latest first for past meetings), then id.</summary>
public static class MeetingCursor
{
    /// <summary>List order: by start time, then id.</summary>
    public static readonly IComparer<MeetingSummary> ByStart = Comparer<MeetingSummary>.Create((a, b) =>
        a.StartsAt.CompareTo(b.StartsAt) is var byStart and not 0 ? byStart : string.CompareOrdinal(a.Id, b.Id));

    /// <summary>One page of <paramref name="meetings"/> after <paramref name="after"/>.</summary>
    public static MeetingPage Page(IReadOnlyCollection<MeetingSummary> meetings, bool latestFirst, (DateTimeOffset Start, string Id)? after, int first)
    {
        var ordered = meetings.Order(ByStart);
        return PageInOrder(latestFirst ? ordered.Reverse() : ordered, latestFirst, after, first);
    }

    /// <summary>
    /// One page of meetings already in list order (latest first when <paramref name="latestFirst"/>), in one
    /// pass: the total counts them all, the page starts after the cursor.
    /// </summary>
    public static MeetingPage PageInOrder(IEnumerable<MeetingSummary> ordered, bool latestFirst, (DateTimeOffset Start, string Id)? after, int first)
    {
        var page = new List<MeetingSummary>();
        var total = 0;
        var more = false;
        foreach (var meeting in ordered)
        {
            total++;
            if (after is { } a && !(latestFirst
                    ? meeting.StartsAt < a.Start || (meeting.StartsAt == a.Start && string.CompareOrdinal(meeting.Id, a.Id) < 0)
                    : meeting.StartsAt > a.Start || (meeting.StartsAt == a.Start && string.CompareOrdinal(meeting.Id, a.Id) > 0)))
                continue;
            if (page.Count < first)
                page.Add(meeting);
            else
                more = true;
        }
        return new MeetingPage(page, page.Count > 0 ? Format(page[^1]) : null, more, total);
    }

    public static string Format(MeetingSummary meeting) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{meeting.StartsAt.UtcTicks}|{meeting.Id}"));

    /// <summary>Reads a cursor made by <see cref="Format"/>; VALIDATION for anything else.</summary>
    public static (DateTimeOffset Start, string Id)? Parse(string? cursor)
    {
        if (cursor is null)
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return (new DateTimeOffset(long.Parse(text[..bar], CultureInfo.InvariantCulture), TimeSpan.Zero), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw CollaborationException.Validation("The cursor is not one this list gave out.", "after");
        }
    }
}

[GenerateSerializer, Alias("collaboration.meeting-catalog-slice-state")]
public sealed class MeetingCatalogSliceState
{
    [Id(0)] public List<MeetingSummary> Meetings { get; set; } = [];
}

/// <summary>Stores one slice of a dialogue's meeting catalog; the catalog grain decides what it holds.</summary>
public sealed class MeetingCatalogSliceGrain(
    [PersistentState("meeting-catalog-slice", StorageNames.Grains)] IPersistentState<MeetingCatalogSliceState> state) : Grain, IMeetingCatalogSliceGrain
{
    public Task<IReadOnlyList<MeetingSummary>> LoadAsync() => Task.FromResult<IReadOnlyList<MeetingSummary>>([.. state.State.Meetings]);

    public async Task SaveAsync(IReadOnlyList<MeetingSummary> meetings)
    {
        state.State.Meetings = [.. meetings];
        await state.WriteOrForgetAsync();
    }
}
