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
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityGraphType>>>>("cities")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var cities = new List<CityView>();
                foreach (var city in await c.Grains().GetGrain<ICityIndexGrain>(c.DialogueKey()).CitiesAsync(caller))
                    cities.Add(await c.Grains().GetGrain<ICityGrain>(city.Id).GetAsync(caller));
                return cities;
            });
        query.Field<NonNullGraphType<CityGraphType>>("city")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Grain<ICityGrain>(c).GetAsync(c.Caller()));
        query.Field<NonNullGraphType<CityProfileGraphType>>("cityProfileVersion")
            .Description("An earlier version of a city migration profile the caller may read.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IntGraphType>>("number")
            .ResolveAsync(async c => await Grain<ICityGrain>(c).GetProfileVersionAsync(c.Caller(), c.GetArgument<int>("number")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityPartnershipGraphType>>>>("cityPartnerships")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var partnerships = new List<CityPartnershipView>();
                foreach (var id in await c.Grains().GetGrain<ICityIndexGrain>(c.DialogueKey()).PartnershipsAsync(caller))
                    partnerships.Add(await c.Grains().GetGrain<ICityPartnershipGrain>(id).GetAsync(caller));
                return partnerships;
            });
        query.Field<NonNullGraphType<CityPartnershipGraphType>>("cityPartnership")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Grain<ICityPartnershipGrain>(c).GetAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CityGraphType>>("createCity")
            .Description("Adds a city under a short key such as tunis (secretariat). Its officials are the members whose membership names the city.")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<StringGraphType>>("cityKey")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("countryCode")
            .Argument<IntGraphType>("population")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("languages")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = $"{c.DialogueKey()}/{Validate.Key(c.GetArgument<string>("cityKey"), "cityKey")}";
                return await c.Grains().GetGrain<ICityGrain>(id).CreateAsync(caller, new CityDetails(
                    c.GetArgument<string>("name"), c.GetArgument<string>("countryCode"), c.GetArgument<int?>("population"), c.GetArgument<List<string>?>("languages") ?? []));
            });
        mutation.Field<NonNullGraphType<CityGraphType>>("saveCityProfile")
            .Description("Saves a new version of the city migration profile (its officials, the secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<CityProfileInputType>>("profile")
            .Argument<MeetingVisibilityEnum>("visibility", a => a.DefaultValue = Meetings.MeetingVisibility.DialogueMembers)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityGrain>(c).SaveProfileAsync(caller, c.GetArgument<CityProfileInput>("profile").ToSections(),
                    c.GetArgument<Meetings.MeetingVisibility>("visibility"), c.GetArgument<int>("expectedVersion"));
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("createCityPartnership")
            .Description("Creates a partnership of two or more cities in different countries (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("cityIds")
            .Argument<NonNullGraphType<StringGraphType>>("theme")
            .Argument<NonNullGraphType<StringGraphType>>("roadmapStart")
            .Argument<NonNullGraphType<StringGraphType>>("roadmapEnd")
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
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("addMilestone")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("title")
            .Argument<NonNullGraphType<StringGraphType>>("dueDate")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).AddMilestoneAsync(caller, c.GetArgument<string>("title"),
                    LocalTime.ParseDate(c.GetArgument<string>("dueDate"), "dueDate"), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c));
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("setMilestoneStatus")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IdGraphType>>("milestoneId")
            .Argument<NonNullGraphType<MilestoneStatusEnum>>("status")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).SetMilestoneStatusAsync(caller, c.GetArgument<string>("milestoneId"),
                    c.GetArgument<MilestoneStatus>("status"), c.GetArgument<int>("expectedVersion"));
            });
        mutation.Field<NonNullGraphType<CityPartnershipGraphType>>("linkPartnershipMeeting")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<IdGraphType>>("meetingId")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Grain<ICityPartnershipGrain>(c).LinkMeetingAsync(caller, c.GetArgument<string>("meetingId"), c.GetArgument<int>("expectedVersion"));
            });
    }

    private static T Grain<T>(IResolveFieldContext c) where T : IGrainWithStringKey => c.DialogueGrain<T>("city or partnership");
}
