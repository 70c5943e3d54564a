namespace Collaboration.Mail;

/// <summary>How the outbox retries (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxSettings
{
    public const string Section = "Outbox";

    /// <summary>How often a pending message's reminder wakes it; back-off doubles from here.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After how long an undelivered message is given up as Failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);
}
