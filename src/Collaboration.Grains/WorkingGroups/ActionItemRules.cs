namespace Collaboration.WorkingGroups;

/// <summary>
/// Who moves an action item where: Open → InProgress → Done by its owner, the group's chairs or the secretariat
/// (its managers); Cancelled, and back to Open, by the managers only. The group's mutation, the item's
/// viewerMayMoveTo and the owner's agenda all ask here.
/// </summary>
public static class ActionItemRules
{
    /// <summary>FORBIDDEN when the caller may not make the move, whatever the item's state; null when they may.</summary>
    public static CollaborationException? RoleRefusal(ActionItem item, ActionItemStatus to, bool manager, string personId)
    {
        if (!manager && item.OwnerId != personId)
            return CollaborationException.Forbidden("Only the owner, the group's chairs or the secretariat move an action item.");
        if (IsManagerOnly(item.Status, to) && !manager)
            return CollaborationException.Forbidden($"Only the group's chairs or the secretariat make an action item {to}.");
        return null;
    }

    /// <summary>INVALID_STATE when the item cannot go from its status to <paramref name="to"/>; null when it can.</summary>
    public static CollaborationException? StateRefusal(ActionItem item, ActionItemStatus to) =>
        IsManagerOnly(item.Status, to)
        || (item.Status, to) is (ActionItemStatus.Open, ActionItemStatus.InProgress) or (ActionItemStatus.Open or ActionItemStatus.InProgress, ActionItemStatus.Done)
            ? null
            : CollaborationException.InvalidState($"An action item that is {item.Status} cannot become {to}.");

    /// <summary>The statuses the caller may move the item to now.</summary>
    public static IReadOnlyList<ActionItemStatus> MovesFor(ActionItem item, bool manager, string personId) =>
        [.. Enum.GetValues<ActionItemStatus>().Where(to => RoleRefusal(item, to, manager, personId) is null && StateRefusal(item, to) is null)];

    /// <summary>Whether the item still waits for work: open or in progress.</summary>
    public static bool IsOpen(ActionItem item) => item.Status is ActionItemStatus.Open or ActionItemStatus.InProgress;

    private static bool IsManagerOnly(ActionItemStatus from, ActionItemStatus to) =>
        (from is ActionItemStatus.Open or ActionItemStatus.InProgress && to == ActionItemStatus.Cancelled)
        || (from is ActionItemStatus.Cancelled or ActionItemStatus.Done && to == ActionItemStatus.Open);
}
