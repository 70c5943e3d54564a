namespace Collaboration.Dialogues;

/// <summary>
/// A dialogue (keyed by a short key such as <c>mtm</c>) and its directory: partner states, partner agencies,
/// observers and members with their roles. Members see it; the secretariat changes it; others get NOT_FOUND.
/// </summary>
[Alias("collaboration.dialogue")]
public interface IDialogueGrain : IGrainWithStringKey
{
    /// <summary>Creates the dialogue; only an administrator may, and only once per key.</summary>
    [Alias("create")]
    Task<DialogueView> CreateAsync(Caller caller, DialogueSettings settings);

    /// <summary>The dialogue for one of its members (or an administrator); NOT_FOUND for anyone else.</summary>
    [Alias("get")]
    Task<DialogueView> GetAsync(Caller caller);

    /// <summary>What the caller may do in the dialogue now; NOT_FOUND for anyone who does not see it.</summary>
    [Alias("permissions")]
    Task<DialoguePermissions> GetPermissionsAsync(Caller caller);

    /// <summary>The caller's membership, or null when they are not a member (or the dialogue does not exist).</summary>
    [Alias("membership")]
    Task<Membership?> GetMembershipAsync(string personId);

    /// <summary>
    /// The directory for other grains' rules (meetings check co-chairs, invitees and host countries against
    /// it); null when the dialogue does not exist. Not for transports: it checks no caller.
    /// </summary>
    [Alias("directory")]
    Task<DialogueView?> GetDirectoryAsync();

    /// <summary>
    /// Imports people and memberships (secretariat). Every line is checked first; a dry run, or any problem,
    /// changes nothing and reports every bad line, <paramref name="unreadable"/> ones (the file's lines that
    /// could not be read as rows) among them, in line order.
    /// </summary>
    [Alias("import-members")]
    Task<ImportReport> ImportMembersAsync(Caller caller, IReadOnlyList<MemberImportRow> rows, bool dryRun, IReadOnlyList<ImportProblem>? unreadable = null);

    /// <summary>
    /// Changes the settings named in <paramref name="given"/> (every one when null), at the version the
    /// secretariat saw; the others keep their values. Every bad field is reported at once.
    /// </summary>
    [Alias("update-settings")]
    Task<DialogueView> UpdateSettingsAsync(Caller caller, DialogueSettings settings, int expectedVersion, IReadOnlyList<string>? given = null);

    /// <summary>Adds a partner state; its ISO code must be valid and not already listed.</summary>
    [Alias("add-partner-state")]
    Task<DialogueView> AddPartnerStateAsync(Caller caller, PartnerState state);

    /// <summary>
    /// Changes what <paramref name="given"/> names (every field when null) of a partner state (its code says
    /// which): name, year joined, regional group, other names; at the version seen.
    /// </summary>
    [Alias("update-partner-state")]
    Task<DialogueView> UpdatePartnerStateAsync(Caller caller, PartnerState state, int expectedVersion, IReadOnlyList<string>? given = null);

    /// <summary>Removes a partner state no member represents any longer.</summary>
    [Alias("remove-partner-state")]
    Task<DialogueView> RemovePartnerStateAsync(Caller caller, string code, int expectedVersion);

    /// <summary>Adds a partner agency or an observer; its key must be new among both.</summary>
    [Alias("add-organisation")]
    Task<DialogueView> AddOrganisationAsync(Caller caller, OrganisationKind kind, Organisation organisation);

    /// <summary>Removes a partner agency or observer no member represents any longer.</summary>
    [Alias("remove-organisation")]
    Task<DialogueView> RemoveOrganisationAsync(Caller caller, string key, int expectedVersion);

    /// <summary>
    /// Registers a person by email address (creating their account when there is none) and gives them a
    /// membership; the secretariat uses it to add focal points, delegates and staff.
    /// </summary>
    [Alias("add-member")]
    Task<DialogueView> AddMemberAsync(Caller caller, PersonProfile person, Membership membership);

    /// <summary>
    /// Registers a person as a delegate of a partner state on the word of the state's focal point (or the
    /// secretariat), creating their account when there is none, and answers their person id. A person already
    /// registered for the state keeps their membership; one who represents anything else is refused
    /// (NOT_OF_THE_STATE).
    /// </summary>
    [Alias("add-delegate")]
    Task<string> AddDelegateAsync(Caller caller, string partnerStateCode, PersonProfile person);

    /// <summary>
    /// Gives a person a membership (roles and whom they represent). For a member, only what
    /// <paramref name="given"/> names changes (everything when null); the rest of their membership stays.
    /// </summary>
    [Alias("set-member")]
    Task<DialogueView> SetMemberAsync(Caller caller, string personId, Membership membership, IReadOnlyList<string>? given = null);

    /// <summary>Removes a person from the dialogue.</summary>
    [Alias("remove-member")]
    Task<DialogueView> RemoveMemberAsync(Caller caller, string personId, int expectedVersion);

    /// <summary>
    /// The names of every member, for the notes' attribution guard, which looks for the people of the whole
    /// directory. Not for transports: it checks no caller.
    /// </summary>
    [Alias("member-names")]
    Task<IReadOnlyList<string>> GetMemberNamesAsync();

    /// <summary>Records a member's new name (their profile changed); nothing happens for someone who is not a member.</summary>
    [Alias("rename-member")]
    Task RenameMemberAsync(string personId, string name);

    /// <summary>Removes an erased person's membership, whatever the version (administrators only); false when they had none.</summary>
    [Alias("erase-person")]
    Task<bool> ErasePersonAsync(Caller caller, string personId);
}

/// <summary>Which list of the directory an organisation belongs to.</summary>
public enum OrganisationKind
{
    PartnerAgency,
    Observer,
}
