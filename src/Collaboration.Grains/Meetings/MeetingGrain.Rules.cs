namespace Collaboration.Meetings;

/// <summary>What can be done with a meeting. Each mutation names its action; the viewerMay flags ask about the same ones.</summary>
internal enum MeetingAction
{
    UpdateDetails,
    Schedule,
    Open,
    Conclude,
    Cancel,
    ManageAgenda,
    SetChairs,
    SetNotesSettings,
    Invite,
    WithdrawInvitation,
    Respond,
    ManageDocuments,
    ExportParticipants,
}

/// <summary>
/// Who may do what with the meeting, and in which states: one place decides. A mutation first checks that the
/// caller sees the meeting and holds the role (<see cref="Authorize"/>), then the version it was given, then the
/// meeting's state (<see cref="EnsureState"/>); <see cref="Permissions"/> answers every action with the same
/// two rules, so a flag the app reads is exactly what the mutation will let through.
/// </summary>
public sealed partial class MeetingGrain
{
    private static readonly MeetingStatus[] NotOver = [MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress];

    /// <summary>NOT_FOUND for a caller who does not see the meeting; FORBIDDEN for one who may not take the action.</summary>
    private void Authorize(Caller caller, DialogueView directory, MeetingAction action)
    {
        EnsureVisible(caller, directory);
        if (RoleRefusal(action, AccessOf(caller, directory), caller.PersonId) is { } refusal)
            throw refusal;
    }

    /// <summary>INVALID_STATE when the meeting's state does not allow the action now.</summary>
    private void EnsureState(MeetingAction action, string personId)
    {
        if (StateRefusal(action, personId) is { } refusal)
            throw refusal;
    }

    /// <summary>
    /// Who may take an action: the invitee themself answers their invitation; everything else is the
    /// secretariat's. Null when the caller may.
    /// </summary>
    private CollaborationException? RoleRefusal(MeetingAction action, MeetingAccess access, string personId) => action switch
    {
        MeetingAction.Respond => State.Invitations.Exists(i => i.Invitee.PersonId == personId)
            ? null
            : CollaborationException.Forbidden("You are not invited to this meeting."),
        _ => access.IsSecretariat ? null : CollaborationException.Forbidden("Only the dialogue's secretariat may do this."),
    };

    /// <summary>In which states an action can be taken; null when the meeting's state allows it now.</summary>
    private CollaborationException? StateRefusal(MeetingAction action, string personId) => action switch
    {
        MeetingAction.Schedule => Transition(MeetingStatus.Scheduled, MeetingStatus.Draft),
        MeetingAction.Open => Transition(MeetingStatus.InProgress, MeetingStatus.Scheduled),
        MeetingAction.Conclude => Transition(MeetingStatus.Concluded, MeetingStatus.InProgress),
        MeetingAction.Cancel => Transition(MeetingStatus.Cancelled, NotOver),
        MeetingAction.UpdateDetails => InStatus("change its details", NotOver),
        MeetingAction.ManageAgenda or MeetingAction.SetChairs or MeetingAction.SetNotesSettings => InStatus("change it", NotOver),
        MeetingAction.Invite => InStatus("invite", NotOver),
        MeetingAction.WithdrawInvitation => InStatus("withdraw an invitation", NotOver),
        MeetingAction.ManageDocuments => InStatus("change its documents", [.. NotOver, MeetingStatus.Concluded]),
        MeetingAction.Respond => AnswerRefusal(personId),
        _ => null,
    };

    private CollaborationException? Transition(MeetingStatus to, params MeetingStatus[] from) =>
        from.Contains(State.Status) ? null : CollaborationException.InvalidState($"A meeting that is {State.Status} cannot become {to}.");

    private CollaborationException? InStatus(string what, MeetingStatus[] allowed) =>
        allowed.Contains(State.Status) ? null : CollaborationException.InvalidState($"The meeting is {State.Status}: you can no longer {what}.");

    /// <summary>An invitee answers while the meeting is scheduled or running, unless the secretariat withdrew their invitation.</summary>
    private CollaborationException? AnswerRefusal(string personId)
    {
        if (State.Invitations.Find(i => i.Invitee.PersonId == personId) is { WithdrawnBySecretariat: true })
            return CollaborationException.InvalidState("The secretariat withdrew your invitation to this meeting.", "INVITATION_WITHDRAWN");
        return State.Status switch
        {
            MeetingStatus.Scheduled or MeetingStatus.InProgress => null,
            MeetingStatus.Cancelled => CollaborationException.InvalidState("The meeting was cancelled: there is nothing to answer any more.", "MEETING_CANCELLED"),
            MeetingStatus.Concluded => CollaborationException.InvalidState("The meeting has concluded: there is nothing to answer any more.", "MEETING_CONCLUDED"),
            _ => CollaborationException.InvalidState("The meeting is not scheduled yet: answer once the secretariat has scheduled it.", "MEETING_NOT_SCHEDULED"),
        };
    }

    /// <summary>Every action answered for the caller by the rules above; nothing for a caller who does not see the meeting.</summary>
    private MeetingPermissions Permissions(Caller? caller, DialogueView directory)
    {
        if (caller is null || !IsVisible(caller, directory))
            return MeetingPermissions.None;
        var access = AccessOf(caller, directory);
        bool May(MeetingAction action) => RoleRefusal(action, access, caller.PersonId) is null && StateRefusal(action, caller.PersonId) is null;
        return new MeetingPermissions(
            UpdateDetails: May(MeetingAction.UpdateDetails),
            Schedule: May(MeetingAction.Schedule),
            Open: May(MeetingAction.Open),
            Conclude: May(MeetingAction.Conclude),
            Cancel: May(MeetingAction.Cancel),
            ManageAgenda: May(MeetingAction.ManageAgenda),
            SetChairs: May(MeetingAction.SetChairs),
            SetNotesSettings: May(MeetingAction.SetNotesSettings),
            Invite: May(MeetingAction.Invite),
            WithdrawInvitation: May(MeetingAction.WithdrawInvitation),
            Respond: May(MeetingAction.Respond),
            ManageDocuments: May(MeetingAction.ManageDocuments),
            SeeParticipants: access.SeesPeople,
            SeeInvitations: access.IsSecretariat,
            SeeOutbox: access.IsSecretariat,
            SeeAudit: access.IsSecretariat,
            ExportParticipants: May(MeetingAction.ExportParticipants),
            Nominate: InStatus("nominate", NotOver) is null
                && (access.IsSecretariat ? State.Delegations.Count > 0 : FocalPointState(caller, directory) is { } own && State.Delegations.Exists(d => d.PartnerStateCode == own)),
            Register: RegisterRefusal(caller.PersonId) is null);
    }

    /// <summary>
    /// The people whose invitation waits for their answer and who may give it now: the same rule as an answer,
    /// kept in the catalog for their agenda.
    /// </summary>
    private List<string> PendingInviteeIds() =>
        [.. State.Invitations.Where(i => i.Status == InvitationStatus.Invited && AnswerRefusal(i.Invitee.PersonId) is null).Select(i => i.Invitee.PersonId)];
}
