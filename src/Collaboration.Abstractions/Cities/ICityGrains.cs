namespace Collaboration.Cities;

/// <summary>
/// A city of a dialogue (keyed <c>{dialogue}/{city}</c>) and its migration profile. The secretariat adds
/// cities; the city's officials (members whose membership names the city) and the secretariat keep the
/// profile; its visibility decides who reads it.
/// </summary>
[Alias("collaboration.city")]
public interface ICityGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<CityView> CreateAsync(Caller caller, CityDetails details);

    [Alias("get")]
    Task<CityView> GetAsync(Caller caller);

    /// <summary>
    /// Saves a new version of the profile; the earlier versions stay readable. The sections
    /// <paramref name="given"/> names (every one when null) take the text sent; the others, and the visibility
    /// when it is null, keep the latest version's.
    /// </summary>
    [Alias("save-profile")]
    Task<CityView> SaveProfileAsync(Caller caller, CityProfileSections sections, Meetings.MeetingVisibility? visibility, int expectedVersion, IReadOnlyList<string>? given = null);

    [Alias("profile-version")]
    Task<CityProfileVersion> GetProfileVersionAsync(Caller caller, int number);

    /// <summary>The city as a partnership names it (servers and grains).</summary>
    [Alias("summary")]
    Task<CitySummary?> FindAsync();

    /// <summary>Whether the caller is one of the city's officials or the secretariat.</summary>
    [Alias("may-edit")]
    Task<bool> MayEditAsync(Caller caller);
}

[Alias("collaboration.city-index")]
public interface ICityIndexGrain : IGrainWithStringKey
{
    [Alias("add-city")]
    Task AddCityAsync(CitySummary city);

    [Alias("add-partnership")]
    Task AddPartnershipAsync(string partnershipId);

    /// <summary>The dialogue's cities, for other grains' rules (a membership or an invitation names one). Not for transports: it checks no caller.</summary>
    [Alias("all-cities"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<CitySummary>> GetCitiesAsync();

    /// <summary>The dialogue's cities, for one of its members (NOT_FOUND for anyone else, as the dialogue itself is).</summary>
    [Alias("cities")]
    Task<IReadOnlyList<CitySummary>> CitiesAsync(Caller caller);

    /// <summary>The dialogue's partnerships, for one of its members (NOT_FOUND for anyone else).</summary>
    [Alias("partnerships")]
    Task<IReadOnlyList<string>> PartnershipsAsync(Caller caller);
}

/// <summary>
/// A City-to-City partnership (keyed <c>{dialogue}/{id}</c>): the secretariat creates it for cities of
/// different countries; the officials of its cities and the secretariat keep its roadmap and link its meetings.
/// </summary>
[Alias("collaboration.city-partnership")]
public interface ICityPartnershipGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<CityPartnershipView> CreateAsync(Caller caller, CityPartnershipInput input, string? idempotencyKey = null);

    [Alias("get")]
    Task<CityPartnershipView> GetAsync(Caller caller);

    /// <summary>A milestone within the roadmap's dates.</summary>
    [Alias("add-milestone")]
    Task<CityPartnershipView> AddMilestoneAsync(Caller caller, string title, DateOnly dueDate, int expectedVersion, string? idempotencyKey = null);

    [Alias("set-milestone-status")]
    Task<CityPartnershipView> SetMilestoneStatusAsync(Caller caller, string milestoneId, MilestoneStatus status, int expectedVersion);

    /// <summary>Links a meeting of the dialogue the caller may see.</summary>
    [Alias("link-meeting")]
    Task<CityPartnershipView> LinkMeetingAsync(Caller caller, string meetingId, int expectedVersion);
}
