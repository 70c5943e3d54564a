namespace Collaboration.Cities;

[GenerateSerializer, Alias("collaboration.city-state")]
public sealed class CityState
{
    [Id(0)] public CityDetails? Details { get; set; }
    [Id(1)] public List<CityProfileVersion> Profiles { get; set; } = [];
    [Id(2)] public int Version { get; set; }
}

/// <summary>
/// A city and its migration profile, versioned: each save adds a version and keeps the earlier ones. Its
/// officials are the dialogue's members whose membership names the city.
/// </summary>
public sealed class CityGrain(
    [PersistentState("city", StorageNames.Grains)] IPersistentState<CityState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, ICityGrain
{
    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => Meetings.MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no city '{Key}'.");

    public async Task<CityView> CreateAsync(Caller caller, CityDetails details)
    {
        var directory = await grains.ForMemberAsync(DialogueKey, caller);
        if (!IsSecretariat(caller, directory))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat adds cities.");
        if (state.State.Details is not null)
            throw CollaborationException.Conflict($"A city '{Key}' exists already.");
        var problems = new Problems();
        if (details.Population is < 1)
            problems.Add("population", "A population is a positive number, or none.", "POPULATION_RANGE");
        var valid = new CityDetails(
            problems.Check(() => Validate.Text(details.Name, "name", 100)) ?? "",
            problems.Check(() => Validate.CountryCode(details.CountryCode, "countryCode")) ?? "",
            details.Population,
            [.. (details.Languages ?? []).Select(l => problems.Check(() => Validate.Text(l, "languages", 40))).OfType<string>().Distinct()]);
        problems.ThrowIfAny();
        state.State.Details = valid;
        state.State.Version++;
        await state.WriteOrForgetAsync();
        await grains.GetGrain<ICityIndexGrain>(DialogueKey).AddCityAsync(Summary());
        return await ViewAsync(caller, directory);
    }

    public async Task<CityView> GetAsync(Caller caller)
    {
        var directory = await VisibleAsync(caller);
        return await ViewAsync(caller, directory);
    }

    public async Task<CityView> SaveProfileAsync(Caller caller, CityProfileSections sections, Meetings.MeetingVisibility? visibility, int expectedVersion, IReadOnlyList<string>? given = null)
    {
        var directory = await VisibleAsync(caller);
        if (!MayEdit(caller, directory))
            throw CollaborationException.Forbidden("Only the city's officials and the secretariat keep its migration profile.");
        if (expectedVersion != state.State.Version)
            throw CollaborationException.Conflict($"The city changed meanwhile (version {state.State.Version}, not {expectedVersion}); reload it.", "expectedVersion");
        // A section left out keeps the latest version's text; one sent as null or empty is saved empty.
        var latest = state.State.Profiles.LastOrDefault();
        var kept = latest?.Sections ?? new CityProfileSections("", "", "", "", "");
        var problems = new Problems();
        string Section(string field, string? sent, string keptText) =>
            given.Pick(field, sent, keptText)?.Trim() is { Length: > 0 } t ? problems.Check(() => Validate.Text(t, field, 20_000)) ?? "" : "";
        var valid = new CityProfileSections(
            Section("overview", sections.Overview, kept.Overview), Section("flows", sections.Flows, kept.Flows),
            Section("integrationServices", sections.IntegrationServices, kept.IntegrationServices),
            Section("actors", sections.Actors, kept.Actors), Section("dataAvailability", sections.DataAvailability, kept.DataAvailability));
        var seenBy = visibility ?? latest?.Visibility ?? Meetings.MeetingVisibility.DialogueMembers;
        if (!Enum.IsDefined(seenBy))
            problems.Add("visibility", "Unknown visibility.", "REQUIRED");
        problems.ThrowIfAny();
        state.State.Profiles.Add(new CityProfileVersion(state.State.Profiles.Count + 1, valid, seenBy, clock.GetUtcNow()));
        state.State.Version++;
        await state.WriteOrForgetAsync();
        return await ViewAsync(caller, directory);
    }

    public async Task<CityProfileVersion> GetProfileVersionAsync(Caller caller, int number)
    {
        var directory = await VisibleAsync(caller);
        var version = state.State.Profiles.FirstOrDefault(p => p.Number == number);
        if (version is null || !MaySee(caller, directory, version.Visibility))
            throw CollaborationException.NotFound($"The city has no profile version {number}.");
        return version;
    }

    public Task<CitySummary?> FindAsync() => Task.FromResult(state.State.Details is null ? null : Summary());

    public async Task<bool> MayEditAsync(Caller caller) =>
        state.State.Details is not null && await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync() is { } directory && MayEdit(caller, directory);

    private CitySummary Summary() => new(Key, state.State.Details!.Name, state.State.Details.CountryCode);

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    /// <summary>A city is for its dialogue's members; to anyone else it does not exist.</summary>
    private async Task<DialogueView> VisibleAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        if (state.State.Details is null || !(caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId)))
            throw CollaborationException.NotFound($"There is no city '{Key}'.");
        return directory;
    }

    private static bool IsSecretariat(Caller caller, DialogueView directory) =>
        caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId && m.Membership.Roles.Contains(DialogueRole.Secretariat));

    private IEnumerable<Member> Officials(DialogueView directory) =>
        directory.Members.Where(m => m.Membership.Roles.Contains(DialogueRole.CityOfficial) && m.Membership.Represents(Key, state.State.Details!.Name));

    private bool MayEdit(Caller caller, DialogueView directory) =>
        IsSecretariat(caller, directory) || Officials(directory).Any(m => m.PersonId == caller.PersonId);

    private bool MaySee(Caller caller, DialogueView directory, Meetings.MeetingVisibility visibility) =>
        visibility != Meetings.MeetingVisibility.Participants || MayEdit(caller, directory);

    private async Task<CityView> ViewAsync(Caller caller, DialogueView directory)
    {
        var officials = new List<MeetingPerson>();
        foreach (var member in Officials(directory))
        {
            if (await grains.GetGrain<IPersonGrain>(member.PersonId).FindAsync() is { } person)
                officials.Add(new MeetingPerson(member.PersonId, person.Profile.Name, state.State.Details!.Name, null));
        }
        var latest = state.State.Profiles.LastOrDefault(p => MaySee(caller, directory, p.Visibility));
        return new CityView(Key, state.State.Details!, officials, latest, state.State.Profiles.Count, state.State.Version, MayEdit(caller, directory));
    }
}

