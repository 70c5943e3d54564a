using Collaboration.Meetings;

namespace Collaboration.WorkingGroups;

/// <summary>
/// What the secretariat sets about a standing working group (e.g. a Silk Routes working group): its name
/// and mandate, who belongs (partner states, agencies and observers, individual people) and who chairs it.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-group-details")]
public sealed record WorkingGroupDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Mandate,
    [property: Id(2)] IReadOnlyList<string> PartnerStateCodes,
    [property: Id(3)] IReadOnlyList<string> OrganisationKeys,
    [property: Id(4)] IReadOnlyList<string> PersonIds,
    [property: Id(5)] IReadOnlyList<string> ChairIds);

/// <summary>
/// The group's meeting series: an iCalendar recurrence rule (RFC 5545 RRULE, e.g.
/// <c>FREQ=MONTHLY;BYDAY=2TU</c>) from a first local start in a time zone, each occurrence lasting the same,
/// held in one place. Occurrences become real meetings when the secretariat schedules them.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-series")]
public sealed record MeetingSeries(
    [property: Id(0)] string RecurrenceRule,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] DateTime FirstStartsLocal,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] string HostCountry,
    [property: Id(5)] string City,
    [property: Id(6)] string? Venue,
    [property: Id(7)] MeetingFormat Format = MeetingFormat.Online,
    [property: Id(8)] string? OnlineMeetingUrl = null);

/// <summary>An occurrence of the series that is a real meeting now.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.series-occurrence")]
public sealed record SeriesOccurrence([property: Id(0)] DateTime StartsLocal, [property: Id(1)] string MeetingId);

public enum ActionItemStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// An action item of a working group. <see cref="Overdue"/> and <see cref="ViewerMayMoveTo"/> (the statuses the
/// caller may move it to now) are filled in when the group is read; storage holds neither.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.action-item")]
public sealed record ActionItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string OwnerId,
    [property: Id(3)] string OwnerName,
    [property: Id(4)] DateOnly DueDate,
    [property: Id(5)] ActionItemStatus Status,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] bool Reminded = false,
    [property: Id(8)] bool Overdue = false,
    [property: Id(9)] IReadOnlyList<ActionItemStatus>? ViewerMayMoveTo = null,
    [property: Id(10)] Outcomes.OutcomeReference? Source = null);

[GenerateSerializer, Immutable, Alias("collaboration.action-item-input")]
public sealed record ActionItemInput(
    [property: Id(0)] string Title,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] DateOnly DueDate,
    [property: Id(3)] Outcomes.OutcomeReference? Source = null);

[GenerateSerializer, Immutable, Alias("collaboration.group-document")]
public sealed record GroupDocument([property: Id(0)] string Id, [property: Id(1)] string Title, [property: Id(2)] string Url, [property: Id(3)] DateTimeOffset AddedAt);

/// <summary>A working group as a member of its dialogue sees it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-group-view")]
public sealed record WorkingGroupView(
    [property: Id(0)] string Id,
    [property: Id(1)] string DialogueKey,
    [property: Id(2)] WorkingGroupDetails Details,
    [property: Id(3)] IReadOnlyList<MeetingPerson> Chairs,
    [property: Id(4)] MeetingSeries? Series,
    [property: Id(5)] IReadOnlyList<SeriesOccurrence> Occurrences,
    [property: Id(6)] IReadOnlyList<ActionItem> ActionItems,
    [property: Id(7)] IReadOnlyList<GroupDocument> Documents,
    [property: Id(8)] int Version,
    [property: Id(9)] bool ViewerMayManage,
    [property: Id(10)] WorkingGroupPermissions? Permissions = null);

/// <summary>What the caller may do with a working group now, by the rules its mutations apply.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-group-permissions")]
public sealed record WorkingGroupPermissions(
    [property: Id(0)] bool Update,
    [property: Id(1)] bool SetSeries,
    [property: Id(2)] bool ScheduleMeetings,
    [property: Id(3)] bool AddDocument,
    [property: Id(4)] bool AddActionItem);

/// <summary>
/// A group as its dialogue's index holds it: enough to list groups and to find a person's groups (for the
/// calendar feed) and their open action items (for their agenda) without activating each one.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.working-group-summary")]
public sealed record WorkingGroupSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> PartnerStateCodes,
    [property: Id(3)] IReadOnlyList<string> OrganisationKeys,
    [property: Id(4)] IReadOnlyList<string> PersonIds,
    [property: Id(5)] IReadOnlyList<string> ChairIds,
    [property: Id(6)] MeetingSeries? Series,
    [property: Id(7)] IReadOnlyList<DateTime> ScheduledStartsLocal,
    [property: Id(8)] int Version,
    [property: Id(9)] IReadOnlyList<ActionItem>? OpenActionItems = null)
{
    /// <summary>Whether a member of the dialogue belongs to the group: named, chairing, or through their state or organisation.</summary>
    public bool Includes(string personId, Membership? membership) =>
        PersonIds.Contains(personId) || ChairIds.Contains(personId)
        || (membership?.PartnerStateCode is { } state && PartnerStateCodes.Contains(state))
        || (membership?.OrganisationKey is { } organisation && OrganisationKeys.Contains(organisation));
}
