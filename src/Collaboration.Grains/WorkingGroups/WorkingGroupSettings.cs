namespace Collaboration.WorkingGroups;

/// <summary>Working-group settings of the installation (configuration section <c>WorkingGroups</c>).</summary>
public sealed class WorkingGroupSettings
{
    public const string Section = "WorkingGroups";

    /// <summary>How long before its due date an open action item's owner is reminded.</summary>
    public TimeSpan ActionItemReminder { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often a group with open action items looks for ones to remind.</summary>
    public TimeSpan ActionItemCheck { get; set; } = TimeSpan.FromHours(1);
}
