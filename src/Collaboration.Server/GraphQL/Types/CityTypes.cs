using Collaboration.Cities;
using Collaboration.Meetings;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class MilestoneStatusEnum : EnumerationGraphType<MilestoneStatus>
{
    public MilestoneStatusEnum()
    {
        Name = "MilestoneStatus";
        Description = "Where a milestone stands: PLANNED, IN_PROGRESS, DONE or DROPPED.";
    }
}

public sealed class CityProfileGraphType : ObjectGraphType<CityProfileVersion>
{
    public CityProfileGraphType()
    {
        Name = "CityMigrationProfile";
        Description = "One version of a city migration profile.";
        Field<NonNullGraphType<IntGraphType>>("number").Description("The version's number, 1 for the first saved.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("overview").Description("The city and its migration context at a glance.").Resolve(c => c.Source.Sections.Overview);
        Field<NonNullGraphType<StringGraphType>>("flows").Description("Who arrives, leaves and passes through, and why.").Resolve(c => c.Source.Sections.Flows);
        Field<NonNullGraphType<StringGraphType>>("integrationServices").Description("What the city offers newcomers: reception, language courses, housing, work.").Resolve(c => c.Source.Sections.IntegrationServices);
        Field<NonNullGraphType<StringGraphType>>("actors").Description("Who works on migration in the city: administrations, associations, diaspora groups.").Resolve(c => c.Source.Sections.Actors);
        Field<NonNullGraphType<StringGraphType>>("dataAvailability").Description("What data the city has on migration, and what it lacks.").Resolve(c => c.Source.Sections.DataAvailability);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Description("Who may read this version.").Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("savedAt").Description("When this version was saved.").Resolve(c => c.Source.SavedAt);
    }
}

public sealed class CityGraphType : ObjectGraphType<CityView>
{
    public CityGraphType()
    {
        Name = "City";
        Description = "A city of the City-to-City dimension, with its officials and migration profile.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The city's id, \"{dialogue key}/{city key}\".").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Details.Name);
        Field<NonNullGraphType<StringGraphType>>("countryCode").Description("The ISO code of its country.").Resolve(c => c.Source.Details.CountryCode);
        Field<IntGraphType>("population").Description("How many people live there.").Resolve(c => c.Source.Details.Population);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("The languages spoken in its administration.").Resolve(c => c.Source.Details.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("officials").Description("The dialogue's members who represent the city.").Resolve(c => c.Source.Officials);
        Field<CityProfileGraphType>("profile").Description("The latest version the caller may read.").Resolve(c => c.Source.Profile);
        Field<NonNullGraphType<IntGraphType>>("profileVersions").Description("How many versions of the profile were saved.").Resolve(c => c.Source.ProfileVersions);
        Field<NonNullGraphType<IntGraphType>>("version").Description(Describe.Version).Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Description("Whether the caller may change it: the city's officials and the secretariat.").Resolve(c => c.Source.ViewerMayEdit);
        Field<NonNullGraphType<CityViewerMayGraphType>>("viewerMay").Description("What the caller may do with the city now, by the rules its mutations apply.").Resolve(c => c.Source);
    }
}

public sealed class CitySummaryGraphType : ObjectGraphType<CitySummary>
{
    public CitySummaryGraphType()
    {
        Name = "CitySummary";
        Description = "A city as a partnership names it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The city's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("countryCode").Description("The ISO code of its country.").Resolve(c => c.Source.CountryCode);
    }
}

public sealed class MilestoneGraphType : ObjectGraphType<Milestone>
{
    public MilestoneGraphType()
    {
        Name = "Milestone";
        Description = "A step of a partnership's roadmap with a due date.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The milestone's id within its partnership.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("What is to be reached.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("dueDate").Description("By when, e.g. 2026-06-30.").Resolve(c => c.Source.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<MilestoneStatusEnum>>("status").Description("Where it stands.").Resolve(c => c.Source.Status);
    }
}

public sealed class CityPartnershipGraphType : ObjectGraphType<CityPartnershipView>
{
    public CityPartnershipGraphType()
    {
        Name = "CityPartnership";
        Description = "A partnership of cities in different countries working on a theme along a roadmap.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The partnership's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitySummaryGraphType>>>>("cities").Description("The partner cities.").Resolve(c => c.Source.Cities);
        Field<NonNullGraphType<StringGraphType>>("theme").Description("What the partnership works on.").Resolve(c => c.Source.Theme);
        Field<NonNullGraphType<StringGraphType>>("roadmapStart").Description("The date its roadmap starts.").Resolve(c => c.Source.RoadmapStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("roadmapEnd").Description("The date its roadmap ends.").Resolve(c => c.Source.RoadmapEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneGraphType>>>>("milestones").Description("The roadmap's milestones.").Resolve(c => c.Source.Milestones);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("meetingIds").Description("The dialogue's meetings recorded as the partnership's.").Resolve(c => c.Source.MeetingIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingSummaryGraphType>>>>("meetings")
            .Description("The partnership's meetings that the caller may see, by start time (meetingIds counts the others too).")
            .ResolveAsync(async c => c.Source.MeetingIds.Count == 0 ? [] :
                (await c.Grains().GetGrain<IMeetingCatalogGrain>(c.Source.Id[..c.Source.Id.IndexOf('/', StringComparison.Ordinal)])
                    .QueryAsync(c.OptionalCaller(), new MeetingFilter(Ids: c.Source.MeetingIds), Meetings.MeetingCatalogGrain.MaxPageSize, null)).Meetings);
        Field<NonNullGraphType<IntGraphType>>("version").Description(Describe.Version).Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Description("Whether the caller may change it: the partner cities' officials and the secretariat.").Resolve(c => c.Source.ViewerMayEdit);
        Field<NonNullGraphType<CityPartnershipViewerMayGraphType>>("viewerMay").Description("What the caller may do with the partnership now, by the rules its mutations apply.").Resolve(c => c.Source);
    }
}

/// <summary>A city migration profile as the API receives it: the sections sent change, the others keep their text.</summary>
public sealed class CityProfileInput : ChangesInput
{
    public string? Overview { get; set; }
    public string? Flows { get; set; }
    public string? IntegrationServices { get; set; }
    public string? Actors { get; set; }
    public string? DataAvailability { get; set; }

    public CityProfileSections ToSections() => new(Overview ?? "", Flows ?? "", IntegrationServices ?? "", Actors ?? "", DataAvailability ?? "");
}

public sealed class CityProfileInputType : ChangesInputGraphType<CityProfileInput>
{
    public CityProfileInputType()
    {
        Name = "CityMigrationProfileInput";
        Description = "The sections of a city migration profile to save as a new version: a section left out keeps the latest version's text; one sent as null or empty is saved empty.";
        Field<StringGraphType>("overview").Description("The city and its migration context at a glance; null to empty it.");
        Field<StringGraphType>("flows").Description("Who arrives, leaves and passes through, and why; null to empty it.");
        Field<StringGraphType>("integrationServices").Description("What the city offers newcomers; null to empty it.");
        Field<StringGraphType>("actors").Description("Who works on migration in the city; null to empty it.");
        Field<StringGraphType>("dataAvailability").Description("What data the city has on migration, and what it lacks; null to empty it.");
    }
}
