using Collaboration.Cities;
using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>City-to-City: cities and their migration profiles, and partnerships between cities.</summary>
public static class CityFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityGraphType>>>>("cities").Description("The dialogue's cities of the City-to-City dimension, for its members.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var cities = await c.Grains().GetGrain<ICityIndexGrain>(c.DialogueKey()).CitiesAsync(caller);
                return await Task.WhenAll(cities.Select(city => c.Grains().GetGrain<ICityGrain>(city.Id).GetAsync(caller)));
            });
        query.Field<NonNullGraphType<CityGraphType>>("city").Description("One city with its officials and latest migration profile; NOT_FOUND outside its dialogue.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.CityId)
            .ResolveAsync(async c => await Grain<ICityGrain>(c).GetAsync(c.Caller()));
        query.Field<NonNullGraphType<CityMigrationProfileGraphType>>("cityProfileVersion")
            .Description("An earlier version of a city migration profile the caller may read.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.CityId)
            .Argument<NonNullGraphType<IntGraphType>>("number", "The version's number, from 1 (the first saved) to City.profileVersions.")
            .ResolveAsync(async c => await Grain<ICityGrain>(c).GetProfileVersionAsync(c.Caller(), c.GetArgument<int>("number")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityPartnershipGraphType>>>>("cityPartnerships").Description("The dialogue's partnerships between cities, for its members.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var ids = await c.Grains().GetGrain<ICityIndexGrain>(c.DialogueKey()).PartnershipsAsync(caller);
                return await Task.WhenAll(ids.Select(id => c.Grains().GetGrain<ICityPartnershipGrain>(id).GetAsync(caller)));
            });
        query.Field<NonNullGraphType<CityPartnershipGraphType>>("cityPartnership").Description("One partnership with its roadmap and milestones; NOT_FOUND outside its dialogue.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.PartnershipId)
            .ResolveAsync(async c => await Grain<ICityPartnershipGrain>(c).GetAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CityGraphType>>("createCity")
            .Description("Adds a city under a short key such as tunis (secretariat). Its officials are the members whose membership names the city.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("cityKey", "A short lower-case key for the city within the dialogue, e.g. tunis.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "The city's name, e.g. Tunis.")
            .Argument<NonNullGraphType<StringGraphType>>("countryCode", "The ISO code of its country, a partner state of the dialogue.")
            .Argument<IntGraphType>("population", "How many people live there.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("languages", "The languages spoken in its administration.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = $"{c.DialogueKey()}/{Validate.Key(c.GetArgument<string>("cityKey"), "cityKey")}";
                return await c.Grains().GetGrain<ICityGrain>(id).CreateAsync(caller, new CityDetails(
                    c.GetArgument<string>("name"), c.GetArgument<string>("countryCode"), c.GetArgument<int?>("population"), c.GetArgument<List<string>?>("languages") ?? []));
            });
        mutation.Field<NonNullGraphType<CityGraphType>>("saveCityProfile")
            .Description("Saves a new version of the city migration profile with the sections sent; sections left out keep their text (its officials, the secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.CityId)
            .Argument<NonNullGraphType<CityMigrationProfileInputType>>("profile", "The profile's sections as they should read from now on.")
            .Argument<MeetingVisibilityEnum>("visibility", "Who may read this version; when left out (or null), the latest version's, and the dialogue's members for the first.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var profile = c.GetArgument<CityProfileInput>("profile");
                return await Grain<ICityGrain>(c).SaveProfileAsync(caller, profile.ToSections(),
                    c.GetArgument<Meetings.MeetingVisibility?>("visibility"), c.GetArgument<int>("expectedVersion"), profile.Given);
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("createCityPartnership")
            .Description("Creates a partnership of two or more cities in different countries (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("cityIds", "The partner cities, by id: two or more, in different countries.")
            .Argument<NonNullGraphType<StringGraphType>>("theme", "What the partnership works on, e.g. integration of newcomers in the labour market.")
            .Argument<NonNullGraphType<StringGraphType>>("roadmapStart", "The date its migration and integration roadmap starts, e.g. 2026-01-01.")
            .Argument<NonNullGraphType<StringGraphType>>("roadmapEnd", "The date the roadmap ends.")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = IdempotencyKey.Of(c);
                var id = $"{c.DialogueKey()}/{RequestKeys.NewId(caller, key)}";
                return await c.Grains().GetGrain<ICityPartnershipGrain>(id).CreateAsync(caller, new CityPartnershipInput(
                    c.GetArgument<List<string>>("cityIds"), c.GetArgument<string>("theme"),
                    LocalTime.ParseDate(c.GetArgument<string>("roadmapStart"), "roadmapStart"), LocalTime.ParseDate(c.GetArgument<string>("roadmapEnd"), "roadmapEnd")), key);
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("addMilestone").Description("Adds a milestone to the partnership's roadmap (its cities' officials, the secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.PartnershipId)
            .Argument<NonNullGraphType<StringGraphType>>("title", "What is to be reached.")
            .Argument<NonNullGraphType<StringGraphType>>("dueDate", "By when, e.g. 2026-06-30.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).AddMilestoneAsync(caller, c.GetArgument<string>("title"),
                    LocalTime.ParseDate(c.GetArgument<string>("dueDate"), "dueDate"), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c));
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("setMilestoneStatus").Description("Moves a milestone: planned, in progress, done or dropped (its cities' officials, the secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.PartnershipId)
            .Argument<NonNullGraphType<IdGraphType>>("milestoneId", "The milestone's id, as CityPartnership.milestones gives it.")
            .Argument<NonNullGraphType<MilestoneStatusEnum>>("status", "Where it stands now.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).SetMilestoneStatusAsync(caller, c.GetArgument<string>("milestoneId"),
                    c.GetArgument<MilestoneStatus>("status"), c.GetArgument<int>("expectedVersion"));
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("linkPartnershipMeeting").Description("Records a meeting of the dialogue as one of the partnership's (its cities' officials, the secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.PartnershipId)
            .Argument<NonNullGraphType<IdGraphType>>("meetingId", Describe.MeetingId)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).LinkMeetingAsync(caller, c.GetArgument<string>("meetingId"), c.GetArgument<int>("expectedVersion"));
            });
    }

    private static T Grain<T>(IResolveFieldContext c) where T : IGrainWithStringKey => c.DialogueGrain<T>("city or partnership");
}
