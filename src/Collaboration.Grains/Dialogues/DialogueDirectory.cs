namespace Collaboration.Dialogues;

/// <summary>
/// How the grains of a dialogue's things read its directory, and the rules about the caller's place in it that
/// they share: whether the caller sees the dialogue, runs it (the secretariat), or speaks for a partner state.
/// Every grain asks these, and the dialogue's viewerMay flags are made of them, so a flag and its check agree.
/// </summary>
public static class DialogueDirectory
{
    /// <summary>
    /// The dialogue's directory for one of its members or an administrator. To anyone else the dialogue does
    /// not exist (NOT_FOUND), so nothing it holds can be probed from outside, not even by trying to create.
    /// </summary>
    public static async Task<DialogueView> ForMemberAsync(this IGrainFactory grains, string dialogueKey, Caller caller)
    {
        var directory = await grains.GetGrain<IDialogueGrain>(dialogueKey).GetDirectoryAsync();
        if (directory is null || !directory.Sees(caller))
            throw CollaborationException.NotFound($"There is no dialogue '{dialogueKey}'.");
        return directory;
    }

    /// <summary>A member's membership, or null for someone who is not a member.</summary>
    public static Membership? MembershipOf(this DialogueView directory, string personId) =>
        directory.Members.FirstOrDefault(m => m.PersonId == personId)?.Membership;

    /// <summary>Whether the caller sees the dialogue and what it holds: its members and administrators.</summary>
    public static bool Sees(this DialogueView directory, Caller caller) =>
        caller.IsAdministrator || directory.Members.Any(m => m.PersonId == caller.PersonId);

    /// <summary>Whether the caller runs the dialogue: its secretariat staff, or an administrator.</summary>
    public static bool IsSecretariat(this DialogueView directory, Caller caller) =>
        IsSecretariat(caller, directory.MembershipOf(caller.PersonId));

    /// <summary>Whether a caller with this membership (null: none) runs the dialogue.</summary>
    public static bool IsSecretariat(Caller caller, Membership? membership) =>
        caller.IsAdministrator || membership?.Roles.Contains(DialogueRole.Secretariat) == true;

    /// <summary>Whether the caller speaks for a partner state: one of its delegates or focal points.</summary>
    public static bool Represents(this DialogueView directory, Caller caller, string stateCode) =>
        directory.MembershipOf(caller.PersonId) is { } m && m.PartnerStateCode == stateCode
            && (m.Roles.Contains(DialogueRole.Delegate) || m.Roles.Contains(DialogueRole.FocalPoint));

    /// <summary>Whether the caller is a national focal point of a partner state.</summary>
    public static bool IsFocalPointOf(this DialogueView directory, Caller caller, string stateCode) =>
        directory.MembershipOf(caller.PersonId) is { } m && m.PartnerStateCode == stateCode && m.Roles.Contains(DialogueRole.FocalPoint);

    /// <summary>
    /// What the caller may do in the dialogue: the secretariat runs its directory and creates its meetings,
    /// groups, cities and partnerships and keeps its library; the delegates and focal points of a partner state request expertise in
    /// its name. The grains that take these mutations check the same rules.
    /// </summary>
    public static DialoguePermissions Permissions(this DialogueView directory, Caller caller)
    {
        var secretariat = directory.IsSecretariat(caller);
        return new DialoguePermissions(
            Update: secretariat,
            ManageMembers: secretariat,
            ManagePartners: secretariat,
            ImportMembers: secretariat,
            CreateMeeting: secretariat,
            SuggestMeetingSlots: secretariat,
            CreateWorkingGroup: secretariat,
            CreateCity: secretariat,
            CreatePartnership: secretariat,
            RequestExchange: directory.PartnerStates.Any(s => directory.Represents(caller, s.Code)),
            ManageLibrary: secretariat);
    }
}
