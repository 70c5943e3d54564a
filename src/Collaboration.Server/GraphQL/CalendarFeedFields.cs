using Collaboration.Server.Auth;
using Collaboration.Server.Extensions;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>A person's calendar subscription address: made (replacing the last) and revoked.</summary>
public static class CalendarFeedFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StringGraphType>>("createCalendarFeed")
            .Description("Makes a new secret address for your calendar program to subscribe to your meetings; the previous one stops working.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var token = Secrets.New();
                var hash = Secrets.Hash(token);
                var grains = c.Grains();
                await grains.GetGrain<ICredentialGrain>(hash).IssueAsync(new CredentialGrant(CredentialKind.CalendarFeed, caller.PersonId, DateTimeOffset.MaxValue));
                await grains.GetGrain<IPersonGrain>(caller.PersonId).ReplaceCalendarFeedAsync(caller, hash);
                var baseUrl = c.Service<Microsoft.Extensions.Options.IOptions<CollaborationOptions>>().Value.PublicBaseUrl.TrimEnd('/');
                return $"{baseUrl}/calendar/{token}.ics";
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("revokeCalendarFeed")
            .Description("Stops your calendar subscription address from working.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                await c.Grains().GetGrain<IPersonGrain>(caller.PersonId).ReplaceCalendarFeedAsync(caller, null);
                return true;
            });
    }
}
