namespace Collaboration.Meetings;

/// <summary>
/// Who the caller is to the meeting and what that lets them see: the secretariat, members of the dialogue,
/// organisers (co-chairs, rapporteurs), note-takers and participants. <see cref="MeetingGrain"/>'s rules file
/// (<c>MeetingGrain.Rules.cs</c>) turns this into what each action allows.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>
    /// The three checks a change of the meeting starts with, in this order: the caller sees the meeting and
    /// may take the action (NOT_FOUND, FORBIDDEN), they read the current version (CONFLICT), and the meeting's
    /// state allows the action (INVALID_STATE). Answers the dialogue's directory for the rest of the change.
    /// </summary>
    private async Task<DialogueView> EditableAsync(Caller caller, int expectedVersion, MeetingAction action)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, action);
        EnsureVersion(expectedVersion);
        EnsureState(action, caller.PersonId);
        return directory;
    }

    /// <summary>What the caller is to this meeting; anonymous callers are nothing to it.</summary>
    private MeetingAccess AccessOf(Caller? caller, DialogueView directory)
    {
        if (caller is null)
            return MeetingAccess.Anonymous;
        var membership = directory.MembershipOf(caller.PersonId);
        var id = caller.PersonId;
        // A meeting's roles count only while the person is still a member of its dialogue.
        var member = membership is not null;
        return new MeetingAccess(
            IsSecretariat: DialogueDirectory.IsSecretariat(caller, membership),
            IsMember: member,
            IsOrganiser: member && (State.CoChairs.Any(c => c.PersonId == id) || State.Rapporteurs.Any(r => r.PersonId == id)),
            IsCoChair: member && State.CoChairs.Any(c => c.PersonId == id),
            IsTranslator: member && membership!.Roles.Contains(DialogueRole.Translator),
            IsParticipant: member && (State.CoChairs.Any(c => c.PersonId == id) || State.Rapporteurs.Any(r => r.PersonId == id)
                || State.Sessions.Any(s => s.Moderators.Any(m => m.PersonId == id))
                || State.Invitations.Any(i => i.Invitee.PersonId == id && !i.WithdrawnBySecretariat)),
            // A focal point of an invited state nominates its delegation, so sees the meeting whoever else may.
            IsDelegationFocalPoint: member && membership!.Roles.Contains(DialogueRole.FocalPoint)
                && State.Delegations.Exists(d => d.PartnerStateCode == membership.PartnerStateCode));
    }

    private bool IsVisible(Caller? caller, DialogueView directory) =>
        State.Exists && AccessOf(caller, directory).MaySee(State.Status, State.Details!.Visibility);

    private void EnsureVisible(Caller? caller, DialogueView directory)
    {
        if (!IsVisible(caller, directory))
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
    }

    /// <summary>FORBIDDEN unless the caller is the dialogue's secretariat; NOT_FOUND first for one who may not see the meeting (or, creating it, the dialogue).</summary>
    private void EnsureSecretariat(Caller caller, DialogueView directory, bool mustExist = true)
    {
        var access = AccessOf(caller, directory);
        if (mustExist)
            EnsureVisible(caller, directory);
        else if (!access.IsMember && !access.IsSecretariat)
            throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");
        if (!access.IsSecretariat)
            throw CollaborationException.Forbidden("Only the dialogue's secretariat may do this.");
    }

    /// <summary>CONFLICT when the caller read another version than the one stored: no silent overwrite.</summary>
    private void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != State.Version)
            throw CollaborationException.Conflict(
                $"The meeting changed since you read it (version {expectedVersion}, now {State.Version}); reload and try again.",
                "expectedVersion");
    }

    /// <summary>What the caller is to this meeting.</summary>
    private sealed record MeetingAccess(bool IsSecretariat, bool IsMember, bool IsOrganiser, bool IsParticipant, bool IsCoChair = false, bool IsTranslator = false,
        bool IsDelegationFocalPoint = false)
    {
        public static readonly MeetingAccess Anonymous = new(false, false, false, false);

        /// <summary>Who takes the meeting's notes: the dialogue's secretariat, the meeting's co-chairs and rapporteurs.</summary>
        public bool IsNoteTaker => IsSecretariat || IsOrganiser;

        /// <summary>Who sees the meeting's people (participants, the online link): its participants and the secretariat.</summary>
        public bool SeesPeople => IsSecretariat || IsParticipant;

        /// <summary>Whether the caller sees something of this visibility (a meeting that is not a draft, a document).</summary>
        public bool MaySee(MeetingVisibility visibility) => IsSecretariat || visibility switch
        {
            MeetingVisibility.Public => true,
            MeetingVisibility.DialogueMembers => IsMember,
            _ => IsParticipant,
        };

        /// <summary>
        /// Whether the caller sees the meeting itself: a draft is the secretariat's work in progress, seen by it
        /// and by the people already named on it, never by the public or the dialogue at large. The dialogue's
        /// translators see every other meeting of it (they translate its notes and outcomes), not its documents
        /// for participants. The focal points of an invited state see it too (they nominate its delegation).
        /// </summary>
        public bool MaySee(MeetingStatus status, MeetingVisibility visibility) =>
            status == MeetingStatus.Draft ? IsSecretariat || IsParticipant : IsTranslator || IsDelegationFocalPoint || MaySee(visibility);
    }
}
