using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class PersonGraphType : ObjectGraphType<PersonView>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "A person who signs in: secretariat staff, a delegate, a focal point, an expert, a city official.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person's id, the same in every dialogue.");
        Field(x => x.Profile.Name).Description("Their name as they are addressed, e.g. Amina El Idrissi.");
        Field<StringGraphType>("email")
            .Description("Shown to the person themself and to administrators (the secretariat reads members' addresses on Member.email).")
            .Resolve(c => c.Parent?.ParentType.Name == "Viewer"
                || (c.OptionalCaller() is { } caller && (caller.IsAdministrator || caller.PersonId == c.Source.Id))
                    ? c.Source.Profile.Email
                    : null);
        Field(x => x.Profile.PreferredLanguage).Description("The language mail reaches them in: ar, en or fr.");
        Field(x => x.Profile.Organisation).Description("The ministry, agency or city they work for.");
        Field(x => x.Profile.JobTitle).Description("Their position, e.g. Director of Migration Affairs.");
        Field(x => x.Profile.TimeZone).Description("The IANA time zone they work in, used for scheduling suggestions.");
        Field(x => x.IsAdministrator).Description("Whether they administer the installation (every dialogue's secretariat).");
        Field(x => x.Version).Description(Describe.Version);
    }
}

public sealed class AccessTokenGraphType : ObjectGraphType<AccessTokenView>
{
    public AccessTokenGraphType()
    {
        Name = "AccessToken";
        Description = "A personal access token as listed: never its value.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The token's id, to revoke it.");
        Field(x => x.Name).Description("What its owner said it is for.");
        Field(x => x.CreatedAt).Description("When it was created.");
        Field(x => x.ExpiresAt).Description("When it stops working.");
    }
}

/// <summary>A token just created: the only time its value is shown.</summary>
public sealed record CreatedAccessToken(string Token, AccessTokenView AccessToken);

public sealed class CreatedAccessTokenGraphType : ObjectGraphType<CreatedAccessToken>
{
    public CreatedAccessTokenGraphType()
    {
        Name = "CreatedAccessToken";
        Description = "A personal access token just created, with its value: the only time the value is shown.";
        Field(x => x.Token)
            .Description("Send as 'Authorization: Bearer <token>'. Shown once: store it now.");
        Field(x => x.AccessToken).Description("The token as it will be listed from now on, without its value.");
    }
}

/// <summary>The signed-in caller.</summary>
public sealed class ViewerGraphType : ObjectGraphType<PersonView>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Description = "Whoever sends the request, as they see themselves.";
        Field<NonNullGraphType<PersonGraphType>>("person").Description("The caller's own profile, email address included.").Resolve(c => c.Source);
        Field(x => x.IsAdministrator).Description("Whether the caller administers the installation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessTokenGraphType>>>>("accessTokens").Description("The caller's personal access tokens that still work, without their values.")
            .ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.Id).GetAccessTokensAsync(c.Caller()));
        Field<NonNullGraphType<InstallationViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do across the installation (administration), by the rules those mutations apply.")
            .Resolve(c => InstallationRules.Permissions(c.Caller()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaItemGraphType>>>>("agenda")
            .Description("What waits for the caller across their dialogues, soonest first: meetings ahead, invitations to answer, notes to approve, expert exchanges at their step, their open action items, their city's milestones due soon; for the secretariat drafts, meetings without co-chairs and refused invitations; for administrators failed mail. Only ever what the caller may see.")
            .Argument<StringGraphType>("language", "The language of titles that exist in several (ar, en or fr); the caller's preferred language when omitted.")
            .ResolveAsync(async c => await c.Grains().GetGrain<IAgendaGrain>(0).GetAsync(
                c.Caller(), Language.IsSupported(c.GetArgument<string?>("language")) ? c.GetArgument<string>("language") : c.Source.Profile.PreferredLanguage));
    }
}
