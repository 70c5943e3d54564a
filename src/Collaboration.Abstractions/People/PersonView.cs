namespace Collaboration.People;

/// <summary>A person as others may see them.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.person-view")]
public sealed record PersonView(
    [property: Id(0)] string Id,
    [property: Id(1)] PersonProfile Profile,
    [property: Id(2)] bool IsAdministrator,
    [property: Id(3)] int Version);

/// <summary>A personal access token as its owner sees it in the list: never its value.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.access-token")]
public sealed record AccessTokenView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt);