[GenerateSerializer, Alias("collaboration.city-index-state")]
public sealed class CityIndexState
{
    [Id(0)] public Dictionary<string, CitySummary> Cities { get; set; } = [];
    [Id(1)] public List<string> Partnerships { get; set; } = [];
}

public sealed class CityIndexGrain(
    [PersistentState("city-index", StorageNames.Grains)] IPersistentState<CityIndexState> state,
    IGrainFactory grains) : Grain, ICityIndexGrain
{
    public async Task AddCityAsync(CitySummary city)
    {
        state.State.Cities[city.Id] = city;
        await state.WriteOrForgetAsync();
    }

    public async Task AddPartnershipAsync(string partnershipId)
    {
        if (state.State.Partnerships.Contains(partnershipId))
            return;
        state.State.Partnerships.Add(partnershipId);
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<CitySummary>> GetCitiesAsync() =>
        Task.FromResult<IReadOnlyList<CitySummary>>([.. state.State.Cities.Values.OrderBy(c => c.Name, StringComparer.Ordinal)]);

    public async Task<IReadOnlyList<CitySummary>> CitiesAsync(Caller caller)
    {
        await grains.ForMemberAsync(this.GetPrimaryKeyString(), caller);
        return [.. state.State.Cities.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> PartnershipsAsync(Caller caller)
    {
        await grains.ForMemberAsync(this.GetPrimaryKeyString(), caller);
        return [.. state.State.Partnerships];
    }
}
