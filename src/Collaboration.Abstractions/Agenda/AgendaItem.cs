namespace Collaboration.Agenda;

/// <summary>What kind of thing waits for a person on their home page.</summary>
public enum AgendaItemKind
{
    /// <summary>A meeting ahead that they take part in (accepted, tentative, waitlisted, or named on it).</summary>
    UpcomingMeeting,

    /// <summary>An invitation they have not answered yet, to a meeting that can still be answered.</summary>
    PendingInvitation,

    /// <summary>For a focal point: a meeting ahead their state is invited to whose delegation they have not nominated.</summary>
    NominateDelegation,

    /// <summary>Notes they co-chaired whose sessions are all closed and that they have not approved.</summary>
    NotesToApprove,

    /// <summary>An expert exchange whose next step is theirs.</summary>
    ExpertExchange,

    /// <summary>An action item they own that is open or in progress.</summary>
    ActionItem,

    /// <summary>A milestone of a partnership of their city, due soon or overdue and not reached.</summary>
    Milestone,

    /// <summary>For the secretariat: a draft meeting not yet scheduled.</summary>
    DraftMeeting,

    /// <summary>For the secretariat: a meeting ahead with no co-chairs.</summary>
    MeetingWithoutCoChairs,

    /// <summary>For the secretariat: a meeting with invitations the mail server refused.</summary>
    UndeliveredInvitations,

    /// <summary>For administrators: an outgoing message given up after its retries.</summary>
    FailedMessage,
}

/// <summary>What the person is expected to do with an agenda item (each one a mutation, or being there).</summary>
public enum AgendaAction
{
    Attend,
    RespondToInvitation,
    ApproveNotes,
    SubmitExchange,
    EndorseExchange,
    ReviewExchange,
    GiveOpinion,
    ApproveOrRejectExchange,
    ConfirmHost,
    ScheduleExchange,
    CompleteExchange,
    EvaluateExchange,
    CompleteActionItem,
    UpdateMilestone,
    ScheduleMeeting,
    SetCoChairs,
    CheckInvitations,
    RetryMessage,
    NominateDelegates,
}

/// <summary>
/// One thing that waits for a person: what it is, the object it concerns (and the object holding it: the
/// working group of an action item, the partnership of a milestone), its title in the person's language, when
/// it is due (an instant, or a day for things due on a date) and what they are expected to do.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.agenda-item")]
public sealed record AgendaItem(
    [property: Id(0)] AgendaItemKind Kind,
    [property: Id(1)] AgendaAction Action,
    [property: Id(2)] string ObjectId,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] string? DialogueKey,
    [property: Id(5)] string Title,
    [property: Id(6)] DateTimeOffset? DueAt,
    [property: Id(7)] DateOnly? DueDate,
    [property: Id(8)] bool Overdue);

/// <summary>
/// A person's agenda: what waits for them across their dialogues, gathered from each dialogue's indexes
/// (meeting catalog, exchange index, working-group index, city index) and, for administrators, the outbox.
/// Each index answers with its own rules, so an item is only ever something the person may see and do.
/// </summary>
[Alias("collaboration.agenda")]
public interface IAgendaGrain : IGrainWithIntegerKey
{
    /// <summary>The caller's own agenda, titles in <paramref name="language"/> where an object has several, soonest first.</summary>
    [Alias("get")]
    Task<IReadOnlyList<AgendaItem>> GetAsync(Caller caller, string language);
}
