using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class PersonType : ObjectGraphType<PersonView>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A person who signs in: secretariat staff, a delegate, a focal point, an expert, a city official.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Profile.Name);
        Field<StringGraphType>("email")
            .Description("Shown to the person themself and to administrators (the secretariat reads members' addresses on Member.email).")
            .Resolve(c => c.Parent?.ParentType.Name == "Viewer"
                || (c.OptionalCaller() is { } caller && (caller.IsAdministrator || caller.PersonId == c.Source.Id))
                    ? c.Source.Profile.Email
                    : null);
        Field<NonNullGraphType<StringGraphType>>("preferredLanguage").Resolve(c => c.Source.Profile.PreferredLanguage);
        Field<StringGraphType>("organisation").Resolve(c => c.Source.Profile.Organisation);
        Field<StringGraphType>("jobTitle").Resolve(c => c.Source.Profile.JobTitle);
        Field<StringGraphType>("timeZone").Resolve(c => c.Source.Profile.TimeZone);
        Field<NonNullGraphType<BooleanGraphType>>("isAdministrator").Resolve(c => c.Source.IsAdministrator);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
    }
}

public sealed class AccessTokenType : ObjectGraphType<AccessTokenView>
{
    public AccessTokenType()
    {
        Name = "AccessToken";
        Description = "A personal access token as listed: never its value.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
    }
}

/// <summary>A token just created: the only time its value is shown.</summary>
public sealed record CreatedAccessToken(string Token, AccessTokenView AccessToken);

public sealed class CreatedAccessTokenType : ObjectGraphType<CreatedAccessToken>
{
    public CreatedAccessTokenType()
    {
        Name = "CreatedAccessToken";
        Field<NonNullGraphType<StringGraphType>>("token")
            .Description("Send as 'Authorization: Bearer <token>'. Shown once: store it now.")
            .Resolve(c => c.Source.Token);
        Field<NonNullGraphType<AccessTokenType>>("accessToken").Resolve(c => c.Source.AccessToken);
    }
}

/// <summary>The signed-in caller.</summary>
public sealed class ViewerType : ObjectGraphType<PersonView>
{
    public ViewerType()
    {
        Name = "Viewer";
        Field<NonNullGraphType<PersonType>>("person").Resolve(c => c.Source);
        Field<NonNullGraphType<BooleanGraphType>>("isAdministrator").Resolve(c => c.Source.IsAdministrator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessTokenType>>>>("accessTokens")
            .ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.Id).GetAccessTokensAsync(c.Caller()));
    }
}
