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

public sealed class CityMigrationProfileGraphType : ObjectGraphType<CityProfileVersion>
{
    public CityMigrationProfileGraphType()
    {
        Name = "CityMigrationProfile";
        Description = "One version of a city migration profile.";
        Field(x => x.Number).Description("The version's number, 1 for the first saved.");
        Field(x => x.Sections.Overview).Description("The city and its migration context at a glance.");
        Field(x => x.Sections.Flows).Description("Who arrives, leaves and passes through, and why.");
        Field(x => x.Sections.IntegrationServices).Description("What the city offers newcomers: reception, language courses, housing, work.");
        Field(x => x.Sections.Actors).Description("Who works on migration in the city: administrations, associations, diaspora groups.");
        Field(x => x.Sections.DataAvailability).Description("What data the city has on migration, and what it lacks.");
        Field(x => x.Visibility).Description("Who may read this version.");
        Field(x => x.SavedAt).Description("When this version was saved.");
    }
}

public sealed class CityGraphType : ObjectGraphType<CityView>
{
    public CityGraphType()
    {
        Name = "City";
        Description = "A city of the City-to-City dimension, with its officials and migration profile.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The city's id, \"{dialogue key}/{city key}\".");
        Field(x => x.Details.Name).Description("Its name.");
        Field(x => x.Details.CountryCode).Description("The ISO code of its country.");
        Field(x => x.Details.Population).Description("How many people live there.");
        Field(x => x.Details.Languages).Description("The languages spoken in its administration.");
        Field(x => x.Officials).Description("The dialogue's members who represent the city.");
        Field(x => x.Profile).Description("The latest version the caller may read.");
        Field(x => x.ProfileVersions).Description("How many versions of the profile were saved.");
        Field(x => x.Version).Description(Describe.Version);
        Field(x => x.ViewerMayEdit).Description("Whether the caller may change it: the city's officials and the secretariat.");
        Field<NonNullGraphType<CityViewerMayGraphType>>("viewerMay").Description("What the caller may do with the city now, by the rules its mutations apply.").Resolve(c => c.Source);
    }
}

public sealed class CitySummaryGraphType : ObjectGraphType<CitySummary>
{
    public CitySummaryGraphType()
    {
        Name = "CitySummary";
        Description = "A city as a partnership names it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The city's id.");
        Field(x => x.Name).Description("Its name.");
        Field(x => x.CountryCode).Description("The ISO code of its country.");
    }
}

public sealed class MilestoneGraphType : ObjectGraphType<Milestone>
{
    public MilestoneGraphType()
    {
        Name = "Milestone";
        Description = "A step of a partnership's roadmap with a due date.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The milestone's id within its partnership.");
        Field(x => x.Title).Description("What is to be reached.");
        Field<NonNullGraphType<StringGraphType>>("dueDate").Description("By when, e.g. 2026-06-30.").Resolve(c => c.Source.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Status).Description("Where it stands.");
    }
}

public sealed class CityPartnershipGraphType : ObjectGraphType<CityPartnershipView>
{
    public CityPartnershipGraphType()
    {
        Name = "CityPartnership";
        Description = "A partnership of cities in different countries working on a theme along a roadmap.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partnership's id.");
        Field(x => x.Cities).Description("The partner cities.");
        Field(x => x.Theme).Description("What the partnership works on.");
        Field<NonNullGraphType<StringGraphType>>("roadmapStart").Description("The date its roadmap starts.").Resolve(c => c.Source.RoadmapStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("roadmapEnd").Description("The date its roadmap ends.").Resolve(c => c.Source.RoadmapEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Milestones).Description("The roadmap's milestones.");
        Field(x => x.MeetingIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The dialogue's meetings recorded as the partnership's.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingListItemGraphType>>>>("meetings")
            .Description("The partnership's meetings that the caller may see, by start time (meetingIds counts the others too).")
            .ResolveAsync(async c => c.Source.MeetingIds.Count == 0 ? [] :
                (await c.Grains().GetGrain<IMeetingCatalogGrain>(c.Source.Id[..c.Source.Id.IndexOf('/', StringComparison.Ordinal)])
                    .QueryAsync(c.OptionalCaller(), new MeetingFilter(Ids: c.Source.MeetingIds), Meetings.MeetingCatalogGrain.MaxPageSize, null)).Meetings);
        Field(x => x.Version).Description(Describe.Version);
        Field(x => x.ViewerMayEdit).Description("Whether the caller may change it: the partner cities' officials and the secretariat.");
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

public sealed class CityMigrationProfileInputType : ChangesInputGraphType<CityProfileInput>
{
    public CityMigrationProfileInputType()
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
