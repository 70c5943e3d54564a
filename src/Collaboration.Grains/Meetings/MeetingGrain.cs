namespace Collaboration.Meetings;

/// <summary>
/// A meeting of a dialogue and every rule about it: who sees and changes it, its lifecycle, the agenda,
/// co-chair balance, invitations and the waitlist, documents and the administrative audit. Each change is
/// checked in full before anything is written, so a refused call changes nothing.
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
        EnsureSecretariat(caller, directory);
        EnsureVersion(expectedVersion);
        EnsureStatus("change its details", MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress);
        var problems = new Problems();
        var merged = changes.Over(MeetingDetailsForm.Of(State.Details!));
        var checkedDetails = ValidDetails(merged, directory, problems);
        var accepted = AcceptedCount();
        if (merged.Capacity is { } capacity && capacity >= 1 && capacity < accepted)
            problems.Add("capacity", $"{accepted} invitees have accepted: the capacity cannot go below that. Withdraw invitations first.", "CAPACITY_BELOW_ACCEPTED", ("count", accepted));
        // Moving the meeting moves its agenda by the same wall-clock offset, in the (possibly new) zone.
        List<WorkingSession>? sessions = null;
        if (checkedDetails is var (moving, newStarts, newEnds))
        {
            sessions = problems.Check(() => ShiftedSessions(moving, Validate.TimeZone(State.Details!.TimeZone), Validate.TimeZone(moving.TimeZone)));
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

    public Task<MeetingChange> ScheduleAsync(Caller caller) =>
        TransitionAsync(caller, MeetingStatus.Scheduled, [MeetingStatus.Draft], growsRevision: true, "scheduled", "Scheduled the meeting.");

    public Task<MeetingChange> OpenAsync(Caller caller) =>
        TransitionAsync(caller, MeetingStatus.InProgress, [MeetingStatus.Scheduled], growsRevision: false, "opened", "Opened the meeting.");

    public Task<MeetingChange> ConcludeAsync(Caller caller) =>
        TransitionAsync(caller, MeetingStatus.Concluded, [MeetingStatus.InProgress], growsRevision: false, "concluded", "Concluded the meeting.");

    public async Task<MeetingChange> CancelAsync(Caller caller, string reason)
    {
        var valid = Validate.Text(reason, "reason", 1000);
        return await TransitionAsync(
            caller,
            MeetingStatus.Cancelled,
            [MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress],
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
        var directory = await EditableAsync(caller, expectedVersion);
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
        var directory = await EditableAsync(caller, expectedVersion);
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
        var directory = await EditableAsync(caller, expectedVersion);
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
        var directory = await EditableAsync(caller, expectedVersion);
        if (sessionIds.Count != State.Sessions.Count || sessionIds.Distinct().Count() != sessionIds.Count
            || sessionIds.Any(id => State.Sessions.All(s => s.Id != id)))
            throw CollaborationException.Validation("Name every working session of the agenda exactly once.", "sessionIds");
        State.Sessions = [.. sessionIds.Select(id => State.Sessions.Single(s => s.Id == id))];
        State.Revision++;
        await QueueUpdateAsync();
        Audit(caller, "sessions-reordered", "Reordered the agenda.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> SetChairsAsync(Caller caller, IReadOnlyList<string>? coChairIds, IReadOnlyList<string>? rapporteurIds, int expectedVersion)
    {
        var directory = await EditableAsync(caller, expectedVersion);
        var settings = directory.Settings;
        var problems = new Problems();
        // A list left out keeps the people named now, as they are shown now.
        List<MeetingPerson> coChairs = coChairIds is null ? [.. State.CoChairs] : await ChairsAsync(coChairIds, "coChairIds", directory, problems);
        List<MeetingPerson> rapporteurs = rapporteurIds is null ? [.. State.Rapporteurs] : await ChairsAsync(rapporteurIds, "rapporteurIds", directory, problems);
        if (coChairIds is not null && coChairIds.Count > settings.CoChairsPerMeeting)
            problems.Add("coChairIds", $"Meetings of this dialogue have at most {settings.CoChairsPerMeeting} co-chairs.", "TOO_MANY_CO_CHAIRS", ("max", settings.CoChairsPerMeeting));
        foreach (var id in rapporteurIds ?? [])
        {
            if (directory.Members.FirstOrDefault(m => m.PersonId == id)?.Membership.Roles.Contains(DialogueRole.Secretariat) != true && !problems.Has("rapporteurIds"))
                problems.Add("rapporteurIds", "Rapporteurs are the dialogue's secretariat staff.", "RAPPORTEUR_NOT_SECRETARIAT");
        }
        problems.ThrowIfAny();

        var warnings = new List<Warning>();
        var sameGroup = coChairs.Where(c => c.RegionalGroup is not null).GroupBy(c => c.RegionalGroup).FirstOrDefault(g => g.Count() > 1);
        if (sameGroup is not null)
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

    public async Task<MeetingChange> InviteAsync(Caller caller, IReadOnlyList<InvitationTarget> targets)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        EnsureStatus("invite", MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress);
        if (targets.Count == 0)
            throw CollaborationException.Validation("Name whom to invite.", "targets");

        var invitees = new Dictionary<string, string?>(StringComparer.Ordinal);
        var warnings = new List<Warning>();
        var cities = targets.Any(t => t.CityId is not null) ? await grains.GetGrain<ICityIndexGrain>(DialogueKey).GetCitiesAsync() : [];
        var problems = new Problems();
        var expanded = targets.Select(target => (Target: target, Found: problems.Check(() => Expand(target, directory, cities)))).ToList();
        problems.ThrowIfAny();
        foreach (var (target, found) in expanded)
        {
            if (found!.Count == 0)
            {
                var described = Describe(target, directory, cities);
                warnings.Add(Warning.Of("NO_INVITEES", $"{described} has nobody registered in the dialogue yet; nobody was invited for it.", ("target", described)));
            }
            foreach (var (personId, affiliation) in found)
                invitees.TryAdd(personId, affiliation);
        }
        var added = invitees.Keys.Count(id => State.Invitations.All(i => i.Invitee.PersonId != id));
        if (State.Invitations.Count + added > MaxInvitations)
            throw CollaborationException.Validation($"A meeting invites at most {MaxInvitations} people.", "targets");

        var now = clock.GetUtcNow();
        // Look everyone up before changing anything, so a failed look-up leaves the invitations as they were.
        var people = new Dictionary<string, MeetingPerson>(StringComparer.Ordinal);
        foreach (var (personId, _) in invitees)
        {
            if (State.Invitations.All(i => i.Invitee.PersonId != personId))
                people[personId] = await MemberAsync(personId, directory, "targets");
        }
        var newlyInvited = new List<StoredInvitation>();
        foreach (var (personId, _) in invitees)
        {
            var index = State.Invitations.FindIndex(i => i.Invitee.PersonId == personId);
            if (index >= 0)
            {
                if (State.Invitations[index].Status == InvitationStatus.Withdrawn)
                {
                    State.Invitations[index] = State.Invitations[index] with { Status = InvitationStatus.Invited, WithdrawnBySecretariat = false, WaitlistTicket = null };
                    newlyInvited.Add(State.Invitations[index]);
                }
                continue;
            }
            var invitation = new StoredInvitation(people[personId], InvitationStatus.Invited, null, now, null, false);
            State.Invitations.Add(invitation);
            newlyInvited.Add(invitation);
        }
        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            await QueueMailAsync(CalendarMethod.Request, newlyInvited);
        Audit(caller, "invited", $"Invited {string.Join(", ", targets.Select(t => Describe(t, directory, cities)))} ({invitees.Count} people).");
        return await SaveAsync(directory, caller, warnings);
    }

    public async Task<MeetingChange> WithdrawInvitationAsync(Caller caller, string personId)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        EnsureStatus("withdraw an invitation", MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress);
        var index = State.Invitations.FindIndex(i => i.Invitee.PersonId == personId);
        if (index < 0)
            throw CollaborationException.NotFound("That person is not invited to this meeting.");
        var invitation = State.Invitations[index];
        State.Invitations[index] = invitation with { Status = InvitationStatus.Withdrawn, WaitlistTicket = null, WithdrawnBySecretariat = true };
        await PromoteFromWaitlistAsync();
        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            await QueueMailAsync(CalendarMethod.Cancel, [invitation]);
        Audit(caller, "invitation-withdrawn", $"Withdrew the invitation of {invitation.Invitee.Name}.");
        var change = await SaveAsync(directory, caller, []);
        await AnnounceAccessChangedAsync();
        return change;
    }

    public async Task<MeetingChange> RespondAsync(Caller caller, InvitationResponse response)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var index = State.Invitations.FindIndex(i => i.Invitee.PersonId == caller.PersonId);
        if (index < 0)
            throw CollaborationException.Forbidden("You are not invited to this meeting.");
        var invitation = State.Invitations[index];
        if (invitation.WithdrawnBySecretariat)
            throw CollaborationException.InvalidState("The secretariat withdrew your invitation to this meeting.");
        if (State.Status is not (MeetingStatus.Scheduled or MeetingStatus.InProgress))
            throw CollaborationException.InvalidState(State.Status switch
            {
                MeetingStatus.Cancelled => "The meeting was cancelled: there is nothing to answer any more.",
                MeetingStatus.Concluded => "The meeting has concluded: there is nothing to answer any more.",
                _ => "The meeting is not scheduled yet: answer once the secretariat has scheduled it.",
            });

        var now = clock.GetUtcNow();
        var answered = response switch
        {
            InvitationResponse.Accept when invitation.Status is InvitationStatus.Accepted or InvitationStatus.Waitlisted => invitation,
            InvitationResponse.Accept when State.Details!.Capacity is { } capacity && AcceptedCount() >= capacity =>
                invitation with { Status = InvitationStatus.Waitlisted, WaitlistTicket = State.NextWaitlistTicket++, RespondedAt = now },
            InvitationResponse.Accept => invitation with { Status = InvitationStatus.Accepted, WaitlistTicket = null, RespondedAt = now },
            InvitationResponse.Tentative => invitation with { Status = InvitationStatus.Tentative, WaitlistTicket = null, RespondedAt = now },
            InvitationResponse.Decline => invitation with { Status = InvitationStatus.Declined, WaitlistTicket = null, RespondedAt = now },
            InvitationResponse.Withdraw => invitation with { Status = InvitationStatus.Withdrawn, WaitlistTicket = null, RespondedAt = now },
            _ => throw CollaborationException.Validation("Unknown answer.", "response"),
        };
        State.Invitations[index] = answered;
        await PromoteFromWaitlistAsync();
        Audit(caller, "responded", $"{invitation.Invitee.Name} answered: {answered.Status}.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> RespondByLinkAsync(string token, InvitationResponse response)
    {
        var key = await grains.GetGrain<IRsvpKeyGrain>(0).GetKeyAsync();
        var (meetingId, personId) = RsvpToken.Verify(key, token, clock.GetUtcNow());
        if (meetingId != Key)
            throw CollaborationException.Unauthenticated("This answer link belongs to another meeting.");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.Unauthenticated("The person this answer link was sent to no longer exists.");
        return await RespondAsync(new Caller(person.Id, IsAdministrator: false), response);
    }

    public async Task<MeetingChange?> RespondByMailAsync(string email, InvitationResponse response)
    {
        if (response == InvitationResponse.Withdraw || !State.Exists)
            return null;
        var personId = await grains.GetGrain<IAccountGrain>(email.Trim().ToLowerInvariant()).FindPersonAsync();
        if (personId is null || State.Invitations.All(i => i.Invitee.PersonId != personId))
            return null;
        return await RespondAsync(new Caller(personId, IsAdministrator: false), response);
    }

    public async Task ReportUndeliverableAsync(string personId, string reason)
    {
        var index = State.Invitations.FindIndex(i => i.Invitee.PersonId == personId);
        if (index < 0 || State.Invitations[index].DeliveryProblem == reason)
            return;
        State.Invitations[index] = State.Invitations[index] with { DeliveryProblem = Validate.Text(reason, "reason", 500) };
        await state.WriteOrForgetAsync();
    }

    public async Task<SecretariatEvent> GetSecretariatEventAsync()
    {
        if (!State.Exists)
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
        var core = SecretariatEventCore();
        var attendees = new List<EventAttendee>();
        foreach (var personId in core.AttendeeIds)
        {
            if (await grains.GetGrain<IPersonGrain>(personId).FindAsync() is { } person)
                attendees.Add(new EventAttendee(person.Profile.Email, person.Profile.Name));
        }
        return core.Event with { Attendees = attendees };
    }

    public async Task RecordSecretariatEventAsync(SecretariatEventReceipt receipt)
    {
        var changed = false;
        if (receipt.EventId is { Length: > 0 and <= 1000 } eventId && eventId != State.SecretariatEventId)
        {
            State.SecretariatEventId = eventId;
            changed = true;
        }
        if (receipt.JoinUrl is { } joinUrl && joinUrl != State.TeamsJoinUrl
            && Uri.TryCreate(joinUrl, UriKind.Absolute, out var link) && link.Scheme == "https")
        {
            var before = JoinUrl();
            State.TeamsJoinUrl = link.ToString();
            changed = true;
            // A new link to join is news for every invitee: their calendars get it as an update.
            if (JoinUrl() != before && State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            {
                State.Revision++;
                await QueueUpdateAsync();
            }
        }
        // Syncs run side by side; one that read an older state and finished last is followed by another.
        if (receipt.Fingerprint is { } synced && synced != State.SecretariatEventFingerprint && State.SecretariatEventFingerprint is not null)
        {
            QueueSecretariatSync(force: true);
            changed = true;
        }
        if (!changed)
            return;
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
        await DispatchMailAsync();
    }

    /// <summary>
    /// Queues a sync of the secretariat's calendar, written with the change, when the event it should hold
    /// differs from the last one queued: scheduled and running meetings are there, a cancelled one that was
    /// there is cancelled, drafts never appear.
    /// </summary>
    private void QueueSecretariatSync(bool force = false)
    {
        if (!settings.Value.SecretariatCalendar)
            return;
        var wanted = State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            || (State.Status == MeetingStatus.Cancelled && State.SecretariatEventFingerprint is not null);
        if (!wanted)
            return;
        var fingerprint = SecretariatEventCore().Event.Fingerprint;
        if (fingerprint == State.SecretariatEventFingerprint && !force)
            return;
        State.SecretariatEventFingerprint = fingerprint;
        State.SecretariatSyncs++;
        var id = MailId($"secretariat-calendar|{State.SecretariatSyncs}", "secretariat");
        State.PendingMail.Add(new OutboxItem(id, "secretariat calendar", "Secretariat", State.Details!.WorkingLanguages[0], null,
            MeetingId: Key, SecretariatCalendar: true));
    }

    /// <summary>The secretariat's event without attendee addresses (those need a look-up per person), and whom it invites.</summary>
    private (SecretariatEvent Event, IReadOnlyList<string> AttendeeIds) SecretariatEventCore()
    {
        var details = State.Details!;
        var zone = Validate.TimeZone(details.TimeZone);
        var attendeeIds = State.CoChairs.Concat(State.Rapporteurs).Select(p => p.PersonId)
            .Concat(State.Invitations.Where(i => i.Status != InvitationStatus.Withdrawn).Select(i => i.Invitee.PersonId))
            .Distinct().ToList();
        var body = string.Join("\n\n", new[] { details.Descriptions.FirstOrDefault()?.Text, Agenda(zone) }.Where(t => !string.IsNullOrEmpty(t)));
        var @event = new SecretariatEvent(
            Key, State.Revision, State.Status == MeetingStatus.Cancelled, details.Titles[0].Text, body, Location(), details.TimeZone,
            State.StartsAt, State.EndsAt, [], details.Format != MeetingFormat.InPerson && details.OnlineMeetingUrl is null,
            State.SecretariatEventId, State.CancellationReason);
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f',
            @event.Cancelled, @event.Title, @event.Body, @event.Location, @event.TimeZone, @event.StartsAt.UtcTicks, @event.EndsAt.UtcTicks,
            @event.TeamsMeeting, @event.CancellationReason, string.Join(',', attendeeIds.Order(StringComparer.Ordinal))))));
        return (@event with { Fingerprint = fingerprint }, attendeeIds);
    }

    public async Task<MeetingChange> AddDocumentAsync(Caller caller, DocumentInput document, string? idempotencyKey = null)
    {
        var request = RequestKeys.Scoped(caller, idempotencyKey);
        if (RequestKeys.Done(State.Requests, request))
            return await AlreadyDoneAsync(caller);
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        EnsureStatus("add documents", MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress, MeetingStatus.Concluded);
        if (State.Documents.Count >= MeetingDocuments.MaxPerMeeting)
            throw CollaborationException.Validation($"A meeting holds at most {MeetingDocuments.MaxPerMeeting} documents.", "document");
        // With an idempotency key the document's id comes from it, so a retried upload finds its document.
        var valid = ValidDocument(document, RequestKeys.NewId(caller, idempotencyKey));
        RequestKeys.Remember(State.Requests, request);
        State.Documents.Add(valid);
        Audit(caller, "document-added", $"Added the {valid.Kind} '{valid.Title}'.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingChange> RemoveDocumentAsync(Caller caller, string documentId)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        var document = State.Documents.Find(d => d.Id == documentId)
            ?? throw CollaborationException.NotFound("The meeting has no such document.");
        if (State.Sessions.Any(s => s.DiscussionGuideDocumentId == documentId))
            throw CollaborationException.InvalidState($"'{document.Title}' is a working session's discussion guide; change the session first.");
        State.Documents.Remove(document);
        Audit(caller, "document-removed", $"Removed the {document.Kind} '{document.Title}'.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task<MeetingDocument> GetDocumentAsync(Caller? caller, string documentId)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        var access = AccessOf(caller, directory);
        return State.Documents.Find(d => d.Id == documentId && access.MaySee(d.Visibility))
            ?? throw CollaborationException.NotFound("The meeting has no such document.");
    }

    public async Task<(string DialogueName, string Title, IReadOnlyList<WorkingSession> Sessions)> GetSummaryHeadingAsync(string language)
    {
        var directory = await DirectoryAsync();
        if (!State.Exists)
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
        var title = State.Details!.Titles.FirstOrDefault(t => t.Language == language) ?? State.Details.Titles[0];
        return (directory.Settings.Name, title.Text, [.. State.Sessions.Select(s => s with { Title = s.TitleIn(language) })]);
    }

    public Task<MeetingPersonalRecord?> GetPersonalRecordAsync(Caller caller, string personId)
    {
        if (caller.PersonId != personId && !caller.IsAdministrator)
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
        if (!State.Exists)
            return Task.FromResult<MeetingPersonalRecord?>(null);
        var roles = new List<string>();
        if (State.CoChairs.Any(p => p.PersonId == personId))
            roles.Add("co-chair");
        if (State.Rapporteurs.Any(p => p.PersonId == personId))
            roles.Add("rapporteur");
        if (State.Sessions.Any(s => s.Moderators.Any(p => p.PersonId == personId)))
            roles.Add("moderator");
        var invitation = State.Invitations.Find(i => i.Invitee.PersonId == personId);
        return Task.FromResult(invitation is null && roles.Count == 0
            ? null
            : new MeetingPersonalRecord(Key, State.Details!.Titles.FirstOrDefault()?.Text ?? Key, State.StartsAt, State.Status.ToString(), invitation?.Status.ToString(), roles));
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
        State.Version++;
        await state.WriteOrForgetAsync();
    }

    private async Task<MeetingChange> TransitionAsync(
        Caller caller, MeetingStatus to, MeetingStatus[] from, bool growsRevision, string action, string summary, Action? apply = null)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        if (!from.Contains(State.Status))
            throw CollaborationException.InvalidState($"A meeting that is {State.Status} cannot become {to}.");
        apply?.Invoke();
        var wasAnnounced = State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress;
        State.Status = to;
        if (growsRevision)
            State.Revision++;
        if (to == MeetingStatus.Scheduled)
            await QueueUpdateAsync(isUpdate: false);
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

    private async Task<DialogueView> EditableAsync(Caller caller, int expectedVersion)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        EnsureVersion(expectedVersion);
        EnsureStatus("change it", MeetingStatus.Draft, MeetingStatus.Scheduled, MeetingStatus.InProgress);
        return directory;
    }

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
        ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    private MeetingAccess AccessOf(Caller? caller, DialogueView directory)
    {
        if (caller is null)
            return MeetingAccess.Anonymous;
        var membership = directory.Members.FirstOrDefault(m => m.PersonId == caller.PersonId)?.Membership;
        var id = caller.PersonId;
        // A meeting's roles count only while the person is still a member of its dialogue.
        var member = membership is not null;
        return new MeetingAccess(
            IsSecretariat: caller.IsAdministrator || membership?.Roles.Contains(DialogueRole.Secretariat) == true,
            IsMember: member,
            IsOrganiser: member && (State.CoChairs.Any(c => c.PersonId == id) || State.Rapporteurs.Any(r => r.PersonId == id)),
            IsCoChair: member && State.CoChairs.Any(c => c.PersonId == id),
            IsParticipant: member && (State.CoChairs.Any(c => c.PersonId == id) || State.Rapporteurs.Any(r => r.PersonId == id)
                || State.Sessions.Any(s => s.Moderators.Any(m => m.PersonId == id))
                || State.Invitations.Any(i => i.Invitee.PersonId == id && !i.WithdrawnBySecretariat)));
    }

    private bool IsVisible(Caller? caller, DialogueView directory) =>
        State.Exists && AccessOf(caller, directory).MaySee(State.Status, State.Details!.Visibility);

    private void EnsureVisible(Caller? caller, DialogueView directory)
    {
        if (!IsVisible(caller, directory))
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
    }

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

    private void EnsureVersion(int expectedVersion)
    {
        if (expectedVersion != State.Version)
            throw CollaborationException.Conflict(
                $"The meeting changed since you read it (version {expectedVersion}, now {State.Version}); reload and try again.",
                "expectedVersion");
    }

    private void EnsureStatus(string what, params MeetingStatus[] allowed)
    {
        if (!allowed.Contains(State.Status))
            throw CollaborationException.InvalidState($"The meeting is {State.Status}: you can no longer {what}.");
    }

    /// <summary>
    /// Checks every field of a meeting's details and records each bad one; answers the valid details (times as
    /// UTC) only when every field is good.
    /// </summary>
    private static (MeetingDetails Details, DateTimeOffset Starts, DateTimeOffset Ends)? ValidDetails(MeetingDetailsForm form, DialogueView directory, Problems problems)
    {
        var settings = directory.Settings;
        var languages = (form.WorkingLanguages ?? []).Distinct().ToList();
        if (languages.Count == 0)
            problems.Add("workingLanguages", "A meeting has at least one working language.", "REQUIRED");
        foreach (var language in languages.Where(l => !settings.WorkingLanguages.Contains(l)))
            problems.Add("workingLanguages", $"'{language}' is not a working language of the dialogue ({string.Join(", ", settings.WorkingLanguages)}).",
                "NOT_A_WORKING_LANGUAGE", ("language", language), ("languages", string.Join(", ", settings.WorkingLanguages)));
        languages = [.. languages.Where(settings.WorkingLanguages.Contains)];

        var titles = ValidTexts(form.Titles ?? [], languages, "titles", 200, problems);
        if (titles.Count == 0 && !problems.Has("titles"))
            problems.Add("titles", "Give the meeting a title in at least one of its working languages.", "NO_TITLE");
        var descriptions = ValidTexts(form.Descriptions ?? [], languages, "descriptions", 8000, problems);
        var type = problems.Check(() => (MeetingType?)Validate.Required(form.Type, "type"));

        string? pillar = null;
        if (!string.IsNullOrWhiteSpace(form.Pillar))
        {
            pillar = form.Pillar.Trim();
            if (settings.Pillars is not { } pillars || !pillars.Contains(pillar))
                problems.Add("pillar", $"'{pillar}' is not a pillar of the dialogue ({string.Join(", ", settings.Pillars ?? [])}).",
                    "UNKNOWN_PILLAR", ("pillars", string.Join(", ", settings.Pillars ?? [])));
        }

        var host = problems.Check(() => Validate.CountryCode(Validate.Required(form.HostCountry, "hostCountry"), "hostCountry"));
        if (host is not null && directory.PartnerStates.All(s => s.Code != host))
            problems.Add("hostCountry", $"{host} is not a partner state of the dialogue: a partner state hosts its meetings.", "HOST_NOT_PARTNER_STATE", ("code", host));
        var city = problems.Check(() => Validate.Text(form.City, "city", 100));
        var venue = problems.Check(() => Validate.OptionalText(form.Venue, "venue", 200));

        var zone = problems.Check(() => Validate.TimeZone(form.TimeZone));
        var startsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(form.StartsLocal, "startsLocal"));
        var endsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(form.EndsLocal, "endsLocal"));
        DateTimeOffset? starts = null, ends = null;
        if (zone is not null && startsLocal is { } localStart && endsLocal is { } localEnd)
        {
            starts = problems.Check(() => (DateTimeOffset?)ToUtc(localStart, zone, "startsLocal"));
            ends = problems.Check(() => (DateTimeOffset?)ToUtc(localEnd, zone, "endsLocal"));
            if (starts is { } s && ends is { } e && e <= s)
                problems.Add("endsLocal", "The meeting must end after it starts.", "ENDS_BEFORE_START");
            else if (starts is { } s2 && ends is { } e2 && e2 - s2 > MaxDuration)
                problems.Add("endsLocal", $"A meeting lasts at most {MaxDuration.TotalDays} days.", "MEETING_TOO_LONG", ("days", MaxDuration.TotalDays));
        }
        if (form.Capacity is < 1 or > 100_000)
            problems.Add("capacity", "The capacity is a number of places from 1 to 100,000, or none.", "CAPACITY_RANGE");

        var interpretation = problems.Check(() => (bool?)Validate.Required(form.Interpretation, "interpretation"));
        var visibility = problems.Check(() => (MeetingVisibility?)Validate.Required(form.Visibility, "visibility"));
        var liveNotes = problems.Check(() => (bool?)Validate.Required(form.LiveNotesForParticipants, "liveNotesForParticipants"));
        var guard = problems.Check(() => (AttributionGuard?)Validate.Required(form.AttributionGuard, "attributionGuard"));
        var format = problems.Check(() => (MeetingFormat?)Validate.Required(form.Format, "format"));
        string? onlineMeetingUrl = null;
        if (!string.IsNullOrWhiteSpace(form.OnlineMeetingUrl))
        {
            if (format == MeetingFormat.InPerson)
                problems.Add("onlineMeetingUrl", "An in-person meeting has no online link: make it hybrid or online first.", "ONLINE_LINK_IN_PERSON");
            else if (!Uri.TryCreate(form.OnlineMeetingUrl.Trim(), UriKind.Absolute, out var link) || link.Scheme != "https" || form.OnlineMeetingUrl.Length > 2000)
                problems.Add("onlineMeetingUrl", "The online meeting link must be an absolute https address.", "ONLINE_LINK_HTTPS");
            else
                onlineMeetingUrl = link.ToString();
        }

        if (problems.Any)
            return null;
        var valid = new MeetingDetails(
            titles, descriptions, type!.Value, pillar, host!, city!, venue, zone!.Id,
            DateTime.SpecifyKind(startsLocal!.Value, DateTimeKind.Unspecified), DateTime.SpecifyKind(endsLocal!.Value, DateTimeKind.Unspecified),
            languages, interpretation!.Value, form.Capacity, visibility!.Value, liveNotes!.Value, guard!.Value, format!.Value, onlineMeetingUrl);
        return (valid, starts!.Value, ends!.Value);
    }

    /// <summary>Texts in the meeting's languages, one per language; each bad one is recorded.</summary>
    private static List<LocalizedText> ValidTexts(IReadOnlyList<LocalizedText> texts, List<string> languages, string field, int maxLength, Problems problems)
    {
        var valid = new List<LocalizedText>();
        foreach (var text in texts)
        {
            if (!languages.Contains(text.Language))
                problems.Add(field, $"'{text.Language}' is not a working language of the meeting.", "NOT_A_MEETING_LANGUAGE", ("language", text.Language));
            else if (valid.Any(t => t.Language == text.Language))
                problems.Add(field, $"Give one text per language ({text.Language} twice).", "DUPLICATE_LANGUAGE", ("language", text.Language));
            else if (problems.Check(() => Validate.OptionalText(text.Text, field, maxLength)) is { } value)
                valid.Add(new LocalizedText(text.Language, value));
        }
        return valid;
    }

    /// <summary>A wall-clock time in a zone as UTC; a time that the zone skips (a DST gap) is refused.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone, string field)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            throw CollaborationException.Validation($"{unspecified:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it).", field, "TIME_SKIPPED",
                ("time", unspecified.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("zone", zone.Id));
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private List<WorkingSession> ShiftedSessions(MeetingDetails moved, TimeZoneInfo oldZone, TimeZoneInfo newZone)
    {
        var offset = moved.StartsLocal - State.Details!.StartsLocal;
        return [.. State.Sessions.Select(s => s with
        {
            StartsAt = ToUtc(TimeZoneInfo.ConvertTime(s.StartsAt, oldZone).DateTime + offset, newZone, "startsLocal"),
            EndsAt = ToUtc(TimeZoneInfo.ConvertTime(s.EndsAt, oldZone).DateTime + offset, newZone, "endsLocal"),
        })];
    }

    private void ApplyDetails(MeetingDetails details, DateTimeOffset starts, DateTimeOffset ends)
    {
        State.Details = details;
        State.StartsAt = starts;
        State.EndsAt = ends;
    }

    /// <summary>
    /// A session as the form (laid over the current session when it changes one) makes it, checked in full:
    /// every bad field is reported at once; an overlap with another session is a CONFLICT.
    /// </summary>
    private async Task<WorkingSession> ValidSessionAsync(string id, WorkingSessionInput input, WorkingSession? current, DialogueView directory)
    {
        var zone = Validate.TimeZone(State.Details!.TimeZone);
        var languages = State.Details.WorkingLanguages.ToList();
        var problems = new Problems();

        // Titles: the list when it is sent; otherwise "title" sets the one in the meeting's first language.
        var currentTitles = current?.Titles ?? (current is null ? [] : [new LocalizedText(languages[0], current.Title)]);
        IReadOnlyList<LocalizedText> titles = input.Gives("titles") ? input.Titles ?? []
            : input.Gives("title") ? [new LocalizedText(languages[0], input.Title ?? ""), .. currentTitles.Where(t => t.Language != languages[0])]
            : currentTitles;
        var validTitles = ValidTexts(titles, languages, input.Gives("titles") ? "titles" : "title", 200, problems);
        if (validTitles.Count == 0 && !problems.Has("titles") && !problems.Has("title"))
            problems.Add(input.Gives("titles") ? "titles" : "title", "Give the working session a title in at least one of the meeting's languages.", "NO_TITLE");

        string Local(DateTimeOffset at) => MeetingDetailsForm.FormatLocal(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var startsText = input.Gives("startsLocal") || current is null ? input.StartsLocal : Local(current.StartsAt);
        var endsText = input.Gives("endsLocal") || current is null ? input.EndsLocal : Local(current.EndsAt);
        var startsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(startsText, "startsLocal"));
        var endsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(endsText, "endsLocal"));
        var starts = startsLocal is { } sl ? problems.Check(() => (DateTimeOffset?)ToUtc(sl, zone, "startsLocal")) : null;
        var ends = endsLocal is { } el ? problems.Check(() => (DateTimeOffset?)ToUtc(el, zone, "endsLocal")) : null;
        if (starts is { } s && ends is { } e)
        {
            if (e <= s)
                problems.Add("endsLocal", "A working session must end after it starts.", "ENDS_BEFORE_START");
            else if (s < State.StartsAt || e > State.EndsAt)
                problems.Add("startsLocal",
                    $"The working session must lie within the meeting ({State.Details.StartsLocal:yyyy-MM-dd HH:mm}–{State.Details.EndsLocal:yyyy-MM-dd HH:mm} {zone.Id}).",
                    "SESSION_OUTSIDE_MEETING",
                    ("starts", State.Details.StartsLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                    ("ends", State.Details.EndsLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var moderatorIds = input.Gives("moderatorIds") || current is null ? input.ModeratorIds ?? [] : [.. current.Moderators.Select(m => m.PersonId)];
        if (moderatorIds.Distinct().Count() != moderatorIds.Count || moderatorIds.Count > 10)
            problems.Add("moderatorIds", "Name each moderator once, at most ten.", "MODERATORS_RANGE", ("max", 10));
        var moderators = new List<MeetingPerson>();
        foreach (var moderator in moderatorIds.Distinct().Take(10))
        {
            if (current?.Moderators.FirstOrDefault(m => m.PersonId == moderator) is { } kept && !input.Gives("moderatorIds"))
                moderators.Add(kept);
            else if (await problems.CheckAsync(() => MemberAsync(moderator, directory, "moderatorIds")) is { } person)
                moderators.Add(person);
        }
        var description = input.Gives("description") || current is null
            ? problems.Check(() => Validate.OptionalText(input.Description, "description", 8000))
            : current.Description;
        var guide = input.Gives("discussionGuideDocumentId") || current is null ? input.DiscussionGuideDocumentId : current.DiscussionGuideDocumentId;
        if (guide is not null && State.Documents.All(d => d.Id != guide))
            problems.Add("discussionGuideDocumentId", "The discussion guide must be one of the meeting's documents.", "UNKNOWN_DOCUMENT");
        problems.ThrowIfAny();

        var overlapping = State.Sessions.FirstOrDefault(o => o.Id != id && o.StartsAt < ends && starts < o.EndsAt);
        if (overlapping is not null)
            throw CollaborationException.Conflict($"The working session would overlap '{overlapping.Title}'.", "startsLocal");
        var main = validTitles.FirstOrDefault(t => t.Language == languages[0]) ?? validTitles[0];
        return new WorkingSession(id, main.Text, starts!.Value, ends!.Value, moderators, description, guide, validTitles);
    }

    /// <summary>The people named as co-chairs or rapporteurs, each once and a member of the dialogue; problems recorded.</summary>
    private async Task<List<MeetingPerson>> ChairsAsync(IReadOnlyList<string> ids, string field, DialogueView directory, Problems problems)
    {
        if (ids.Distinct().Count() != ids.Count)
            problems.Add(field, "Name each co-chair and rapporteur once.", "DUPLICATE_PERSON");
        var people = new List<MeetingPerson>();
        foreach (var id in ids.Distinct())
        {
            if (await problems.CheckAsync(() => MemberAsync(id, directory, field)) is { } person)
                people.Add(person);
        }
        return people;
    }

    private int SessionIndex(string sessionId)
    {
        var index = State.Sessions.FindIndex(s => s.Id == sessionId);
        return index >= 0 ? index : throw CollaborationException.NotFound("The agenda has no such working session.");
    }

    /// <summary>A dialogue member as a meeting shows them; VALIDATION for anyone outside the dialogue.</summary>
    private async Task<MeetingPerson> MemberAsync(string personId, DialogueView directory, string field)
    {
        var member = directory.Members.FirstOrDefault(m => m.PersonId == personId)
            ?? throw CollaborationException.Validation($"The person '{personId}' is not a member of the dialogue.", field, "NOT_A_MEMBER");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.Validation($"The person '{personId}' does not exist.", field, "NOT_A_MEMBER");
        var state = directory.PartnerStates.FirstOrDefault(s => s.Code == member.Membership.PartnerStateCode);
        return new MeetingPerson(personId, person.Profile.Name, AffiliationOf(member.Membership, directory), state?.RegionalGroup);
    }

    private static string? AffiliationOf(Membership membership, DialogueView directory)
    {
        if (directory.PartnerStates.FirstOrDefault(s => s.Code == membership.PartnerStateCode) is { } state)
            return state.Name;
        if (directory.PartnerAgencies.Concat(directory.Observers).FirstOrDefault(o => o.Key == membership.OrganisationKey) is { } organisation)
            return organisation.Acronym ?? organisation.Name;
        if (membership.City is { } city)
            return city;
        return membership.Roles.Contains(DialogueRole.Secretariat) ? "Secretariat" : null;
    }

    /// <summary>The people a target invites: a state's delegates and focal points, an organisation's staff, a city's officials, or one member.</summary>
    private static List<(string PersonId, string? Affiliation)> Expand(InvitationTarget target, DialogueView directory, IReadOnlyList<Cities.CitySummary> cities)
    {
        var named = new[] { target.PartnerStateCode, target.OrganisationKey, target.CityId, target.PersonId }.Count(v => v is not null);
        if (named != 1)
            throw CollaborationException.Validation("Each invitation names exactly one partner state, organisation, city or person.", "targets", "ONE_TARGET");

        IEnumerable<Member> members;
        if (target.PartnerStateCode is { } code)
        {
            var upper = Validate.CountryCode(code, "partnerStateCode");
            if (directory.PartnerStates.All(s => s.Code != upper))
                throw CollaborationException.Validation($"{upper} is not a partner state of the dialogue.", "partnerStateCode", "NOT_A_PARTNER_STATE", ("code", upper));
            members = directory.Members.Where(m => m.Membership.PartnerStateCode == upper
                && (m.Membership.Roles.Contains(DialogueRole.Delegate) || m.Membership.Roles.Contains(DialogueRole.FocalPoint)));
        }
        else if (target.OrganisationKey is { } key)
        {
            if (directory.PartnerAgencies.Concat(directory.Observers).All(o => o.Key != key))
                throw CollaborationException.Validation($"'{key}' is not a partner agency or observer of the dialogue.", "organisationKey", "UNKNOWN_ORGANISATION");
            members = directory.Members.Where(m => m.Membership.OrganisationKey == key);
        }
        else if (target.CityId is { } cityId)
        {
            var city = cities.FirstOrDefault(c => c.Id == cityId)
                ?? throw CollaborationException.Validation($"'{cityId}' is not a city of the dialogue.", "cityId", "UNKNOWN_CITY");
            members = directory.Members.Where(m => m.Membership.Roles.Contains(DialogueRole.CityOfficial) && m.Membership.Represents(city.Id, city.Name));
        }
        else
        {
            members = directory.Members.Where(m => m.PersonId == target.PersonId);
            if (!members.Any())
                throw CollaborationException.Validation("The invitee is not a member of the dialogue; the secretariat adds them first.", "personId", "NOT_A_MEMBER");
        }
        return [.. members.Select(m => (m.PersonId, AffiliationOf(m.Membership, directory)))];
    }

    private static string Describe(InvitationTarget target, DialogueView directory, IReadOnlyList<Cities.CitySummary> cities) =>
        target.PartnerStateCode is { } code ? directory.PartnerStates.FirstOrDefault(s => s.Code == code.ToUpperInvariant())?.Name ?? code
        : target.OrganisationKey is { } key ? directory.PartnerAgencies.Concat(directory.Observers).FirstOrDefault(o => o.Key == key)?.Name ?? key
        : target.CityId is { } cityId ? cities.FirstOrDefault(c => c.Id == cityId)?.Name ?? cityId
        : directory.Members.Any(m => m.PersonId == target.PersonId) ? "one person" : "nobody";

    private int AcceptedCount() => State.Invitations.Count(i => i.Status == InvitationStatus.Accepted);

    /// <summary>Fills free places from the waitlist, first come first served.</summary>
    private Task PromoteFromWaitlistAsync()
    {
        var promoted = new List<StoredInvitation>();
        while (State.Details!.Capacity is not { } capacity || AcceptedCount() < capacity)
        {
            var next = State.Invitations.Where(i => i.Status == InvitationStatus.Waitlisted).MinBy(i => i.WaitlistTicket);
            if (next is null)
                break;
            var index = State.Invitations.IndexOf(next);
            State.Invitations[index] = next with { Status = InvitationStatus.Accepted, WaitlistTicket = null };
            promoted.Add(State.Invitations[index]);
        }
        return QueueNoticeAsync(NoticeKind.PromotedFromWaitlist, promoted, $"promoted|{State.Version}");
    }

    /// <summary>Adds notices (waitlist promotion, reminder) to the state, written with the change that causes them.</summary>
    private async Task QueueNoticeAsync(NoticeKind kind, IEnumerable<StoredInvitation> invitations, string occasion)
    {
        foreach (var invitation in invitations.ToList())
        {
            var person = await grains.GetGrain<IPersonGrain>(invitation.Invitee.PersonId).FindAsync();
            if (person is null)
                continue;
            var language = person.Profile.PreferredLanguage;
            var title = (State.Details!.Titles.FirstOrDefault(t => t.Language == language) ?? State.Details.Titles[0]).Text;
            var id = MailId($"{kind}|{occasion}", invitation.Invitee.PersonId);
            State.PendingMail.RemoveAll(m => m.Id == id);
            State.PendingMail.Add(new OutboxItem(id, person.Profile.Email, person.Profile.Name, language, null, Notice: new MeetingNotice(
                kind,
                title,
                Location(),
                State.Details.TimeZone,
                State.StartsAt,
                State.EndsAt,
                JoinUrl()),
                MeetingId: Key,
                PersonId: invitation.Invitee.PersonId));
        }
    }

    /// <summary>
    /// The outbox id of one message about this meeting: derived from what caused it and whom it is for, so
    /// handing it over twice (after a crash) cannot send it twice.
    /// </summary>
    private string MailId(string occasion, string personId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{Key}|{occasion}|{personId}")).AsSpan(0, 16));

    private string Agenda(TimeZoneInfo zone) => string.Join('\n', State.Sessions.Select(s =>
        $"{TimeZoneInfo.ConvertTime(s.StartsAt, zone):yyyy-MM-dd HH:mm}–{TimeZoneInfo.ConvertTime(s.EndsAt, zone):HH:mm} {s.Title}"));

    /// <summary>The link to join online: the secretariat's own, else the Teams meeting its calendar made.</summary>
    private string? JoinUrl() =>
        State.Details!.Format == MeetingFormat.InPerson ? null : State.Details.OnlineMeetingUrl ?? State.TeamsJoinUrl;

    private string Location() =>
        string.Join(", ", new[] { State.Details!.Venue, State.Details.City, State.Details.HostCountry }.Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>Keeps one Orleans reminder per reminder time that is still ahead, while the meeting is scheduled.</summary>
    private async Task ArrangeRemindersAsync()
    {
        try
        {
            var now = clock.GetUtcNow();
            foreach (var offset in settings.Value.ReminderOffsets)
            {
                var name = ReminderName(offset);
                var due = State.StartsAt - offset - now;
                if (State.Status == MeetingStatus.Scheduled && due > TimeSpan.Zero && !State.RemindersSent.Contains(ReminderKey(offset)))
                    // Far-off reminders wake the meeting every 30 days to be set again, within what timers take.
                    await this.RegisterOrUpdateReminder(name, due < MaxReminderWait ? due : MaxReminderWait, TimeSpan.FromDays(1));
                else if (await this.GetReminder(name) is { } stale)
                    await this.UnregisterReminder(stale);
            }
        }
        catch (Exception e) when (e is not CollaborationException)
        {
            LogRemindersNotArranged(logger, e, Key);
        }
    }

    private static readonly TimeSpan MaxReminderWait = TimeSpan.FromDays(30);


    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Meeting {MeetingId}: its reminders could not be arranged; they are arranged again at its next change")]
    private static partial void LogRemindersNotArranged(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string meetingId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var offset = settings.Value.ReminderOffsets.FirstOrDefault(o => ReminderName(o) == reminderName);
        LogReminder(logger, Key, reminderName);
        if (offset != default && State.Status == MeetingStatus.Scheduled && clock.GetUtcNow() < State.StartsAt - offset - TimeSpan.FromMinutes(5))
        {
            await ArrangeRemindersAsync();
            return;
        }
        if (offset != default && State.Status == MeetingStatus.Scheduled && !State.RemindersSent.Contains(ReminderKey(offset)))
        {
            State.RemindersSent.Add(ReminderKey(offset));
            await QueueNoticeAsync(
                NoticeKind.Reminder,
                State.Invitations.Where(i => i.Status is InvitationStatus.Accepted or InvitationStatus.Tentative),
                ReminderKey(offset));
            await state.WriteOrForgetAsync();
            await DispatchMailAsync();
        }
        if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Debug, Message = "Meeting {MeetingId}: reminder {Reminder} is due")]
    private static partial void LogReminder(Microsoft.Extensions.Logging.ILogger logger, string meetingId, string reminder);

    private static string ReminderName(TimeSpan offset) => $"remind-{(long)offset.TotalMinutes}m";

    private string ReminderKey(TimeSpan offset) => $"{State.StartsAt.UtcTicks}|{offset.Ticks}";

    private MeetingDocument ValidDocument(DocumentInput document, string id)
    {
        var title = Validate.Text(document.Title, "title", 200);
        var now = clock.GetUtcNow();
        if (document.StorageKey is null)
        {
            if (!Uri.TryCreate(document.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                throw CollaborationException.Validation("A linked document needs an absolute http or https address.", "url");
            return new MeetingDocument(id, title, document.Kind, document.Visibility, url.ToString(), null, null, null, null, now);
        }
        if (document.Url is not null)
            throw CollaborationException.Validation("A document is either a link or an uploaded file.", "url");
        if (document.Size is not { } size || size <= 0 || size > MeetingDocuments.MaxSize)
            throw CollaborationException.Validation($"A file may be at most {MeetingDocuments.MaxSize / (1024 * 1024)} MiB.", "file");
        if (document.ContentType is null || !MeetingDocuments.AllowedContentTypes.Contains(document.ContentType))
            throw CollaborationException.Validation($"Files of type '{document.ContentType}' are not accepted; use PDF, office documents, text or images.", "file");
        var fileName = Validate.Text(Path.GetFileName(document.FileName ?? ""), "fileName", 200);
        return new MeetingDocument(id, title, document.Kind, document.Visibility, null, document.StorageKey, fileName, document.ContentType, size, now);
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

    /// <summary>A REQUEST at the new revision for everyone still invited, once the meeting has been announced.</summary>
    private Task QueueUpdateAsync(bool isUpdate = true) =>
        State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress
            ? QueueMailAsync(CalendarMethod.Request, State.Invitations.Where(i => i.Status is not (InvitationStatus.Withdrawn or InvitationStatus.Declined)), isUpdate)
            : Task.CompletedTask;

    /// <summary>
    /// Adds invitations or cancellations to the meeting's state, so they are written with the change that
    /// causes them; <see cref="DispatchMailAsync"/> hands them to the outbox after the write.
    /// </summary>
    private async Task QueueMailAsync(CalendarMethod method, IEnumerable<StoredInvitation> invitations, bool isUpdate = false)
    {
        var zone = Validate.TimeZone(State.Details!.TimeZone);
        var rsvpKey = method == CalendarMethod.Request ? await grains.GetGrain<IRsvpKeyGrain>(0).GetKeyAsync() : null;
        foreach (var invitation in invitations.ToList())
        {
            var person = await grains.GetGrain<IPersonGrain>(invitation.Invitee.PersonId).FindAsync();
            if (person is null)
                continue;
            var language = person.Profile.PreferredLanguage;
            var title = (State.Details.Titles.FirstOrDefault(t => t.Language == language) ?? State.Details.Titles[0]).Text;
            var description = (State.Details.Descriptions.FirstOrDefault(t => t.Language == language) ?? State.Details.Descriptions.FirstOrDefault())?.Text;
            var agenda = Agenda(zone);
            var id = MailId($"{State.Revision}|{method}", invitation.Invitee.PersonId);
            State.PendingMail.RemoveAll(m => m.Id == id);
            State.PendingMail.Add(new OutboxItem(id, person.Profile.Email, person.Profile.Name, language, new CalendarInvitation(
                method,
                CalendarUid.Of(Key),
                State.Revision,
                title,
                string.Join("\n\n", new[] { description, agenda }.Where(t => !string.IsNullOrEmpty(t))),
                Location(),
                State.Details.TimeZone,
                State.StartsAt,
                State.EndsAt,
                person.Profile.Email,
                person.Profile.Name,
                invitation.Status switch
                {
                    InvitationStatus.Accepted => "ACCEPTED",
                    InvitationStatus.Tentative => "TENTATIVE",
                    InvitationStatus.Declined => "DECLINED",
                    _ => "NEEDS-ACTION",
                },
                State.CancellationReason,
                isUpdate,
                rsvpKey is null ? null : RsvpToken.Sign(rsvpKey, Key, invitation.Invitee.PersonId, State.EndsAt.AddDays(1)),
                Key,
                JoinUrl()),
                MeetingId: Key,
                PersonId: invitation.Invitee.PersonId));
        }
    }

    /// <summary>Hands written invitations to the outbox; what it could not hand over stays for the next write or activation.</summary>
    private async Task DispatchMailAsync()
    {
        if (await OutboxHandOver.TryAsync(grains, State.PendingMail, state.WriteOrForgetAsync) is { } failure)
            LogDispatchFailed(logger, failure, Key, State.PendingMail.Count);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "Meeting {MeetingId}: {Count} invitation(s) not yet handed to the outbox; they stay in the meeting and are handed over at its next change or activation")]
    private static partial void LogDispatchFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string meetingId, int count);

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

    private Task PublishAsync() => grains.GetGrain<IMeetingCatalogGrain>(DialogueKey).UpsertAsync(Summary());

    private MeetingSummary Summary()
    {
        var organisers = State.CoChairs.Concat(State.Rapporteurs).Concat(State.Sessions.SelectMany(s => s.Moderators)).Select(p => p.PersonId);
        var invited = State.Invitations
            .Where(i => i.Status is not (InvitationStatus.Withdrawn or InvitationStatus.Declined))
            .Select(i => i.Invitee.PersonId);
        var accepted = State.Invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.Invitee.PersonId);
        var d = State.Details!;
        return new MeetingSummary(
            Key, DialogueKey, d.Titles, d.Type, d.Pillar, State.Status, d.HostCountry, d.City, d.Venue, d.TimeZone,
            State.StartsAt, State.EndsAt, d.Visibility,
            [.. organisers.Concat(invited).Distinct()],
            [.. organisers.Concat(accepted).Distinct()],
            State.CoChairs, State.Revision, State.Version);
    }

    private MeetingView View(Caller? caller, DialogueView directory)
    {
        var access = AccessOf(caller, directory);
        var mine = caller is null ? null : State.Invitations.Find(i => i.Invitee.PersonId == caller.PersonId);
        var waitlist = State.Invitations.Where(i => i.Status == InvitationStatus.Waitlisted).OrderBy(i => i.WaitlistTicket).ToList();
        Invitation Show(StoredInvitation i) => new(i.Invitee, i.Status, i.Status == InvitationStatus.Waitlisted ? waitlist.IndexOf(i) + 1 : null, i.InvitedAt, i.RespondedAt, i.DeliveryProblem);
        var seesPeople = access.IsSecretariat || access.IsParticipant;
        var participants = State.CoChairs.Concat(State.Rapporteurs)
            .Concat(State.Invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.Invitee))
            .DistinctBy(p => p.PersonId).ToList();
        return new MeetingView(
            Key,
            DialogueKey,
            seesPeople ? State.Details! : State.Details! with { OnlineMeetingUrl = null },
            State.StartsAt,
            State.EndsAt,
            State.Status,
            State.CancellationReason,
            State.Revision,
            State.Version,
            [.. State.Sessions],
            [.. State.CoChairs],
            [.. State.Rapporteurs],
            access.IsSecretariat ? [.. State.Invitations.Select(Show)] : [],
            seesPeople ? participants : [],
            [.. State.Documents.Where(d => access.IsSecretariat || access.MaySee(d.Visibility))],
            access.IsSecretariat ? [.. State.Audit] : [],
            mine is null ? null : Show(mine),
            State.Invitations.Count(i => i.Status == InvitationStatus.Accepted),
            waitlist.Count,
            access.IsSecretariat,
            seesPeople ? JoinUrl() : null,
            access.IsSecretariat || access.IsCoChair ? NotesApprovalViews() : []);
    }

    /// <summary>What the caller is to this meeting.</summary>
    private sealed record MeetingAccess(bool IsSecretariat, bool IsMember, bool IsOrganiser, bool IsParticipant, bool IsCoChair = false)
    {
        public static readonly MeetingAccess Anonymous = new(false, false, false, false);

        /// <summary>Who takes the meeting's notes: the dialogue's secretariat, the meeting's co-chairs and rapporteurs.</summary>
        public bool IsNoteTaker => IsSecretariat || IsOrganiser;

        public bool MaySee(MeetingVisibility visibility) => IsSecretariat || visibility switch
        {
            MeetingVisibility.Public => true,
            MeetingVisibility.DialogueMembers => IsMember,
            _ => IsParticipant,
        };

        /// <summary>
        /// Whether the caller sees the meeting itself: a draft is the secretariat's work in progress, seen by it
        /// and by the people already named on it, never by the public or the dialogue at large.
        /// </summary>
        public bool MaySee(MeetingStatus status, MeetingVisibility visibility) =>
            status == MeetingStatus.Draft ? IsSecretariat || IsParticipant : MaySee(visibility);
    }
}
