namespace Collaboration.Meetings;

/// <summary>Meeting settings of the installation (configuration section <c>Meetings</c>).</summary>
public sealed class MeetingSettings
{
    public const string Section = "Meetings";

    /// <summary>
    /// How long before a meeting its participants are reminded; unset means 7 days and 1 day (configuration
    /// binding adds to a list it finds filled, so the default lives in <see cref="ReminderOffsets"/>).
    /// </summary>
    public TimeSpan[]? Reminders { get; set; }

    /// <summary>
    /// Whether meetings keep an event in the secretariat's calendar (set by the host when Microsoft Graph is
    /// configured): every scheduled, changed or cancelled meeting queues a calendar sync in the outbox.
    /// </summary>
    public bool SecretariatCalendar { get; set; }

    public IReadOnlyList<TimeSpan> ReminderOffsets => Reminders ?? [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
}
