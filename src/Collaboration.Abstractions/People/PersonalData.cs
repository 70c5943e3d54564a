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
    [property: Id(5)] IReadOnlyList<string> Roles);
