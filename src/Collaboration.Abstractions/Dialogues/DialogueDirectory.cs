namespace Collaboration.Dialogues;

/// <summary>The settings of a dialogue that the secretariat edits.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.dialogue-settings")]
public sealed record DialogueSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> WorkingLanguages,
    [property: Id(2)] IReadOnlyList<string> RegionalGroups,
    [property: Id(3)] string? Description = null);

/// <summary>A partner state: ISO 3166-1 alpha-2 code, name, the year it joined and its regional group.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.partner-state")]
public sealed record PartnerState(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int? YearJoined,
    [property: Id(3)] string RegionalGroup);

/// <summary>
/// An organisation in the directory: a partner agency (Europol, IOM, UNHCR…) or an observer (League of Arab
/// States…). <see cref="Key"/> is a short lower-case identifier such as <c>unhcr</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.organisation")]
public sealed record Organisation(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Acronym,
    [property: Id(3)] int? YearJoined);

/// <summary>
/// A person's place in a dialogue: the roles they hold and whom they represent (a partner state for focal
/// points and delegates, an agency or observer organisation, a city).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.membership")]
public sealed record Membership(
    [property: Id(0)] IReadOnlyList<DialogueRole> Roles,
    [property: Id(1)] string? PartnerStateCode = null,
    [property: Id(2)] string? OrganisationKey = null,
    [property: Id(3)] string? City = null);

/// <summary>A member of a dialogue: the person's id and their membership.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.member")]
public sealed record Member([property: Id(0)] string PersonId, [property: Id(1)] Membership Membership);

/// <summary>A dialogue as a member sees it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.dialogue-view")]
public sealed record DialogueView(
    [property: Id(0)] string Key,
    [property: Id(1)] DialogueSettings Settings,
    [property: Id(2)] IReadOnlyList<PartnerState> PartnerStates,
    [property: Id(3)] IReadOnlyList<Organisation> PartnerAgencies,
    [property: Id(4)] IReadOnlyList<Organisation> Observers,
    [property: Id(5)] IReadOnlyList<Member> Members,
    [property: Id(6)] int Version);
