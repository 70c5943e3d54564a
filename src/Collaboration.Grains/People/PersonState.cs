namespace Collaboration.People;

/// <summary>What a person grain stores.</summary>
[GenerateSerializer, Alias("collaboration.person-state")]
public sealed class PersonState
{
    [Id(0)] public PersonProfile? Profile { get; set; }
    [Id(1)] public bool IsAdministrator { get; set; }
    [Id(2)] public List<StoredAccessToken> AccessTokens { get; set; } = [];
    [Id(3)] public int Version { get; set; }
    [Id(4)] public string? CalendarFeedHash { get; set; }
}

/// <summary>A listed access token: its hash lets the owner revoke it; its value is never stored.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.stored-access-token")]
public sealed record StoredAccessToken(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TokenHash,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);
