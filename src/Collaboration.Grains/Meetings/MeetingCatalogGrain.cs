using System.Text;

namespace Collaboration.Meetings;

[GenerateSerializer, Alias("collaboration.meeting-catalog-state")]
public sealed class MeetingCatalogState
{
    [Id(0)] public Dictionary<string, MeetingSummary> Meetings { get; set; } = [];
}

/// <summary>
/// A dialogue's meetings as summaries: lists with filters and cursors, visibility per caller, booking
/// conflicts and the scheduling assistant, all without a call per meeting.
/// </summary>
public sealed class MeetingCatalogGrain(
    [PersistentState("meeting-catalog", StorageNames.Grains)] IPersistentState<MeetingCatalogState> state,
    IGrainFactory grains,
    IEnumerable<IFreeBusySource> freeBusySources,
    TimeProvider clock) : Grain, IMeetingCatalogGrain
{
    /// <summary>The largest page a list may ask for.</summary>
    public const int MaxPageSize = 100;

    private string DialogueKey => this.GetPrimaryKeyString();

    public async Task UpsertAsync(MeetingSummary summary)
    {
        if (state.State.Meetings.TryGetValue(summary.Id, out var held) && held.Version >= summary.Version)
            return;
        state.State.Meetings[summary.Id] = summary;
        await state.WriteOrForgetAsync();
    }

    public async Task<MeetingPage> QueryAsync(Caller? caller, MeetingFilter filter, int first, string? after)
    {
        if (first is < 1 or > MaxPageSize)
            throw CollaborationException.Validation($"Ask for 1 to {MaxPageSize} meetings at a time.", "first");
        var cursor = MeetingCursor.Parse(after);
        var access = await AccessAsync(caller);
        if (filter.PersonId is { } person && !access.IsSecretariat && person != caller?.PersonId)
            throw CollaborationException.Forbidden("Only the secretariat lists another person's meetings.");
        var now = clock.GetUtcNow();
        var host = filter.HostCountry?.Trim().ToUpperInvariant();

        var matching = state.State.Meetings.Values
            .Where(m => access.MaySee(m))
            .Where(m => filter.Upcoming is not { } upcoming || (upcoming ? m.EndsAt >= now : m.EndsAt < now))
            .Where(m => filter.Status is not { } status || m.Status == status)
            .Where(m => filter.Type is not { } type || m.Type == type)
            .Where(m => filter.Pillar is not { } pillar || m.Pillar == pillar)
            .Where(m => host is null || m.HostCountry == host)
            .Where(m => filter.PersonId is not { } person || m.ParticipantIds.Contains(person))
            .ToList();
        return MeetingCursor.Page(matching, filter.Upcoming == false, cursor, first);
    }

    public Task<IReadOnlyList<Warning>> FindConflictsAsync(
        string meetingId, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<MeetingPerson> people, string city, string? venue)
    {
        var warnings = new List<Warning>();
        foreach (var other in state.State.Meetings.Values)
        {
            if (other.Id == meetingId || other.Status == MeetingStatus.Cancelled || other.EndsAt <= start || end <= other.StartsAt)
                continue;
            var title = other.Titles.FirstOrDefault()?.Text ?? other.Id;
            foreach (var person in people.Where(p => other.BookedPersonIds.Contains(p.PersonId)))
                warnings.Add(new Warning("PERSON_BOOKED", $"{person.Name} is already booked for '{title}' at that time."));
            if (venue is not null && string.Equals(other.Venue, venue, StringComparison.OrdinalIgnoreCase)
                && string.Equals(other.City, city, StringComparison.OrdinalIgnoreCase))
                warnings.Add(new Warning("VENUE_TAKEN", $"{venue} in {city} is taken by '{title}' at that time."));
        }
        return Task.FromResult<IReadOnlyList<Warning>>(warnings);
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
        var busy = state.State.Meetings.Values
            .Where(m => m.Status != MeetingStatus.Cancelled && m.EndsAt > from && m.StartsAt < to)
            .SelectMany(m => people.Where(p => m.ParticipantIds.Contains(p.PersonId))
                .Select(p => new BusyInterval(p.PersonId, m.StartsAt, m.EndsAt, m.Titles.FirstOrDefault()?.Text ?? m.Id)))
            .ToList();
        foreach (var source in freeBusySources)
            busy.AddRange(await source.GetBusyAsync([.. people.Select(p => p.PersonId)], from, to));

        return SlotFinder.Find(request, meetingZone, people, busy);
    }

    private async Task<CatalogAccess> AccessAsync(Caller? caller)
    {
        if (caller is null)
            return new CatalogAccess(null, false, false);
        var membership = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetMembershipAsync(caller.PersonId);
        return new CatalogAccess(
            caller.PersonId,
            caller.IsAdministrator || membership?.Roles.Contains(DialogueRole.Secretariat) == true,
            membership is not null);
    }

    private sealed record CatalogAccess(string? PersonId, bool IsSecretariat, bool IsMember)
    {
        public bool MaySee(MeetingSummary meeting) => IsSecretariat || meeting.Visibility switch
        {
            MeetingVisibility.Public => true,
            MeetingVisibility.DialogueMembers => IsMember,
            _ => PersonId is not null && meeting.ParticipantIds.Contains(PersonId),
        };
    }
}

/// <summary>Ordering and cursors of meeting lists: by start time (latest first for past meetings), then id.</summary>
public static class MeetingCursor
{
    /// <summary>One page of <paramref name="meetings"/> after <paramref name="after"/>.</summary>
    public static MeetingPage Page(IReadOnlyCollection<MeetingSummary> meetings, bool latestFirst, (DateTimeOffset Start, string Id)? after, int first)
    {
        var ordered = latestFirst
            ? meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)
            : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id, StringComparer.Ordinal);
        var rest = after is not { } a ? ordered.ToList() : ordered.Where(m => latestFirst
            ? m.StartsAt < a.Start || (m.StartsAt == a.Start && string.CompareOrdinal(m.Id, a.Id) < 0)
            : m.StartsAt > a.Start || (m.StartsAt == a.Start && string.CompareOrdinal(m.Id, a.Id) > 0)).ToList();
        var page = rest.Take(first).ToList();
        return new MeetingPage(page, page.Count > 0 ? Format(page[^1]) : null, rest.Count > first, meetings.Count);
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
            return (new DateTimeOffset(long.Parse(text[..bar], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw CollaborationException.Validation("The cursor is not one this list gave out.", "after");
        }
    }
}
