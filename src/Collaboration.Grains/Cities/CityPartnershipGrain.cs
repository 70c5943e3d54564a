namespace Collaboration.Cities;

[GenerateSerializer, Alias("collaboration.city-partnership-state")]
public sealed class CityPartnershipState
{
    [Id(0)] public List<CitySummary> Cities { get; set; } = [];
    [Id(1)] public string Theme { get; set; } = "";
    [Id(2)] public DateOnly RoadmapStart { get; set; }
    [Id(3)] public DateOnly RoadmapEnd { get; set; }
    [Id(4)] public List<Milestone> Milestones { get; set; } = [];
    [Id(5)] public List<string> MeetingIds { get; set; } = [];
    [Id(6)] public int Version { get; set; }
    /// <summary>The idempotency keys of creating requests done here (see <see cref="RequestKeys"/>).</summary>
    [Id(7)] public List<string> Requests { get; set; } = [];
}

/// <summary>
/// A partnership of two or more cities in different countries, with a theme, a roadmap of milestones within
/// its dates, and linked meetings. The secretariat creates it; the officials of its cities and the
/// secretariat keep the roadmap.
/// </summary>
public sealed class CityPartnershipGrain(
    [PersistentState("city-partnership", StorageNames.Grains)] IPersistentState<CityPartnershipState> state,
    IGrainFactory grains) : Grain, ICityPartnershipGrain
{
    /// <summary>The most meetings one partnership links (its page lists them all at once).</summary>
    public const int MaxMeetings = 100;

    private CityPartnershipState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => Meetings.MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no partnership '{Key}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Heals an index that missed the last change, or that was kept before it held roadmaps.
        if (State.Cities.Count > 0)
            await PublishAsync();
    }

    public async Task<CityPartnershipView> CreateAsync(Caller caller, CityPartnershipInput input, string? idempotencyKey = null)
    {
        var directory = await grains.ForMemberAsync(DialogueKey, caller);
        if (!directory.IsSecretariat(caller))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat creates City-to-City partnerships.");
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (State.Cities.Count > 0 && RequestKeys.Done(State.Requests, key))
            return await ViewAsync(caller);
        if (State.Cities.Count > 0)
            throw CollaborationException.Conflict($"A partnership '{Key}' exists already.");
        var problems = new Problems();
        var cities = new List<CitySummary>();
        foreach (var id in (input.CityIds ?? []).Distinct())
        {
            if (Meetings.MeetingKey.DialogueOf(id) == DialogueKey && await grains.GetGrain<ICityGrain>(id).FindAsync() is { } city)
                cities.Add(city);
            else
                problems.Add("cityIds", $"'{id}' is not a city of the dialogue.", "UNKNOWN_CITY");
        }
        if (cities.Count < 2 && !problems.Has("cityIds"))
            problems.Add("cityIds", "A partnership joins two cities or more.", "TOO_FEW_CITIES");
        else if (cities.Count >= 2 && cities.Select(c => c.CountryCode).Distinct().Count() < 2)
            problems.Add("cityIds", "A City-to-City partnership joins cities of different countries.", "CITIES_IN_ONE_COUNTRY");
        if (input.RoadmapEnd <= input.RoadmapStart)
            problems.Add("roadmapEnd", "The roadmap must end after it starts.", "ENDS_BEFORE_START");
        var theme = problems.Check(() => Validate.Text(input.Theme, "theme", 500));
        problems.ThrowIfAny();
        RequestKeys.Remember(State.Requests, key);
        State.Cities = cities;
        State.Theme = theme!;
        State.RoadmapStart = input.RoadmapStart;
        State.RoadmapEnd = input.RoadmapEnd;
        return await SaveAsync(caller);
    }

    public async Task<CityPartnershipView> GetAsync(Caller caller)
    {
        await VisibleAsync(caller);
        return await ViewAsync(caller);
    }

    public async Task<CityPartnershipView> AddMilestoneAsync(Caller caller, string title, DateOnly dueDate, int expectedVersion, string? idempotencyKey = null)
    {
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, key))
            return await GetAsync(caller);
        await EditableAsync(caller, expectedVersion);
        if (dueDate < State.RoadmapStart || dueDate > State.RoadmapEnd)
            throw CollaborationException.Validation(
                $"A milestone falls within the roadmap ({State.RoadmapStart:yyyy-MM-dd} – {State.RoadmapEnd:yyyy-MM-dd}).", "dueDate", "MILESTONE_OUTSIDE_ROADMAP",
                ("starts", State.RoadmapStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("ends", State.RoadmapEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (State.Milestones.Count >= 200)
            throw CollaborationException.Validation("A roadmap holds at most 200 milestones.", "title");
        State.Milestones.Add(new Milestone(Guid.CreateVersion7().ToString("N"), Validate.Text(title, "title", 300), dueDate, MilestoneStatus.Planned));
        RequestKeys.Remember(State.Requests, key);
        return await SaveAsync(caller);
    }

    public async Task<CityPartnershipView> SetMilestoneStatusAsync(Caller caller, string milestoneId, MilestoneStatus status, int expectedVersion)
    {
        await EditableAsync(caller, expectedVersion);
        var index = State.Milestones.FindIndex(m => m.Id == milestoneId);
        if (index < 0)
            throw CollaborationException.NotFound("The roadmap has no such milestone.");
        if (!Enum.IsDefined(status))
            throw CollaborationException.Validation("Unknown status.", "status");
        State.Milestones[index] = State.Milestones[index] with { Status = status };
        return await SaveAsync(caller);
    }

    public async Task<CityPartnershipView> LinkMeetingAsync(Caller caller, string meetingId, int expectedVersion)
    {
        await EditableAsync(caller, expectedVersion);
        if (Meetings.MeetingKey.DialogueOf(meetingId) != DialogueKey)
            throw CollaborationException.Validation("Link a meeting of this dialogue.", "meetingId");
        await grains.GetGrain<IMeetingGrain>(meetingId).GetAsync(caller); // NOT_FOUND when the caller may not see it
        if (State.MeetingIds.Contains(meetingId))
            return await SaveAsync(caller);
        if (State.MeetingIds.Count >= MaxMeetings)
            throw CollaborationException.Validation($"A partnership links at most {MaxMeetings} meetings.", "meetingId");
        State.MeetingIds.Add(meetingId);
        return await SaveAsync(caller);
    }

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    private async Task VisibleAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        if (State.Cities.Count == 0 || !directory.Sees(caller))
            throw CollaborationException.NotFound($"There is no City-to-City partnership '{Key}'.");
    }

    private async Task EditableAsync(Caller caller, int expectedVersion)
    {
        await VisibleAsync(caller);
        if (!await MayEditAsync(caller))
            throw CollaborationException.Forbidden("Only the officials of the partner cities and the secretariat keep the roadmap.");
        if (expectedVersion != State.Version)
            throw CollaborationException.Conflict($"The partnership changed meanwhile (version {State.Version}, not {expectedVersion}); reload it.", "expectedVersion");
    }

    private async Task<bool> MayEditAsync(Caller caller)
    {
        foreach (var city in State.Cities)
        {
            if (await grains.GetGrain<ICityGrain>(city.Id).MayEditAsync(caller))
                return true;
        }
        return false;
    }

    private async Task<CityPartnershipView> SaveAsync(Caller caller)
    {
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
        return await ViewAsync(caller);
    }

    /// <summary>Keeps the dialogue's index current: it lists the partnership and tells its cities' officials what is due.</summary>
    private Task PublishAsync() => grains.GetGrain<ICityIndexGrain>(DialogueKey).UpsertPartnershipAsync(
        new CityPartnershipSummary(Key, State.Theme, [.. State.Cities], [.. State.Milestones], State.Version));

    private async Task<CityPartnershipView> ViewAsync(Caller caller) => new(
        Key, [.. State.Cities], State.Theme, State.RoadmapStart, State.RoadmapEnd, [.. State.Milestones.OrderBy(m => m.DueDate)],
        [.. State.MeetingIds], State.Version, await MayEditAsync(caller));
}
