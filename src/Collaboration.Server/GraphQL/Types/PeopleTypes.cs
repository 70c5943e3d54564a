using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class PersonType : ObjectGraphType<PersonView>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A person who signs in: secretariat staff, a delegate, a focal point, an expert, a city official.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person's id, the same in every dialogue.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Their name as they are addressed, e.g. Amina El Idrissi.").Resolve(c => c.Source.Profile.Name);
        Field<StringGraphType>("email")
            .Description("Shown to the person themself and to administrators (the secretariat reads members' addresses on Member.email).")
            .Resolve(c => c.Parent?.ParentType.Name == "Viewer"
                || (c.OptionalCaller() is { } caller && (caller.IsAdministrator || caller.PersonId == c.Source.Id))
                    ? c.Source.Profile.Email
                    : null);
        Field<NonNullGraphType<StringGraphType>>("preferredLanguage").Description("The language mail reaches them in: ar, en or fr.").Resolve(c => c.Source.Profile.PreferredLanguage);
        Field<StringGraphType>("organisation").Description("The ministry, agency or city they work for.").Resolve(c => c.Source.Profile.Organisation);
        Field<StringGraphType>("jobTitle").Description("Their position, e.g. Director of Migration Affairs.").Resolve(c => c.Source.Profile.JobTitle);
        Field<StringGraphType>("timeZone").Description("The IANA time zone they work in, used for scheduling suggestions.").Resolve(c => c.Source.Profile.TimeZone);
        Field<NonNullGraphType<BooleanGraphType>>("isAdministrator").Description("Whether they administer the installation (every dialogue's secretariat).").Resolve(c => c.Source.IsAdministrator);
        Field<NonNullGraphType<IntGraphType>>("version").Description(Describe.Version).Resolve(c => c.Source.Version);
    }
}

public sealed class AccessTokenType : ObjectGraphType<AccessTokenView>
{
    public AccessTokenType()
    {
        Name = "AccessToken";
        Description = "A personal access token as listed: never its value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The token's id, to revoke it.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("What its owner said it is for.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was created.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("When it stops working.").Resolve(c => c.Source.ExpiresAt);
    }
}

/// <summary>A token just created: the only time its value is shown.</summary>
public sealed record CreatedAccessToken(string Token, AccessTokenView AccessToken);

public sealed class CreatedAccessTokenType : ObjectGraphType<CreatedAccessToken>
{
    public CreatedAccessTokenType()
    {
        Name = "CreatedAccessToken";
        Description = "A personal access token just created, with its value: the only time the value is shown.";
        Field<NonNullGraphType<StringGraphType>>("token")
            .Description("Send as 'Authorization: Bearer <token>'. Shown once: store it now.")
            .Resolve(c => c.Source.Token);
        Field<NonNullGraphType<AccessTokenType>>("accessToken").Description("The token as it will be listed from now on, without its value.").Resolve(c => c.Source.AccessToken);
    }
}

/// <summary>The signed-in caller.</summary>
public sealed class ViewerType : ObjectGraphType<PersonView>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "Whoever sends the request, as they see themselves.";
        Field<NonNullGraphType<PersonType>>("person").Description("The caller's own profile, email address included.").Resolve(c => c.Source);
        Field<NonNullGraphType<BooleanGraphType>>("isAdministrator").Description("Whether the caller administers the installation.").Resolve(c => c.Source.IsAdministrator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessTokenType>>>>("accessTokens").Description("The caller's personal access tokens that still work, without their values.")
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
