namespace Collaboration.Meetings;

/// <summary>
/// What the caller may do with a meeting now: one flag per mutation (or group of mutations), answered by the
/// same rules that authorize the mutation, the caller's role and the meeting's state both counted. A flag that
/// is true is let through; one that is false is refused (FORBIDDEN, or INVALID_STATE for the state).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-permissions")]
public sealed record MeetingPermissions(
    [property: Id(0)] bool UpdateDetails,
    [property: Id(1)] bool Schedule,
    [property: Id(2)] bool Open,
    [property: Id(3)] bool Conclude,
    [property: Id(4)] bool Cancel,
    [property: Id(5)] bool ManageAgenda,
    [property: Id(6)] bool SetChairs,
    [property: Id(7)] bool SetNotesSettings,
    [property: Id(8)] bool Invite,
    [property: Id(9)] bool WithdrawInvitation,
    [property: Id(10)] bool Respond,
    [property: Id(11)] bool ManageDocuments,
    [property: Id(12)] bool SeeParticipants,
    [property: Id(13)] bool SeeInvitations,
    [property: Id(14)] bool SeeOutbox,
    [property: Id(15)] bool SeeAudit,
    [property: Id(16)] bool ExportParticipants,
    [property: Id(17)] bool Nominate = false,
    [property: Id(18)] bool Register = false)
{
    /// <summary>Nothing at all: for anonymous callers and those who do not see the meeting.</summary>
    public static readonly MeetingPermissions None = new(false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false);
}
