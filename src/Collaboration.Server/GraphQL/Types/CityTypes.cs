using Collaboration.Cities;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class MilestoneStatusEnum : EnumerationGraphType<MilestoneStatus>
{
    public MilestoneStatusEnum() => Name = "MilestoneStatus";
}

public sealed class CityProfileGraphType : ObjectGraphType<CityProfileVersion>
{
    public CityProfileGraphType()
    {
        Name = "CityMigrationProfile";
        Description = "One version of a city migration profile.";
        Field<NonNullGraphType<IntGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("overview").Resolve(c => c.Source.Sections.Overview);
        Field<NonNullGraphType<StringGraphType>>("flows").Resolve(c => c.Source.Sections.Flows);
        Field<NonNullGraphType<StringGraphType>>("integrationServices").Resolve(c => c.Source.Sections.IntegrationServices);
        Field<NonNullGraphType<StringGraphType>>("actors").Resolve(c => c.Source.Sections.Actors);
        Field<NonNullGraphType<StringGraphType>>("dataAvailability").Resolve(c => c.Source.Sections.DataAvailability);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("savedAt").Resolve(c => c.Source.SavedAt);
    }
}

public sealed class CityGraphType : ObjectGraphType<CityView>
{
    public CityGraphType()
    {
        Name = "City";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Details.Name);
        Field<NonNullGraphType<StringGraphType>>("countryCode").Resolve(c => c.Source.Details.CountryCode);
        Field<IntGraphType>("population").Resolve(c => c.Source.Details.Population);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Details.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("officials").Resolve(c => c.Source.Officials);
        Field<CityProfileGraphType>("profile").Description("The latest version the caller may read.").Resolve(c => c.Source.Profile);
        Field<NonNullGraphType<IntGraphType>>("profileVersions").Resolve(c => c.Source.ProfileVersions);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Resolve(c => c.Source.ViewerMayEdit);
    }
}

public sealed class CitySummaryGraphType : ObjectGraphType<CitySummary>
{
    public CitySummaryGraphType()
    {
        Name = "CitySummary";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("countryCode").Resolve(c => c.Source.CountryCode);
    }
}

public sealed class MilestoneGraphType : ObjectGraphType<Milestone>
{
    public MilestoneGraphType()
    {
        Name = "Milestone";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("dueDate").Resolve(c => c.Source.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<MilestoneStatusEnum>>("status").Resolve(c => c.Source.Status);
    }
}

public sealed class CityPartnershipGraphType : ObjectGraphType<CityPartnershipView>
{
    public CityPartnershipGraphType()
    {
        Name = "CityPartnership";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitySummaryGraphType>>>>("cities").Resolve(c => c.Source.Cities);
        Field<NonNullGraphType<StringGraphType>>("theme").Resolve(c => c.Source.Theme);
        Field<NonNullGraphType<StringGraphType>>("roadmapStart").Resolve(c => c.Source.RoadmapStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("roadmapEnd").Resolve(c => c.Source.RoadmapEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneGraphType>>>>("milestones").Resolve(c => c.Source.Milestones);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("meetingIds").Resolve(c => c.Source.MeetingIds);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Resolve(c => c.Source.ViewerMayEdit);
    }
}

public sealed class CityProfileInput
{
    public string? Overview { get; set; }
    public string? Flows { get; set; }
    public string? IntegrationServices { get; set; }
    public string? Actors { get; set; }
    public string? DataAvailability { get; set; }

    public CityProfileSections ToSections() => new(Overview ?? "", Flows ?? "", IntegrationServices ?? "", Actors ?? "", DataAvailability ?? "");
}

public sealed class CityProfileInputType : InputObjectGraphType<CityProfileInput>
{
    public CityProfileInputType()
    {
        Name = "CityMigrationProfileInput";
        Field<StringGraphType>("overview");
        Field<StringGraphType>("flows");
        Field<StringGraphType>("integrationServices");
        Field<StringGraphType>("actors");
        Field<StringGraphType>("dataAvailability");
    }
}
