namespace Collaboration.Meetings;

/// <summary>
/// What the meeting decides about its live notes: who views and who takes them, who approves them and who
/// reopens them, the guard's strictness and the names it looks for. The notes grain holds the entries and
/// asks here; the meeting never waits on the notes grain (it only tells it, one-way), so the two never
/// deadlock on each other.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<NotesContext> GetNotesContextAsync(Caller caller, int knownVersion)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var access = AccessOf(caller, directory);
        var mayWrite = access.IsNoteTaker;
        var mayView = FollowerOf(access) != NotesFollower.None;
        var (approvers, needed) = Approvers(directory);
        AttributionVocabulary? vocabulary = null;
        var vocabularyVersion = HashCode.Combine(State.Version, directory.Version);
        if (knownVersion != vocabularyVersion)
        {
            // The people of the whole directory: a note names anyone in the dialogue, not only this meeting's.
            var directoryNames = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetMemberNamesAsync();
            var people = State.CoChairs.Concat(State.Rapporteurs).Concat(State.Sessions.SelectMany(s => s.Moderators))
                .Concat(State.Invitations.Select(i => i.Invitee)).Select(p => p.Name).Concat(directoryNames);
            var organisations = directory.PartnerAgencies.Concat(directory.Observers)
                .Select(o => new NamedParty(o.Key, o.Acronym is null ? [o.Name] : [o.Name, o.Acronym]));
            var states = directory.PartnerStates.Select(s => new NamedParty(s.Code, [s.Name, .. s.OtherNames ?? []]));
            vocabulary = new AttributionVocabulary([.. people.Where(n => n != ErasedPerson.Name).Distinct()], [.. organisations], [.. states]);
        }
        var approvals = State.NotesApprovals.Where(a => approvers is null || approvers.Contains(a.PersonId)).ToList();
        return new NotesContext(
            mayView,
            mayWrite,
            vocabularyVersion,
            State.Details!.AttributionGuard,
            [.. State.Sessions.Select(s => s.Id)],
            vocabulary,
            access.IsSecretariat || access.IsParticipant,
            State.Status,
            MayApprove: approvers is null ? access.IsSecretariat : approvers.Contains(caller.PersonId),
            MayReopen: access.IsSecretariat,
            ApprovalsNeeded: needed,
            Approvals: [.. approvals.Select(a => a.AtChange)],
            CallerApprovedAt: approvals.Find(a => a.PersonId == caller.PersonId)?.AtChange,
            MayTranslate: access.IsSecretariat || directory.MembershipOf(caller.PersonId)?.Roles.Contains(DialogueRole.Translator) == true,
            Languages: State.Details.WorkingLanguages);
    }

    public async Task<NotesFollower> GetNotesFollowerAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        return FollowerOf(AccessOf(caller, directory));
    }

    /// <summary>Who follows the notes live: note-takers always, participants when the meeting lets them.</summary>
    private NotesFollower FollowerOf(MeetingAccess access) =>
        access.IsNoteTaker ? NotesFollower.NoteTaker
            : State.Details!.LiveNotesForParticipants && access.IsParticipant ? NotesFollower.Reader
            : NotesFollower.None;

    public async Task<IReadOnlyList<long>> RecordNotesApprovalAsync(Caller caller, long atChange)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var (approvers, _) = Approvers(directory);
        if (approvers is null ? !AccessOf(caller, directory).IsSecretariat : !approvers.Contains(caller.PersonId))
            throw CollaborationException.Forbidden("The meeting's co-chairs approve its notes.");
        State.NotesApprovals.RemoveAll(a => a.PersonId == caller.PersonId);
        State.NotesApprovals.Add(new NotesApproval(caller.PersonId, atChange, clock.GetUtcNow()));
        Audit(caller, "notes-approved", "Approved the notes.");
        await WriteAndPublishAsync();
        return [.. State.NotesApprovals.Where(a => approvers is null || approvers.Contains(a.PersonId)).Select(a => a.AtChange)];
    }

    public async Task ClearNotesApprovalsAsync()
    {
        if (State.NotesApprovals.Count == 0)
            return;
        State.NotesApprovals.Clear();
        await WriteAndPublishAsync();
    }

    public async Task RecordNotesSignOffAsync(NotesSignOffFacts facts)
    {
        if (!State.Exists || (State.NotesSignOff is { } held && held.ClosedSessionIds.SequenceEqual(facts.ClosedSessionIds)
            && held with { ClosedSessionIds = facts.ClosedSessionIds } == facts))
            return;
        State.NotesSignOff = facts;
        await WriteAndPublishAsync();
    }

    /// <summary>
    /// Whether the co-chairs can approve the notes now, by what the notes grain last told: the rule the notes
    /// grain applies to an approval, read against the meeting's current agenda.
    /// </summary>
    private bool NotesReadyForApproval() =>
        State.NotesSignOff is { } facts
        && NotesSignOffRules.ApprovalRefusal(State.Status, State.Sessions.Select(s => s.Id), facts.ClosedSessionIds, facts.Unreviewed, facts.Finalized) is null;

    /// <summary>Who approved the notes as they stand now (approvals of an earlier state of the notes no longer count).</summary>
    private List<string> NotesApprovedByIds() =>
        State.NotesSignOff is { } facts ? [.. State.NotesApprovals.Where(a => a.AtChange == facts.LastChange).Select(a => a.PersonId)] : [];

    /// <summary>
    /// Writes a change the meeting's version does not count (notes approvals and sign-off, delivery problems) and
    /// republishes its list entry, stamped so the catalog takes it over the entry of the same version.
    /// </summary>
    private async Task WriteAndPublishAsync()
    {
        State.SummaryStamp++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
    }

    public async Task RecordNotesReopenedAsync(Caller caller, string reason)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        var valid = Validate.Text(reason, "reason", 1000);
        State.NotesApprovals.Clear();
        Audit(caller, "notes-reopened", $"Reopened the final notes: {valid}");
        await WriteAndPublishAsync();
    }

    public async Task<MeetingChange> SetNotesSettingsAsync(Caller caller, AttributionGuard? guard, bool? liveNotesForParticipants, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.SetNotesSettings);
        if (guard is null && liveNotesForParticipants is null)
            throw CollaborationException.Validation("Name a setting to change.", "attributionGuard");
        var details = State.Details! with
        {
            AttributionGuard = guard ?? State.Details!.AttributionGuard,
            LiveNotesForParticipants = liveNotesForParticipants ?? State.Details!.LiveNotesForParticipants,
        };
        var changes = new List<string>();
        if (details.AttributionGuard != State.Details!.AttributionGuard)
            changes.Add(details.AttributionGuard == AttributionGuard.Strict ? "made the attribution guard strict" : "let note-takers mark an entry \"not attribution\"");
        if (details.LiveNotesForParticipants != State.Details.LiveNotesForParticipants)
            changes.Add(details.LiveNotesForParticipants ? "let participants follow the notes live" : "kept the live notes to the note-takers");
        State.Details = details;
        Audit(caller, "notes-settings-changed", changes.Count == 0 ? "Saved the notes settings unchanged." : char.ToUpperInvariant(changes[0][0]) + string.Join("; ", changes)[1..] + ".");
        var change = await SaveAsync(directory, caller, []);
        await AnnounceAccessChangedAsync();
        return change;
    }

    /// <summary>
    /// Who approves the notes: the co-chairs still in the dialogue, each of them; with none, the secretariat
    /// (null), one approval being enough.
    /// </summary>
    private (HashSet<string>? Approvers, int Needed) Approvers(DialogueView directory)
    {
        var members = directory.Members.Select(m => m.PersonId).ToHashSet(StringComparer.Ordinal);
        var coChairs = State.CoChairs.Select(c => c.PersonId).Where(members.Contains).ToHashSet(StringComparer.Ordinal);
        return coChairs.Count == 0 ? (null, 1) : (coChairs, coChairs.Count);
    }

    private List<NotesApprovalView> NotesApprovalViews()
    {
        var people = State.CoChairs.Concat(State.Rapporteurs).Concat(State.Invitations.Select(i => i.Invitee))
            .DistinctBy(p => p.PersonId).ToDictionary(p => p.PersonId);
        return [.. State.NotesApprovals.Select(a => new NotesApprovalView(
            people.GetValueOrDefault(a.PersonId) ?? new MeetingPerson(a.PersonId, "Secretariat", null, null), a.ApprovedAt))];
    }
}
