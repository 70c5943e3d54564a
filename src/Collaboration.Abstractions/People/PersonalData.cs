namespace Collaboration.People;

/// <summary>What the person grain holds about someone, for an export of their personal data: never a token's value.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.personal-record")]
public sealed record PersonalRecord(
    [property: Id(0)] string PersonId,
    [property: Id(1)] PersonProfile Profile,
    [property: Id(2)] bool IsAdministrator,
    [property: Id(3)] IReadOnlyList<AccessTokenView> AccessTokens,
    [property: Id(4)] bool HasCalendarFeed);

/// <summary>One meeting in an export of someone's personal data.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-personal-record")]
public sealed record MeetingPersonalRecord(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] string Status,
    [property: Id(4)] string? InvitationStatus,
    [property: Id(5)] IReadOnlyList<string> Roles,
    [property: Id(6)] Meetings.RegistrationForm? Registration = null);

/// <summary>How an erased person appears where a record of them must stay (an invitation, an action item, an audit trail).</summary>
public static class ErasedPerson
{
    public const string Name = "Erased person";

    /// <summary>The person with their name, affiliation and group replaced when it is the erased one.</summary>
    public static Meetings.MeetingPerson Without(this Meetings.MeetingPerson person, string erasedId) =>
        person.PersonId == erasedId ? person with { Name = Name, Affiliation = null, RegionalGroup = null } : person;

    /// <summary>An audit entry with the erased person's id and name gone.</summary>
    public static Meetings.AuditEntry Without(this Meetings.AuditEntry entry, string erasedId, string name) => entry with
    {
        PersonId = entry.PersonId == erasedId ? "" : entry.PersonId,
        Summary = name.Length > 0 ? entry.Summary.Replace(name, Name, StringComparison.Ordinal) : entry.Summary,
    };
}
