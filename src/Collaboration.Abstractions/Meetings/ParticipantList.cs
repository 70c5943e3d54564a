namespace Collaboration.Meetings;

/// <summary>What a person is in a meeting, beyond being invited.</summary>
public enum MeetingRole
{
    CoChair,
    Rapporteur,
    Moderator,
}

/// <summary>
/// One person of a meeting's participant list: whom they represent, their roles, where their invitation
/// stands (null for an organiser who was never invited) and whether they take part (co-chairs, rapporteurs and
/// those who accepted: the attendance sheet's rows).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.participant-row")]
public sealed record ParticipantRow(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Affiliation,
    [property: Id(3)] string? RegionalGroup,
    [property: Id(4)] IReadOnlyList<MeetingRole> Roles,
    [property: Id(5)] InvitationStatus? Status,
    [property: Id(6)] DateTimeOffset? RespondedAt,
    [property: Id(7)] bool TakesPart);

/// <summary>
/// A meeting's participants for the secretariat's exports (the participant list and the attendance sheet):
/// the meeting's titles, its dates on the host city's clock, its place, and everyone it names.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.participant-list")]
public sealed record ParticipantList(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string DialogueName,
    [property: Id(2)] IReadOnlyList<LocalizedText> Titles,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DateTime StartsLocal,
    [property: Id(5)] DateTime EndsLocal,
    [property: Id(6)] string? Venue,
    [property: Id(7)] string City,
    [property: Id(8)] string HostCountry,
    [property: Id(9)] IReadOnlyList<ParticipantRow> Rows)
{
    /// <summary>The title in a language, else in the meeting's first language.</summary>
    public string TitleIn(string language) => (Titles.FirstOrDefault(t => t.Language == language) ?? Titles[0]).Text;
}

/// <summary>
/// What an invitation's answer link shows before anything is recorded: the meeting (titles, dates on the host
/// city's clock, place), the invitee's name and language, and where their invitation stands. When the
/// invitation can no longer be answered (the meeting was cancelled, say), the problem says why: a reason key
/// to translate and the English message.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.invitation-link-preview")]
public sealed record InvitationLinkPreview(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] IReadOnlyList<LocalizedText> Titles,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTime StartsLocal,
    [property: Id(4)] DateTime EndsLocal,
    [property: Id(5)] string? Venue,
    [property: Id(6)] string City,
    [property: Id(7)] string HostCountry,
    [property: Id(8)] string InviteeName,
    [property: Id(9)] string Language,
    [property: Id(10)] InvitationStatus Status,
    [property: Id(11)] int? WaitlistPosition,
    [property: Id(12)] string? ProblemReason = null,
    [property: Id(13)] string? ProblemMessage = null)
{
    /// <summary>The title in a language, else in the meeting's first language.</summary>
    public string TitleIn(string language) => (Titles.FirstOrDefault(t => t.Language == language) ?? Titles[0]).Text;
}
