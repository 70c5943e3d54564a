namespace Collaboration.Meetings;

/// <summary>
/// Delegations: a partner state invited as a state gets places, and its focal points (or the secretariat on its
/// behalf) nominate the delegates, who are then invited one by one. Every nomination is checked in full before
/// anything changes.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>The places a state gets when the invitation does not say.</summary>
    public const int DefaultPlaces = 2;

    /// <summary>The most places one state may get.</summary>
    public const int MaxPlaces = 50;

    /// <summary>
    /// The checks of inviting states, before anything changes: places from 1 to <see cref="MaxPlaces"/>, never
    /// below the nominees a delegation already has.
    /// </summary>
    private void CheckDelegationTargets(IEnumerable<InvitationTarget> targets, Problems problems)
    {
        foreach (var target in targets.Where(t => t.PartnerStateCode is not null))
        {
            var code = target.PartnerStateCode!.Trim().ToUpperInvariant();
            if (target.Places is not { } places)
                continue;
            if (places is < 1 or > MaxPlaces)
                problems.Add("places", $"A state gets 1 to {MaxPlaces} places.", "PLACES_RANGE", ("min", 1), ("max", MaxPlaces));
            else if (State.Delegations.Find(d => d.PartnerStateCode == code) is not null && NomineeCount(code) > places)
                problems.Add("places", $"{code} has nominated {NomineeCount(code)} delegates already; withdraw some before giving fewer places.",
                    "TOO_MANY_NOMINEES", ("places", places));
        }
    }

    /// <summary>Creates (or, with places given, resizes) the delegation of each state target; warns of a state with no focal point.</summary>
    private async Task InviteDelegationsAsync(IEnumerable<InvitationTarget> targets, DialogueView directory, DateTimeOffset now, List<Warning> warnings)
    {
        foreach (var target in targets.Where(t => t.PartnerStateCode is not null))
        {
            var code = target.PartnerStateCode!.Trim().ToUpperInvariant();
            var index = State.Delegations.FindIndex(d => d.PartnerStateCode == code);
            if (index >= 0)
            {
                if (target.Places is { } places)
                    State.Delegations[index] = State.Delegations[index] with { Places = places };
            }
            else
            {
                State.Delegations.Add(new StoredDelegation(code, target.Places ?? DefaultPlaces, DelegationStatus.AwaitingNominations, now, null, false));
            }
            if (FocalPointsOf(code, directory).Count == 0)
            {
                var name = StateName(code, directory);
                warnings.Add(Warning.Of("NO_FOCAL_POINT", $"{name} has no focal point in the dialogue; the secretariat nominates its delegation.", ("target", name)));
            }
        }
        await QueueNominationRequestsAsync(directory);
    }

    /// <summary>
    /// Once the meeting is announced, asks each delegation's focal points to nominate: all of them the first time,
    /// then those named since who were not asked yet, while the state has nominated no one. Whether anything changed.
    /// </summary>
    private async Task<bool> QueueNominationRequestsAsync(DialogueView directory)
    {
        if (State.Status is not (MeetingStatus.Scheduled or MeetingStatus.InProgress))
            return false;
        var changed = false;
        for (var i = 0; i < State.Delegations.Count; i++)
        {
            var delegation = State.Delegations[i];
            var focalPoints = FocalPointsOf(delegation.PartnerStateCode, directory);
            // A delegation stored before the list was kept was told, when the meeting was announced, whoever was a focal point then.
            IReadOnlyList<string> told = delegation.FocalPointsTold ?? (delegation.FocalPointsNotified ? focalPoints : []);
            // The first time, every focal point is asked; later, only while the state has nominated no one.
            var asking = !delegation.FocalPointsNotified || delegation.Status == DelegationStatus.AwaitingNominations;
            List<string> untold = asking ? [.. focalPoints.Except(told)] : [];
            if (delegation.FocalPointsNotified && untold.Count == 0 && delegation.FocalPointsTold is not null)
                continue;
            await QueueNoticeToAsync(NoticeKind.NominationRequested, untold, $"nominate|{delegation.PartnerStateCode}");
            State.Delegations[i] = delegation with { FocalPointsNotified = true, FocalPointsTold = [.. told, .. untold] };
            changed = true;
        }
        return changed;
    }

    public async Task AskNewFocalPointsAsync()
    {
        if (!State.Exists || !await QueueNominationRequestsAsync(await DirectoryAsync()))
            return;
        // Who was asked is the meeting's own record, not something its readers see: the version stays.
        await state.WriteOrForgetAsync();
        await DispatchMailAsync();
    }

    public async Task<MeetingChange> NominateDelegatesAsync(Caller caller, string partnerStateCode, IReadOnlyList<string> personIds, IReadOnlyList<NewDelegate> newDelegates)
    {
        var directory = await DirectoryAsync();
        var (code, index) = EnsureMayNominate(caller, directory, partnerStateCode);
        personIds ??= [];
        newDelegates ??= [];
        if (personIds.Count == 0 && newDelegates.Count == 0)
            throw CollaborationException.Validation("Name at least one delegate.", "personIds", "REQUIRED");

        var problems = new Problems();
        var chosen = new List<string>();
        foreach (var id in personIds.Distinct(StringComparer.Ordinal))
        {
            if (OfTheState(directory.MembershipOf(id), code))
                chosen.Add(id);
            else
                problems.Add("personIds", $"The person '{id}' is not a delegate or focal point of {StateName(code, directory)}.", "NOT_OF_THE_STATE", ("partnerStateCode", code));
        }
        var newcomers = new List<PersonProfile>();
        foreach (var newcomer in newDelegates)
        {
            var name = problems.Check(() => Validate.Text(newcomer.Name, "newDelegates.name"));
            var email = problems.Check(() => Validate.Email(newcomer.Email, "newDelegates.email"));
            var language = problems.Check(() => Validate.LanguageCode(newcomer.PreferredLanguage, "newDelegates.preferredLanguage"));
            if (email is null)
                continue;
            // Someone already in the dialogue is nominated as the member they are, if they are of the state.
            var existing = await grains.GetGrain<IAccountGrain>(email).FindPersonAsync();
            if (existing is not null && directory.MembershipOf(existing) is { } membership)
            {
                if (OfTheState(membership, code))
                    chosen.Add(existing);
                else
                    problems.Add("newDelegates.email", $"{email} belongs to someone who does not represent {StateName(code, directory)}.", "NOT_OF_THE_STATE", ("partnerStateCode", code));
            }
            else if (name is not null && language is not null && newcomers.All(n => n.Email != email))
            {
                newcomers.Add(new PersonProfile(name, email, language));
            }
        }
        problems.ThrowIfAny();

        // A nominee already invited (standing) stays as they are and takes no new place.
        var added = chosen.Distinct(StringComparer.Ordinal).Where(id => !HasStandingInvitation(id)).ToList();
        var places = State.Delegations[index].Places;
        if (NomineeCount(code) + added.Count + newcomers.Count > places)
            throw CollaborationException.Validation(
                $"{StateName(code, directory)} has {places} places and {NomineeCount(code)} nominees; withdraw a nomination or ask the secretariat for more places.",
                "personIds", "TOO_MANY_NOMINEES", ("places", places));
        if (State.Invitations.Count + added.Count + newcomers.Count > MaxInvitations)
            throw CollaborationException.Validation($"A meeting invites at most {MaxInvitations} people.", "personIds");

        foreach (var newcomer in newcomers)
            added.Add(await grains.GetGrain<IDialogueGrain>(DialogueKey).AddDelegateAsync(caller, code, newcomer));
        if (newcomers.Count > 0)
            directory = await DirectoryAsync();
        var people = new Dictionary<string, MeetingPerson>(StringComparer.Ordinal);
        foreach (var id in added.Distinct(StringComparer.Ordinal))
            people[id] = await MemberAsync(id, directory, "personIds");

        var now = clock.GetUtcNow();
        var invited = new List<StoredInvitation>();
        foreach (var (id, person) in people)
        {
            var at = State.Invitations.FindIndex(i => i.Invitee.PersonId == id);
            var invitation = at >= 0
                ? State.Invitations[at] with { Status = InvitationStatus.Invited, WithdrawnBySecretariat = false, WaitlistTicket = null, RespondedAt = null, DelegationOf = code }
                : new StoredInvitation(person, InvitationStatus.Invited, null, now, null, false, DelegationOf: code);
            if (at >= 0)
                State.Invitations[at] = invitation;
            else
                State.Invitations.Add(invitation);
            invited.Add(invitation);
        }
        State.Delegations[index] = State.Delegations[index] with
        {
            Status = NomineeCount(code) > 0 ? DelegationStatus.Nominated : State.Delegations[index].Status == DelegationStatus.Declined
                ? DelegationStatus.Declined : DelegationStatus.AwaitingNominations,
            DeclineReason = NomineeCount(code) > 0 ? null : State.Delegations[index].DeclineReason,
        };
        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            await QueueMailAsync(CalendarMethod.Request, invited);
        Audit(caller, "delegates-nominated", invited.Count == 0
            ? $"Nominated for {StateName(code, directory)}: nobody new (those named were invited already)."
            : $"Nominated for {StateName(code, directory)}: {string.Join(", ", invited.Select(i => i.Invitee.Name))}.");
        var change = await SaveAsync(directory, caller, []);
        await AnnounceAccessChangedAsync();
        return change;
    }

    public async Task<MeetingChange> WithdrawNominationAsync(Caller caller, string partnerStateCode, string personId)
    {
        var directory = await DirectoryAsync();
        var (code, index) = EnsureMayNominate(caller, directory, partnerStateCode);
        var at = State.Invitations.FindIndex(i => i.Invitee.PersonId == personId && i.DelegationOf == code && i.Status != InvitationStatus.Withdrawn);
        if (at < 0)
            throw CollaborationException.NotFound($"That person is not nominated for {StateName(code, directory)}.");
        var invitation = State.Invitations[at];
        State.Invitations[at] = invitation with { Status = InvitationStatus.Withdrawn, WaitlistTicket = null, WithdrawnBySecretariat = true };
        await PromoteFromWaitlistAsync();
        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress && invitation.Status != InvitationStatus.Declined)
            await QueueMailAsync(CalendarMethod.Cancel, [invitation]);
        if (State.Delegations[index].Status == DelegationStatus.Nominated && NomineeCount(code) == 0)
            State.Delegations[index] = State.Delegations[index] with { Status = DelegationStatus.AwaitingNominations };
        Audit(caller, "nomination-withdrawn", $"Withdrew the nomination of {invitation.Invitee.Name} for {StateName(code, directory)}.");
        var change = await SaveAsync(directory, caller, []);
        await AnnounceAccessChangedAsync();
        return change;
    }

    public async Task<MeetingChange> DeclineDelegationAsync(Caller caller, string partnerStateCode, string? reason)
    {
        var directory = await DirectoryAsync();
        var (code, index) = EnsureMayNominate(caller, directory, partnerStateCode);
        var valid = Validate.OptionalText(reason, "reason", 500);
        var withdrawn = new List<StoredInvitation>();
        for (var i = 0; i < State.Invitations.Count; i++)
        {
            var invitation = State.Invitations[i];
            if (invitation.DelegationOf != code || invitation.Status == InvitationStatus.Withdrawn)
                continue;
            State.Invitations[i] = invitation with { Status = InvitationStatus.Withdrawn, WaitlistTicket = null, WithdrawnBySecretariat = true };
            if (invitation.Status != InvitationStatus.Declined)
                withdrawn.Add(invitation);
        }
        await PromoteFromWaitlistAsync();
        if (State.Status is MeetingStatus.Scheduled or MeetingStatus.InProgress)
            await QueueMailAsync(CalendarMethod.Cancel, withdrawn);
        State.Delegations[index] = State.Delegations[index] with { Status = DelegationStatus.Declined, DeclineReason = valid };
        Audit(caller, "delegation-declined", $"{StateName(code, directory)} declined to take part.");
        var change = await SaveAsync(directory, caller, []);
        await AnnounceAccessChangedAsync();
        return change;
    }

    /// <summary>
    /// NOT_FOUND for a caller who does not see the meeting, FORBIDDEN for anyone but the state's focal points and
    /// the secretariat, INVALID_STATE once the meeting is over, NOT_A_DELEGATION for a state not invited.
    /// </summary>
    private (string Code, int Index) EnsureMayNominate(Caller caller, DialogueView directory, string partnerStateCode)
    {
        EnsureVisible(caller, directory);
        var code = partnerStateCode?.Trim().ToUpperInvariant() ?? "";
        if (!MayNominateFor(caller, directory, code))
            throw CollaborationException.Forbidden("Only the state's focal points and the secretariat nominate its delegation.");
        if (InStatus("nominate delegates", NotOver) is { } refusal)
            throw refusal;
        var index = State.Delegations.FindIndex(d => d.PartnerStateCode == code);
        if (index < 0)
            throw CollaborationException.Validation($"{StateName(code, directory)} is not invited to this meeting as a state.", "partnerStateCode", "NOT_A_DELEGATION");
        return (code, index);
    }

    private static bool MayNominateFor(Caller caller, DialogueView directory, string code) =>
        directory.IsSecretariat(caller) || directory.IsFocalPointOf(caller, code);

    private static bool OfTheState(Membership? membership, string code) =>
        membership is not null && membership.PartnerStateCode == code
            && (membership.Roles.Contains(DialogueRole.Delegate) || membership.Roles.Contains(DialogueRole.FocalPoint));

    private bool HasStandingInvitation(string personId) =>
        State.Invitations.Exists(i => i.Invitee.PersonId == personId && i.Status is not (InvitationStatus.Withdrawn or InvitationStatus.Declined));

    /// <summary>The nominees that hold a place: the delegation's invitations not withdrawn or declined.</summary>
    private int NomineeCount(string code) =>
        State.Invitations.Count(i => i.DelegationOf == code && i.Status is not (InvitationStatus.Withdrawn or InvitationStatus.Declined));

    private static List<string> FocalPointsOf(string code, DialogueView directory) =>
        [.. directory.Members.Where(m => m.Membership.PartnerStateCode == code && m.Membership.Roles.Contains(DialogueRole.FocalPoint)).Select(m => m.PersonId)];

    private static string StateName(string code, DialogueView directory) =>
        directory.PartnerStates.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    /// <summary>The state the caller is a focal point of, if any.</summary>
    private static string? FocalPointState(Caller? caller, DialogueView directory) =>
        caller is not null && directory.MembershipOf(caller.PersonId) is { } m && m.Roles.Contains(DialogueRole.FocalPoint) ? m.PartnerStateCode : null;

    /// <summary>The delegations the caller sees: all for the secretariat, their own state's for a focal point, none for others.</summary>
    private List<Delegation> DelegationViews(Caller? caller, DialogueView directory, Func<StoredInvitation, Invitation> show)
    {
        if (caller is null)
            return [];
        var secretariat = directory.IsSecretariat(caller);
        var own = FocalPointState(caller, directory);
        var open = NotOver.Contains(State.Status);
        return [.. State.Delegations
            .Where(d => secretariat || d.PartnerStateCode == own)
            .Select(d => new Delegation(
                d.PartnerStateCode,
                StateName(d.PartnerStateCode, directory),
                d.Places,
                d.Status,
                [.. State.Invitations.Where(i => i.DelegationOf == d.PartnerStateCode && i.Status != InvitationStatus.Withdrawn).Select(show)],
                d.InvitedAt,
                d.DeclineReason,
                open && MayNominateFor(caller, directory, d.PartnerStateCode)))];
    }

    /// <summary>The delegations as the catalog keeps them (for visibility to focal points and the participation of states).</summary>
    private List<DelegationSummary> DelegationSummaries() =>
        [.. State.Delegations.Select(d => new DelegationSummary(
            d.PartnerStateCode,
            d.Status,
            d.Places,
            NomineeCount(d.PartnerStateCode),
            State.Invitations.Count(i => i.DelegationOf == d.PartnerStateCode && i.Status == InvitationStatus.Accepted)))];
}
