using Collaboration.Server.Auth;
using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Sign-in, setup and access tokens.</summary>
public static class IdentityFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<ViewerGraphType>("viewer")
            .Description("The signed-in caller; null when the request carries no valid credential.")
            .ResolveAsync(async c => c.OptionalCaller() is { } caller
                ? await c.Grains().GetGrain<IPersonGrain>(caller.PersonId).FindAsync()
                : null);

        query.Field<NonNullGraphType<BooleanGraphType>>("setupRequired")
            .Description("Whether the installation still waits for its first administrator (through the printed setup link).")
            .ResolveAsync(async c => !await c.Grains().GetGrain<ISetupGrain>(0).IsCompleteAsync());
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<BooleanGraphType>>("requestSignInLink")
            .Description("Mails a single-use sign-in link, valid 15 minutes, when the address has an account. Always true, so it tells nobody who has an account.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The address the person was registered with.")
            .ResolveAsync(async c =>
            {
                c.Service<Extensions.RateLimits.SignInLinkLimiter>().Check(c.HttpContext());
                await c.Service<SignInService>().RequestLinkAsync(c.GetArgument<string>("email"), c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<ViewerGraphType>>("signIn")
            .Description("Redeems a sign-in link's token (once) and sets the session cookie.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token of the sign-in link: the part after token= in the mailed address.")
            .ResolveAsync(async c =>
            {
                var personId = await c.Service<SignInService>().SignInWithLinkAsync(c.HttpContext(), c.GetArgument<string>("token"));
                return await c.Grains().GetGrain<IPersonGrain>(personId).FindAsync();
            });

        mutation.Field<NonNullGraphType<ViewerGraphType>>("completeSetup")
            .Description("Creates the first secretariat administrator with the printed setup link's token, and signs them in.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The token of the printed setup link: the part after token=.")
            .Argument<NonNullGraphType<PersonInputType>>("administrator", "The first administrator: their name, address and preferred language.")
            .ResolveAsync(async c =>
            {
                var profile = c.GetArgument<PersonInput>("administrator").ToProfile();
                var personId = await c.Service<SignInService>().CompleteSetupAsync(c.HttpContext(), c.GetArgument<string>("token"), profile);
                return await c.Grains().GetGrain<IPersonGrain>(personId).FindAsync();
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("signOut")
            .Description("Ends the current session.")
            .ResolveAsync(async c =>
            {
                c.Caller();
                await c.Service<SignInService>().EndSessionAsync(c.HttpContext());
                return true;
            });

        mutation.Field<NonNullGraphType<ViewerGraphType>>("updateMyProfile")
            .Description("Changes the signed-in person's own profile (name, job title, organisation, preferred language, time zone), keeping every field not sent. Only oneself: administrators have their own tools for others.")
            .Argument<NonNullGraphType<ProfileChangesInputType>>("profile", "Only what changes; fields left out keep their values.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var profile = c.GetArgument<ProfileChangesInput>("profile");
                return await c.Grains().GetGrain<IPersonGrain>(caller.PersonId)
                    .UpdateProfileAsync(caller, profile.ToProfile(), c.GetArgument<int>("expectedVersion"), profile.Given);
            });

        mutation.Field<NonNullGraphType<CreatedAccessTokenGraphType>>("createAccessToken")
            .Description("Creates a personal access token for scripts. Its value is in the answer and nowhere else.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "What the token is for, so you recognise it in your list, e.g. \"monthly report script\".")
            .Argument<IntGraphType>("expiresInDays", "How many days the token works; at most the installation's limit (a year by default).", a => a.DefaultValue = 90)
            .ResolveAsync(async c =>
            {
                var (token, view) = await c.Service<SignInService>()
                    .CreateAccessTokenAsync(c.Caller(), c.GetArgument<string>("name"), c.GetArgument<int>("expiresInDays"));
                return new CreatedAccessToken(token, view);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("revokeAccessToken")
            .Description("Revokes one of your access tokens; it stops working at once.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The token's id, as Viewer.accessTokens lists it.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                await c.Grains().GetGrain<IPersonGrain>(caller.PersonId).RevokeAccessTokenAsync(caller, c.GetArgument<string>("id"));
                return true;
            });
    }
}
