using Collaboration.Meetings;

namespace Collaboration.Cities;

[GenerateSerializer, Immutable, Alias("collaboration.city-details")]
public sealed record CityDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string CountryCode,
    [property: Id(2)] int? Population,
    [property: Id(3)] IReadOnlyList<string> Languages);

/// <summary>The sections of a city migration profile (seed 002, section 5.2).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.city-profile-sections")]
public sealed record CityProfileSections(
    [property: Id(0)] string Overview,
    [property: Id(1)] string Flows,
    [property: Id(2)] string IntegrationServices,
    [property: Id(3)] string Actors,
    [property: Id(4)] string DataAvailability);

/// <summary>One version of a city's migration profile: each save keeps the earlier ones.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.city-profile-version")]
public sealed record CityProfileVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] CityProfileSections Sections,
    [property: Id(2)] MeetingVisibility Visibility,
    [property: Id(3)] DateTimeOffset SavedAt);

/// <summary>A city as the caller may see it; the profile only when its visibility lets them.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.city-view")]
public sealed record CityView(
    [property: Id(0)] string Id,
    [property: Id(1)] CityDetails Details,
    [property: Id(2)] IReadOnlyList<MeetingPerson> Officials,
    [property: Id(3)] CityProfileVersion? Profile,
    [property: Id(4)] int ProfileVersions,
    [property: Id(5)] int Version,
    [property: Id(6)] bool ViewerMayEdit);

public enum MilestoneStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

[GenerateSerializer, Immutable, Alias("collaboration.milestone")]
public sealed record Milestone(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly DueDate,
    [property: Id(3)] MilestoneStatus Status);

[GenerateSerializer, Immutable, Alias("collaboration.city-partnership-input")]
public sealed record CityPartnershipInput(
    [property: Id(0)] IReadOnlyList<string> CityIds,
    [property: Id(1)] string Theme,
    [property: Id(2)] DateOnly RoadmapStart,
    [property: Id(3)] DateOnly RoadmapEnd);

/// <summary>A City-to-City partnership: two or more cities of different countries, a theme, a roadmap and its meetings.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.city-partnership-view")]
public sealed record CityPartnershipView(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<CitySummary> Cities,
    [property: Id(2)] string Theme,
    [property: Id(3)] DateOnly RoadmapStart,
    [property: Id(4)] DateOnly RoadmapEnd,
    [property: Id(5)] IReadOnlyList<Milestone> Milestones,
    [property: Id(6)] IReadOnlyList<string> MeetingIds,
    [property: Id(7)] int Version,
    [property: Id(8)] bool ViewerMayEdit);

[GenerateSerializer, Immutable, Alias("collaboration.city-summary")]
public sealed record CitySummary([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string CountryCode);

/// <summary>
/// A partnership as its dialogue's city index holds it: its cities and its roadmap, enough to tell the cities'
/// officials which milestones are due without activating each partnership.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.city-partnership-summary")]
public sealed record CityPartnershipSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Theme,
    [property: Id(2)] IReadOnlyList<CitySummary> Cities,
    [property: Id(3)] IReadOnlyList<Milestone> Milestones,
    [property: Id(4)] int Version);
