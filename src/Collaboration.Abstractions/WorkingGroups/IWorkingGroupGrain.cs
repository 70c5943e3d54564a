namespace Collaboration.WorkingGroups;

/// <summary>
/// A standing working group of a dialogue (keyed <c>{dialogue}/{group}</c>) and every rule about it: the
/// secretariat creates and changes it; its chairs and the secretariat keep its series, documents and action
/// items; every member of the dialogue may read it.
/// </summary>
[Alias("collaboration.working-group")]
public interface IWorkingGroupGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<WorkingGroupView> CreateAsync(Caller caller, WorkingGroupDetails details);

    [Alias("get")]
    Task<WorkingGroupView> GetAsync(Caller caller);

    /// <summary>
    /// Changes what <paramref name="given"/> names (everything when null) of the name, mandate, members and
    /// chairs (secretariat); the rest stays. Every bad field is reported at once.
    /// </summary>
    [Alias("update")]
    Task<WorkingGroupView> UpdateAsync(Caller caller, WorkingGroupDetails details, int expectedVersion, IReadOnlyList<string>? given = null);

    /// <summary>
    /// Sets the meeting series, or changes what <paramref name="given"/> names of it (everything when null;
    /// the rest stays) (chairs or secretariat). Every bad field is reported at once.
    /// </summary>
    [Alias("set-series")]
    Task<WorkingGroupView> SetSeriesAsync(Caller caller, MeetingSeries series, int expectedVersion, IReadOnlyList<string>? given = null);

    /// <summary>
    /// Makes the next <paramref name="count"/> occurrences of the series that are not meetings yet into
    /// scheduled meetings, with the group's members invited (secretariat). Safe to repeat.
    /// </summary>
    [Alias("schedule-occurrences")]
    Task<WorkingGroupView> ScheduleOccurrencesAsync(Caller caller, int count, string? idempotencyKey = null);

    [Alias("add-document")]
    Task<WorkingGroupView> AddDocumentAsync(Caller caller, string title, string url, string? idempotencyKey = null);

    /// <summary>Adds an action item with an owner from the group and a due date (chairs or secretariat).</summary>
    [Alias("add-action-item")]
    Task<WorkingGroupView> AddActionItemAsync(Caller caller, ActionItemInput item, string? idempotencyKey = null);

    /// <summary>
    /// Changes an action item's title, owner (a member of the group) and due date (chairs or secretariat), at the
    /// group's version the caller saw (CONFLICT when stale). Every bad field is reported at once; a due date may
    /// stay as it was even when it has passed, but a new one must not be in the past. Its status stays.
    /// </summary>
    [Alias("update-action-item")]
    Task<WorkingGroupView> UpdateActionItemAsync(Caller caller, string itemId, ActionItemInput item, int expectedVersion);

    /// <summary>
    /// Moves an action item: Open → InProgress → Done by its owner, chairs or secretariat; Cancelled and back to
    /// Open only by chairs or secretariat. Anything else is INVALID_STATE.
    /// </summary>
    [Alias("set-action-item-status")]
    Task<WorkingGroupView> SetActionItemStatusAsync(Caller caller, string itemId, ActionItemStatus status, int expectedVersion);

    /// <summary>Shows a person's current name (read from their profile) as chair and as owner of action items.</summary>
    [Alias("refresh-person")]
    Task RefreshPersonAsync(string personId);

    /// <summary>Forgets an erased person (administrators): no longer a member or chair; their action items stay, owned by "Erased person".</summary>
    [Alias("erase-person")]
    Task ErasePersonAsync(Caller caller, string personId);
}

/// <summary>A dialogue's working groups as summaries (keyed by the dialogue key).</summary>
[Alias("collaboration.working-group-index")]
public interface IWorkingGroupIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(WorkingGroupSummary summary);

    [Alias("list")]
    Task<IReadOnlyList<WorkingGroupSummary>> ListAsync();

    /// <summary>The open and in-progress action items the caller owns in the dialogue's groups, for their agenda.</summary>
    [Alias("agenda")]
    Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller);
}
