namespace Collaboration.Mail;

/// <summary>What an iTIP/iMIP message does with a meeting in the recipient's calendar.</summary>
public enum CalendarMethod
{
    /// <summary>Adds or updates the meeting (RFC 5546 REQUEST).</summary>
    Request,

    /// <summary>Removes the meeting (RFC 5546 CANCEL).</summary>
    Cancel,
}

/// <summary>
/// A meeting invitation as of one revision: everything an iCalendar REQUEST or CANCEL carries. The UID is
/// stable per meeting; the sequence is the meeting's revision.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.calendar-invitation")]
public sealed record CalendarInvitation(
    [property: Id(0)] CalendarMethod Method,
    [property: Id(1)] string Uid,
    [property: Id(2)] int Sequence,
    [property: Id(3)] string Title,
    [property: Id(4)] string Description,
    [property: Id(5)] string Location,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] DateTimeOffset StartsAt,
    [property: Id(8)] DateTimeOffset EndsAt,
    [property: Id(9)] string AttendeeEmail,
    [property: Id(10)] string AttendeeName,
    [property: Id(11)] string ParticipationStatus,
    [property: Id(12)] string? CancellationReason,
    [property: Id(13)] bool IsUpdate = false,
    [property: Id(14)] string? RsvpToken = null,
    [property: Id(15)] string? MeetingId = null,
    [property: Id(16)] string? OnlineMeetingUrl = null);

/// <summary>What a meeting notice tells an invitee.</summary>
public enum NoticeKind
{
    /// <summary>A place freed and the invitee moved from the waitlist to the participants.</summary>
    PromotedFromWaitlist,

    /// <summary>The meeting is coming up.</summary>
    Reminder,

    /// <summary>The recipient's state is invited: as its focal point, they nominate the delegation.</summary>
    NominationRequested,
}

/// <summary>A short notice about a meeting, written in the recipient's language when it is sent.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-notice")]
public sealed record MeetingNotice(
    [property: Id(0)] NoticeKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string Location,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] string? OnlineMeetingUrl = null);

/// <summary>
/// One message waiting in the durable outbox: to whom, in which language, and either a composed text or a
/// calendar invitation. Its id makes delivery idempotent (it becomes the Message-ID). With
/// <see cref="SecretariatCalendar"/> it is no mail but a calendar operation: bring the meeting's event in the
/// secretariat's calendar (Microsoft Graph) up to the meeting's state at delivery time.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.outbox-item")]
public sealed record OutboxItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string To,
    [property: Id(2)] string ToName,
    [property: Id(3)] string Language,
    [property: Id(4)] CalendarInvitation? Invitation,
    [property: Id(5)] string? Subject = null,
    [property: Id(6)] string? TextBody = null,
    [property: Id(7)] MeetingNotice? Notice = null,
    [property: Id(8)] string? HtmlBody = null,
    [property: Id(9)] string? MeetingId = null,
    [property: Id(10)] string? PersonId = null,
    [property: Id(11)] bool SecretariatCalendar = false);

/// <summary>The receiving server refused the message for good (an unknown mailbox, say): retrying cannot help.</summary>
public sealed class UndeliverableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The other side asked us to come back later (HTTP 429 or 503 with Retry-After): the outbox waits at least that long.</summary>
public sealed class RetryLaterException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>Where one outbox message stands, as the secretariat sees it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.outbox-entry")]
public sealed record OutboxEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string To,
    [property: Id(2)] string Description,
    [property: Id(3)] OutboxStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? NextAttemptAt,
    [property: Id(7)] string? LastError);

/// <summary>Delivers one outbox message (SMTP through MailKit, or the pickup folder). Throws when it could not.</summary>
public interface IMailTransport
{
    Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken = default);
}

/// <summary>
/// One outgoing message (keyed by its id): recorded before the change that caused it is acknowledged,
/// delivered with retries and growing back-off through an Orleans reminder (so retries survive restarts),
/// and given up into a visible Failed state after a configurable age. Enqueuing twice is harmless.
/// </summary>
[Alias("collaboration.outbox")]
public interface IOutboxGrain : IGrainWithStringKey
{
    [Alias("enqueue")]
    Task EnqueueAsync(OutboxItem item);

    /// <summary>Tries delivery now, after the caller has moved on (the outbox calls it on itself).</summary>
    [Alias("attempt"), Orleans.Concurrency.OneWay]
    Task AttemptAsync();

    /// <summary>Sends a failed message again (administrators).</summary>
    [Alias("retry")]
    Task<OutboxEntry> RetryAsync(Caller caller);
}

/// <summary>The outbox's messages that are not sent yet or failed, for the secretariat (a single grain, key 0).</summary>
[Alias("collaboration.outbox-index")]
public interface IOutboxIndexGrain : IGrainWithIntegerKey
{
    [Alias("record")]
    Task RecordAsync(OutboxEntry entry);

    /// <summary>Messages not yet sent or failed; administrators only.</summary>
    [Alias("list")]
    Task<IReadOnlyList<OutboxEntry>> ListAsync(Caller caller);

    /// <summary>The failed messages, for an administrator's agenda (to retry); nothing for anyone else.</summary>
    [Alias("agenda")]
    Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller);
}
