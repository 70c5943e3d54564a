namespace Collaboration.Server.GraphQL;

/// <summary>
/// Descriptions of the schema's parts that mean the same wherever they appear (a dialogue's key, an expected
/// version, a meeting's id), written once so that GraphiQL and generated clients say the same thing everywhere.
/// </summary>
public static class Describe
{
    public const string DialogueKey = "The dialogue's key: the short lower-case name it was created with, e.g. mtm.";

    public const string ExpectedVersion =
        "The version you last read. When someone changed it since, nothing changes and the answer is CONFLICT: read again, then retry.";

    public const string Version = "Grows with every change; send it back as expectedVersion, so that no change is silently overwritten.";

    public const string MeetingId = "The meeting's id, \"{dialogue key}/{meeting}\", as Meeting.id gives it.";

    public const string WorkingGroupId = "The working group's id, \"{dialogue key}/{group key}\", as WorkingGroup.id gives it.";

    public const string ExchangeId = "The expert exchange's id, as ExpertExchange.id gives it.";

    public const string CityId = "The city's id, \"{dialogue key}/{city key}\", as City.id gives it.";

    public const string PartnershipId = "The partnership's id, as CityPartnership.id gives it.";

    public const string PartnerStateCode = "A partner state's ISO 3166-1 alpha-2 code, e.g. MA for Morocco.";

    public const string PersonId = "A person's id, as Person.id or Member.personId gives it.";

    public const string OrganisationKey = "A partner agency's or observer's key in the dialogue's directory, e.g. unhcr.";

    public const string Language = "A working language: ar, en or fr.";

    public const string LocalDateTime = "A date and time on the clock of the place it happens, without an offset, e.g. 2012-05-22T09:00.";

    public const string Date = "A date, e.g. 2026-12-15.";

    public const string TimeZone = "An IANA time zone, e.g. Europe/Malta.";

    public const string ViewerMayEdit = "Whether the caller may change it.";
}
