namespace Collaboration.Dialogues;

/// <summary>
/// The settings of a dialogue that the secretariat edits: its working languages, the regional groups of its
/// partner states, its pillars or themes, how many co-chairs a meeting has (1–3), whether its co-chair rule is
/// strict (refused rather than warned about, and no meeting scheduled without its co-chairs) and, optionally,
/// the pairing of two regional groups its co-chairs come from (the MTM pairs one European with one Arab state).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.dialogue-settings")]
public sealed record DialogueSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> WorkingLanguages,
    [property: Id(2)] IReadOnlyList<string> RegionalGroups,
    [property: Id(3)] string? Description = null,
    [property: Id(4)] IReadOnlyList<string>? Pillars = null,
    [property: Id(5)] int CoChairsPerMeeting = 2,
    [property: Id(6)] bool StrictCoChairBalance = false,
    [property: Id(7)] IReadOnlyList<string>? Topics = null,
    [property: Id(8)] IReadOnlyList<string>? CoChairPairing = null);

/// <summary>
/// A partner state: ISO 3166-1 alpha-2 code, name, the year it joined, its regional group, and its name in
/// the dialogue's other languages (Maroc, المغرب), which the notes' attribution guard looks for too.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.partner-state")]
public sealed record PartnerState(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int? YearJoined,
    [property: Id(3)] string RegionalGroup,
    [property: Id(4)] IReadOnlyList<string>? OtherNames = null);

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
/// points and delegates, an agency or observer organisation, a city). A city is one of the dialogue's
/// City-to-City cities: <see cref="CityId"/> names it and <see cref="City"/> holds its name. Memberships
/// stored before cities were chosen hold only the name someone typed; the dialogue ties it to its city of that
/// name when there is one, and otherwise keeps showing the text.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.membership")]
public sealed record Membership(
    [property: Id(0)] IReadOnlyList<DialogueRole> Roles,
    [property: Id(1)] string? PartnerStateCode = null,
    [property: Id(2)] string? OrganisationKey = null,
    [property: Id(3)] string? City = null,
    [property: Id(4)] string? CityId = null)
{
    /// <summary>Whether the membership represents this city (by id, or by the name an older membership typed).</summary>
    public bool Represents(string cityId, string cityName) =>
        CityId is { } id ? id == cityId : string.Equals(City, cityName, StringComparison.OrdinalIgnoreCase);
}

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

/// <summary>One line of a CSV import of people and their affiliations.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.member-import-row")]
public sealed record MemberImportRow(
    [property: Id(0)] int Line,
    [property: Id(1)] PersonProfile Person,
    [property: Id(2)] Membership Membership);

/// <summary>
/// A line of an import that cannot be taken, and why: in English, and as a stable reason key with the values its
/// sentence takes (as a refused field has), so clients say it in the user's language.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.import-problem")]
public sealed record ImportProblem(
    [property: Id(0)] int Line,
    [property: Id(1)] string? Field,
    [property: Id(2)] string Message,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Values = null);

/// <summary>What an import did (or, on a dry run, would do): every problem, or how many people it took.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.import-report")]
public sealed record ImportReport(
    [property: Id(0)] bool DryRun,
    [property: Id(1)] IReadOnlyList<ImportProblem> Problems,
    [property: Id(2)] int Imported);
