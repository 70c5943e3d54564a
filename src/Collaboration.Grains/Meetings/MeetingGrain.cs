namespace Collaboration.Meetings;

/// <summary>
/// A meeting of a dialogue and every rule about it: who sees and changes it, its lifecycle, the agenda,
/// co-chair balance, invitations and the waitlist, documents and the administrative audit. Each change is
/// checked in full before anything is written, so a refused call changes nothing.
/// <para>
/// One grain, so its rules are checked together before one write; its parts live in files beside this one:
/// this file holds the lifecycle, details, agenda, chairs, documents and <see cref="SaveAsync"/> (what every
/// change sets off); <c>MeetingGrain.Access.cs</c> who the caller is to the meeting and what they see;
/// <c>MeetingGrain.Rules.cs</c> which action each role may take in which state; <c>MeetingGrain.Validation.cs</c>
/// the checks of every input (pure static functions where they can be); <c>MeetingGrain.Invitations.cs</c>
/// invitations, answers and the waitlist; <c>MeetingGrain.Mail.cs</c> invitations, notices and reminders by
/// mail; <c>MeetingGrain.SecretariatCalendar.cs</c> the event in the secretariat's calendar (Microsoft Graph);
/// <c>MeetingGrain.Notes.cs</c> what the live notes ask of the meeting; <c>MeetingGrain.Projections.cs</c> what
/// the grain answers (its view, the catalog's summary, the participant list).
/// </para>
/// </summary>
public sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Grains)] IPersistentState<MeetingState> state,
    IGrainFactory grains,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MeetingSettings> settings,
    Microsoft.Extensions.Logging.ILogger<MeetingGrain> logger) : Grain, IMeetingGrain, IRemindable
{
    /// <summary>The longest a meeting may last.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>The most working sessions an agenda may hold.</summary>
    public const int MaxSessions = 60;

    /// <summary>The most people one meeting may invite.</summary>
    public const int MaxInvitations = 2000;

    private MeetingState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no meeting '{Key}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Sessions stored with one title read it as the title in the meeting's first language.
        if (State.Exists && State.Sessions.Any(s => s.Titles is null))
            State.Sessions = [.. State.Sessions.Select(s => s.Titles is null ? s with { Titles = [new LocalizedText(State.Details!.WorkingLanguages[0], s.Title)] } : s)];
        // Heals a catalog or an outbox that missed this meeting's last change (a crash between the writes).
        if (State.Exists)
        {
            await PublishAsync();
            await DispatchMailAsync();
        }
    }

    public async Task<MeetingChange> CreateAsync(Caller caller, MeetingDetailsForm details, string? idempotencyKey = null)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory, mustExist: false);
        var request = RequestKeys.Scoped(caller, idempotencyKey);
        if (State.Exists && RequestKeys.Done(State.Requests, request))
            return new MeetingChange(View(caller, directory), []);
        if (State.Exists)
            throw CollaborationException.Conflict($"A meeting '{Key}' exists already.");
        var problems = new Problems();
        var checkedDetails = ValidDetails(details, directory, problems);
        problems.ThrowIfAny();
        var (valid, starts, ends) = checkedDetails!.Value;
        RequestKeys.Remember(State.Requests, request);

        State.Exists = true;
        State.Status = MeetingStatus.Draft;
        ApplyDetails(valid, starts, ends);
        Audit(caller, "created", $"Created the {valid.Type} '{valid.Titles[0].Text}' as a draft.");
        return await SaveAsync(directory, caller, [], withConflicts: true);
    }

    public async Task<MeetingView> GetAsync(Caller? caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        return View(caller, directory);
    }

    public async Task<MeetingChange> UpdateDetailsAsync(Caller caller, MeetingDetailsForm changes, int expectedVersion)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.UpdateDetails);
        EnsureVersion(expectedVersion);
        EnsureState(MeetingAction.UpdateDetails, caller.PersonId);
        var problems = new Problems();
        var merged = changes.Over(MeetingDetailsForm.Of(State.Details!));
        var checkedDetails = ValidDetails(merged, directory, problems);
        CheckCapacity(merged.Capacity, AcceptedCount(), problems);
        // Moving the meeting moves its agenda by the same wall-clock offset, in the (possibly new) zone.
        List<WorkingSession>? sessions = null;
        if (checkedDetails is var (moving, newStarts, newEnds))
        {
            sessions = problems.Check(() => ShiftedSessions(State.Sessions, State.Details!.StartsLocal, moving, Validate.TimeZone(State.Details!.TimeZone), Validate.TimeZone(moving.TimeZone)));
            var outside = (sessions ?? []).Where(s => s.StartsAt < newStarts || s.EndsAt > newEnds).Select(s => s.Title).ToList();
            if (outside.Count > 0)
                problems.Add("endsLocal", $"The working sessions {string.Join(", ", outside.Select(t => $"'{t}'"))} would fall outside the new dates; move them first.",
                    "SESSIONS_OUTSIDE_NEW_DATES", ("sessions", string.Join(", ", outside)));
        }
        problems.ThrowIfAny();
        var (valid, starts, ends) = checkedDetails!.Value;
        if (State.Status == MeetingStatus.InProgress && (starts != State.StartsAt || ends != State.EndsAt))
            throw CollaborationException.InvalidState("The meeting is in progress: its dates can no longer move.");

        var moved = starts != State.StartsAt || ends != State.EndsAt || valid.TimeZone != State.Details!.TimeZone;
        ApplyDetails(valid, starts, ends);
        State.Sessions = sessions!;
        State.Revision++;
        await PromoteFromWaitlistAsync();
        await QueueUpdateAsync();
        Audit(caller, moved ? "rescheduled" : "details-changed", moved
            ? $"Moved the meeting to {valid.StartsLocal:yyyy-MM-dd HH:mm}–{valid.EndsLocal:yyyy-MM-dd HH:mm} ({valid.TimeZone})."
            : "Changed the meeting's details.");
        var change = await SaveAsync(directory, caller, [], withConflicts: true);
        await AnnounceAccessChangedAsync();
        return change;
    }

    public Task<MeetingChange> ScheduleAsync(Caller caller, bool chairedByCoChairs = true) =>
        TransitionAsync(caller, MeetingAction.Schedule, MeetingStatus.Scheduled, growsRevision: true, "scheduled", "Scheduled the meeting.",
            check: chairedByCoChairs ? EnsureCoChairsNamed : null);

    /// <summary>A dialogue with a strict co-chair rule schedules no meeting before its co-chairs are named.</summary>
    private void EnsureCoChairsNamed(DialogueSettings settings)
    {
        if (settings.StrictCoChairBalance && State.CoChairs.Count < settings.CoChairsPerMeeting)
            throw CollaborationException.InvalidState(
                $"This dialogue schedules a meeting once its {settings.CoChairsPerMeeting} co-chairs are named; {State.CoChairs.Count} are.",
                "CO_CHAIRS_MISSING", ("count", settings.CoChairsPerMeeting), ("named", State.CoChairs.Count));
    }

    public Task<MeetingChange> OpenAsync(Caller caller) =>
        TransitionAsync(caller, MeetingAction.Open, MeetingStatus.InProgress, growsRevision: false, "opened", "Opened the meeting.");

    public Task<MeetingChange> ConcludeAsync(Caller caller) =>
        TransitionAsync(caller, MeetingAction.Conclude, MeetingStatus.Concluded, growsRevision: false, "concluded", "Concluded the meeting.");

    public async Task<MeetingChange> CancelAsync(Caller caller, string reason)
    {
        var valid = Validate.Text(reason, "reason", 1000);
        return await TransitionAsync(
            caller,
            MeetingAction.Cancel,
            MeetingStatus.Cancelled,
            growsRevision: true,
            "cancelled",
            $"Cancelled the meeting: {valid}",
            () => State.CancellationReason = valid);
    }

    public async Task<MeetingChange> AddSessionAsync(Caller caller, WorkingSessionInput session, int expectedVersion, string? idempotencyKey = null)
    {
        var request = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, request))
            return await AlreadyDoneAsync(caller);
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.ManageAgenda);
        if (State.Sessions.Count >= MaxSessions)
            throw CollaborationException.Validation($"An agenda holds at most {MaxSessions} working sessions.", "sessions");
        var valid = await ValidSessionAsync(Guid.CreateVersion7().ToString("N"), session, null, directory);
        RequestKeys.Remember(State.Requests, request);
        State.Sessions.Add(valid);
        State.Revision++;
        await QueueUpdateAsync();
        Audit(caller, "session-added", $"Added the working session '{valid.Title}'.");
        return await SaveAsync(directory, caller, [], withConflicts: true);
    }

    public async Task<MeetingChange> UpdateSessionAsync(Caller caller, string sessionId, WorkingSessionInput session, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.ManageAgenda);
        var index = SessionIndex(sessionId);
        var valid = await ValidSessionAsync(sessionId, session, State.Sessions[index], directory);
        State.Sessions[index] = valid;
        State.Revision++;
        await QueueUpdateAsync();
        Audit(caller, "session-changed", $"Changed the working session '{valid.Title}'.");
        return await SaveAsync(directory, caller, [], withConflicts: true);
    }

    public async Task<MeetingChange> RemoveSessionAsync(Caller caller, string sessionId, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.ManageAgenda);
        var index = SessionIndex(sessionId);
        var removed = State.Sessions[index];
        State.Sessions.RemoveAt(index);
        State.Revision++;
        await QueueUpdateAsync();
        Audit(caller, "session-removed", $"Removed the working session '{removed.Title}'.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> ReorderSessionsAsync(Caller caller, IReadOnlyList<string> sessionIds, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.ManageAgenda);
        if (!NamesEverySessionOnce(sessionIds, State.Sessions))
            throw CollaborationException.Validation("Name every working session of the agenda exactly once.", "sessionIds");
        State.Sessions = [.. sessionIds.Select(id => State.Sessions.Single(s => s.Id == id))];
        State.Revision++;
        await QueueUpdateAsync();
        Audit(caller, "sessions-reordered", "Reordered the agenda.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> SetChairsAsync(Caller caller, IReadOnlyList<string>? coChairIds, IReadOnlyList<string>? rapporteurIds, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion, MeetingAction.SetChairs);
        var settings = directory.Settings;
        var problems = new Problems();
        // A list left out keeps the people named now, as they are shown now.
        List<MeetingPerson> coChairs = coChairIds is null ? [.. State.CoChairs] : await ChairsAsync(coChairIds, "coChairIds", directory, problems);
        List<MeetingPerson> rapporteurs = rapporteurIds is null ? [.. State.Rapporteurs] : await ChairsAsync(rapporteurIds, "rapporteurIds", directory, problems);
        CheckChairs(coChairIds, rapporteurIds, directory, problems);
        problems.ThrowIfAny();

        var warnings = new List<Warning>();
        if (settings.CoChairPairing is [var first, var second])
        {
            // The dialogue pairs two regional groups (one European and one Arab state in the MTM): that rule says more than "not two from one group".
            if (BreaksPairing(coChairs, settings.CoChairPairing))
            {
                var message = $"The dialogue pairs its co-chairs: one from the {first} group and one from the {second} group.";
                if (settings.StrictCoChairBalance)
                    throw CollaborationException.Validation(message, "coChairIds", "CO_CHAIR_PAIRING", ("first", first), ("second", second));
                warnings.Add(Warning.Of("CO_CHAIR_PAIRING", message, ("first", first), ("second", second)));
            }
        }
        else if (UnbalancedGroup(coChairs) is { } sameGroup)
        {
            var message = $"The co-chairs {string.Join(" and ", sameGroup.Select(c => c.Name))} both come from the {sameGroup.Key} group; "
                + "the dialogue balances co-chairs across regional groups.";
            if (settings.StrictCoChairBalance)
                throw CollaborationException.Validation(message, "coChairIds", "CO_CHAIR_BALANCE", ("group", sameGroup.Key!));
            warnings.Add(Warning.Of("CO_CHAIR_BALANCE", message, ("group", sameGroup.Key!)));
        }

        State.CoChairs = coChairs;
        State.Rapporteurs = rapporteurs;
        Audit(caller, "chairs-set", $"Named co-chairs ({string.Join(", ", coChairs.Select(c => c.Name))}) and rapporteurs ({string.Join(", ", rapporteurs.Select(r => r.Name))}).");
        var change = await SaveAsync(directory, caller, warnings, withConflicts: true);
        await AnnounceAccessChangedAsync();
        return change;
    }

    public async Task<MeetingChange> AddDocumentAsync(Caller caller, DocumentInput document, string? idempotencyKey = null)
    {
        var request = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, request))
            return await AlreadyDoneAsync(caller);
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.ManageDocuments);
        EnsureState(MeetingAction.ManageDocuments, caller.PersonId);
        if (State.Documents.Count >= MeetingDocuments.MaxPerMeeting)
            throw CollaborationException.Validation($"A meeting holds at most {MeetingDocuments.MaxPerMeeting} documents.", "document");
        // With an idempotency key the document's id comes from it, so a retried upload finds its document.
        var valid = ValidDocument(document, RequestKeys.NewId(caller, idempotencyKey), clock.GetUtcNow());
        RequestKeys.Remember(State.Requests, request);
        State.Documents.Add(valid);
        Audit(caller, "document-added", $"Added the {valid.Kind} '{valid.Title}'.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> RemoveDocumentAsync(Caller caller, string documentId)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.ManageDocuments);
        EnsureState(MeetingAction.ManageDocuments, caller.PersonId);
        var document = State.Documents.Find(d => d.Id == documentId)
            ?? throw CollaborationException.NotFound("The meeting has no such document.");
        if (State.Sessions.Any(s => s.DiscussionGuideDocumentId == documentId))
            throw CollaborationException.InvalidState($"'{document.Title}' is a working session's discussion guide; change the session first.");
        State.Documents.Remove(document);
        Audit(caller, "document-removed", $"Removed the {document.Kind} '{document.Title}'.");
        var change = await SaveAsync(directory, caller, []);
        await UnlistLibraryDocumentAsync(document);
        return change;
    }

    public async Task<MeetingDocument> GetDocumentAsync(Caller? caller, string documentId)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var access = AccessOf(caller, directory);
        return State.Documents.Find(d => d.Id == documentId && access.MaySee(d.Visibility))
            ?? throw CollaborationException.NotFound("The meeting has no such document.");
    }

    public async Task RefreshPersonAsync(string personId)
    {
        if (!State.Exists || await grains.GetGrain<IPersonGrain>(personId).FindAsync() is not { } person)
            return;
        var changed = false;
        MeetingPerson Renamed(MeetingPerson p)
        {
            if (p.PersonId != personId || p.Name == person.Profile.Name)
                return p;
            changed = true;
            return p with { Name = person.Profile.Name };
        }
        State.CoChairs = [.. State.CoChairs.Select(Renamed)];
        State.Rapporteurs = [.. State.Rapporteurs.Select(Renamed)];
        State.Sessions = [.. State.Sessions.Select(s => s with { Moderators = [.. s.Moderators.Select(Renamed)] })];
        State.Invitations = [.. State.Invitations.Select(i => i with { Invitee = Renamed(i.Invitee) })];
        if (!changed)
            return;
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
    }

    public async Task ErasePersonAsync(Caller caller, string personId, string name)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        if (!State.Exists)
            return;
        MeetingPerson Erase(MeetingPerson p) => p.Without(personId);
        State.CoChairs = [.. State.CoChairs.Select(Erase)];
        State.Rapporteurs = [.. State.Rapporteurs.Select(Erase)];
        State.Sessions = [.. State.Sessions.Select(s => s with { Moderators = [.. s.Moderators.Select(Erase)] })];
        State.Invitations = [.. State.Invitations.Select(i => i with { Invitee = Erase(i.Invitee), DeliveryProblem = i.Invitee.PersonId == personId ? null : i.DeliveryProblem })];
        State.Audit = [.. State.Audit.Select(e => e.Without(personId, name))];
        State.NotesApprovals.RemoveAll(a => a.PersonId == personId);
        State.Registrations.RemoveAll(r => r.PersonId == personId);
        State.Version++;
        await state.WriteOrForgetAsync();
    }

    private async Task<MeetingChange> TransitionAsync(
        Caller caller, MeetingAction transition, MeetingStatus to, bool growsRevision, string action, string summary, Action? apply = null,
        Action<DialogueSettings>? check = null)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, transition);
        EnsureState(transition, caller.PersonId);
        check?.Invoke(directory.Settings);
        apply?.Invoke();
        var wasAnnounced = State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress;
        State.Status = to;
        if (growsRevision)
            State.Revision++;
        if (to == MeetingStatus.Scheduled)
        {
            await QueueUpdateAsync(isUpdate: false);
            await QueueNominationRequestsAsync(directory);
        }
        else if (to == MeetingStatus.Cancelled && wasAnnounced)
            await QueueMailAsync(CalendarMethod.Cancel, State.Invitations.Where(i => i.Status != InvitationStatus.Withdrawn));
        Audit(caller, action, summary);
        return await SaveAsync(directory, caller, []);
    }

    /// <summary>The answer to a retried request: the meeting as it stands, for a caller who still may see it.</summary>
    private async Task<MeetingChange> AlreadyDoneAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        return new MeetingChange(View(caller, directory), []);
    }

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
        ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    private void ApplyDetails(MeetingDetails details, DateTimeOffset starts, DateTimeOffset ends)
    {
        State.Details = details;
        State.StartsAt = starts;
        State.EndsAt = ends;
    }

    private int SessionIndex(string sessionId)
    {
        var index = State.Sessions.FindIndex(s => s.Id == sessionId);
        return index >= 0 ? index : throw CollaborationException.NotFound("The agenda has no such working session.");
    }

    private void Audit(Caller caller, string action, string summary) =>
        State.Audit.Add(new AuditEntry(clock.GetUtcNow(), caller.PersonId, action, summary));

    /// <summary>Other meetings that book the same people or venue at the same time.</summary>
    private Task<IReadOnlyList<Warning>> ConflictsAsync()
    {
        var people = State.CoChairs.Concat(State.Rapporteurs).Concat(State.Sessions.SelectMany(s => s.Moderators))
            .DistinctBy(p => p.PersonId).ToList();
        return grains.GetGrain<IMeetingCatalogGrain>(DialogueKey)
            .FindConflictsAsync(Key, State.StartsAt, State.EndsAt, people, State.Details!.City, State.Details.Venue);
    }

    /// <summary>
    /// Stores a change that every rule has passed, then tells the rest of the system, and answers the
    /// meeting as the caller now sees it. Every mutation ends here (a few internal records write and publish
    /// on their own: <see cref="RefreshPersonAsync"/>, <see cref="ErasePersonAsync"/>,
    /// <see cref="RecordSecretariatEventAsync"/>, the notes records and <see cref="ReceiveReminder"/>). In order:
    /// <list type="number">
    /// <item><description><b>Version</b>: <see cref="MeetingState.Version"/> grows by one (the ETag every
    /// <c>expectedVersion</c> is checked against).</description></item>
    /// <item><description><b>Secretariat calendar</b>: when Microsoft Graph is on and the event it should hold
    /// changed, a sync is added to <see cref="MeetingState.PendingMail"/> (<see cref="QueueSecretariatSync"/>).</description></item>
    /// <item><description><b>Write</b>: the state, with the mail and notices the change queued, is written in
    /// one write; a failed write reloads the stored state and the caller gets the failure (nothing below
    /// happens).</description></item>
    /// <item><description><b>Catalog index</b>: the dialogue's <see cref="IMeetingCatalogGrain"/> gets the new
    /// <see cref="MeetingSummary"/> (lists, "my meetings", conflicts, agendas); a failure here reaches the
    /// caller, and the next activation publishes again.</description></item>
    /// <item><description><b>Outbox messages</b>: every pending message (iMIP REQUEST/CANCEL, waitlist and
    /// reminder notices, calendar syncs) is handed to its <see cref="Mail.IOutboxGrain"/>, then the emptied
    /// list is written; what could not be handed over stays pending for the next change or activation
    /// (<see cref="DispatchMailAsync"/>).</description></item>
    /// <item><description><b>Reminders</b>: Orleans reminders are registered or removed so one stands for each
    /// reminder time still ahead of a scheduled meeting (<see cref="ArrangeRemindersAsync"/>; a failure is
    /// logged and mended at the next change).</description></item>
    /// <item><description><b>Conflict warnings</b> (with <paramref name="withConflicts"/>): the catalog is asked
    /// for other meetings that book the same people or venue, after the write so a failed look-up cannot leave
    /// the change half-made.</description></item>
    /// </list>
    /// <b>Hub events</b> are not sent here: a change of who may follow the notes (details, chairs, a withdrawn
    /// invitation) is announced to the servers' notes hubs by the mutation after this returns
    /// (<see cref="AnnounceAccessChangedAsync"/>, which logs a failure instead of failing the stored change).
    /// </summary>
    private async Task<MeetingChange> SaveAsync(DialogueView directory, Caller caller, IReadOnlyList<Warning> warnings, bool withConflicts = false)
    {
        State.Version++;
        QueueSecretariatSync();
        await state.WriteOrForgetAsync();
        await PublishAsync();
        await DispatchMailAsync();
        await ArrangeRemindersAsync();
        // Conflicts are looked up once the change is stored, so a failed look-up cannot leave it half-made.
        return new MeetingChange(View(caller, directory), withConflicts ? [.. warnings, .. await ConflictsAsync()] : warnings);
    }

    private Task PublishAsync() => grains.GetGrain<IMeetingCatalogGrain>(DialogueKey).UpsertAsync(Summary());

    /// <summary>Servers drop live connections that may no longer follow the meeting; the change stands even if this fails.</summary>
    private async Task AnnounceAccessChangedAsync()
    {
        try
        {
            await grains.GetGrain<INotesGrain>(Key).AnnounceAccessChangedAsync();
        }
        catch (Exception e) when (e is not CollaborationException)
        {
            LogAccessAnnouncementFailed(logger, e, Key);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Meeting {MeetingId}: servers could not be told that access changed; they re-check when connections join again")]
    private static partial void LogAccessAnnouncementFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string meetingId);
}
