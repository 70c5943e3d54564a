using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Personal data on request: its export (the person or an administrator) and erasure (an administrator).</summary>
public static class PrivacyFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<StringGraphType>>("personalData")
            .Description("Everything the installation holds about a person, as a JSON document: yours, or anyone's for an administrator (NOT_FOUND otherwise).")
            .Argument<IdGraphType>("personId", "omit for your own")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await c.Grains().GetGrain<IPersonalDataGrain>(0).ExportAsync(caller, c.GetArgument<string?>("personId") ?? caller.PersonId);
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BooleanGraphType>>("erasePerson")
            .Description("Erases a person on their request (administrators), confirmed with their email address: their profile, account, tokens, feed and memberships are deleted; meetings keep their invitation as \"Erased person\".")
            .Argument<NonNullGraphType<IdGraphType>>("personId", Describe.PersonId)
            .Argument<NonNullGraphType<StringGraphType>>("email", "The person's email address, to confirm who is erased.")
            .ResolveAsync(async c =>
            {
                await c.Grains().GetGrain<IPersonalDataGrain>(0).EraseAsync(c.Caller(), c.GetArgument<string>("personId"), c.GetArgument<string>("email"));
                return true;
            });
}
