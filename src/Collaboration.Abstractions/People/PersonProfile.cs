namespace Collaboration.People;

/// <summary>
/// What a person tells about themself: name, address, language, organisation and the IANA time zone they
/// work in (the scheduling assistant respects their working hours there).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.person-profile")]
public sealed record PersonProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string PreferredLanguage,
    [property: Id(3)] string? Organisation = null,
    [property: Id(4)] string? JobTitle = null,
    [property: Id(5)] string? TimeZone = null);
