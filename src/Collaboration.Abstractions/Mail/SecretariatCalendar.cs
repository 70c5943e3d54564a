using Collaboration.Meetings;

namespace Collaboration.Mail;

/// <summary>
/// A meeting as the secretariat's own calendar should hold it: the event to create, update or cancel. It is
/// read from the meeting when the outbox delivers, so a late retry carries the latest state, never an old one.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.secretariat-event")]
public sealed record SecretariatEvent(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] int Revision,
    [property: Id(2)] bool Cancelled,
    [property: Id(3)] string Title,
    [property: Id(4)] string Body,
    [property: Id(5)] string Location,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] DateTimeOffset StartsAt,
    [property: Id(8)] DateTimeOffset EndsAt,
    [property: Id(9)] IReadOnlyList<EventAttendee> Attendees,
    [property: Id(10)] bool TeamsMeeting,
    [property: Id(11)] string? EventId,
    [property: Id(12)] string? CancellationReason,
    [property: Id(13)] string Fingerprint = "")
{
    /// <summary>
    /// The Graph <c>transactionId</c> of the event's creation: the same for every attempt on this meeting, so
    /// a retried creation whose first answer was lost does not create a second event.
    /// </summary>
    public string TransactionId => TransactionIdOf(MeetingId);

    public static string TransactionIdOf(string meetingId) => new Guid(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(CalendarUid.Of(meetingId))).AsSpan(0, 16)).ToString();
}

[GenerateSerializer, Immutable, Alias("collaboration.event-attendee")]
public sealed record EventAttendee([property: Id(0)] string Email, [property: Id(1)] string Name);

/// <summary>
/// What the secretariat's calendar answered: the event's id there, the Teams join link if it made one, and
/// which state of the meeting it now holds (so a sync that raced a newer one and finished last is followed
/// by another).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.secretariat-event-receipt")]
public sealed record SecretariatEventReceipt(
    [property: Id(0)] string? EventId,
    [property: Id(1)] string? JoinUrl,
    [property: Id(2)] string? Fingerprint = null);

/// <summary>
/// The secretariat's calendar in Microsoft 365 (Microsoft Graph): creates, updates and cancels a meeting's
/// event there. Throws <see cref="RetryLaterException"/> when throttled, any other exception when it failed.
/// </summary>
public interface ISecretariatCalendar
{
    Task<SecretariatEventReceipt> SyncAsync(SecretariatEvent meeting, CancellationToken cancellationToken = default);
}
