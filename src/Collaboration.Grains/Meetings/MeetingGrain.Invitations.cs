namespace Collaboration.Meetings;

/// <summary>
/// Invitations and the waitlist: whom a target invites, answers (by the app, by a signed link, by mail),
/// withdrawals, the capacity and the first-come-first-served waitlist that fills freed places.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingChange> InviteAsync(Caller caller, IReadOnlyList<InvitationTarget> targets)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.Invite);
        EnsureState(MeetingAction.Invite, caller.PersonId);
        if (targets.Count == 0)
            throw CollaborationException.Validation("Name whom to invite.", "targets");

        var invitees = new Dictionary<string, string?>(StringComparer.Ordinal);
        var warnings = new List<Warning>();
        var cities = targets.Any(t => t.CityId is not null) ? await grains.GetGrain<ICityIndexGrain>(DialogueKey).GetCitiesAsync() : [];
        var problems = new Problems();
        var expanded = targets.Select(target => (Target: target, Found: problems.Check(() => Expand(target, directory, cities)))).ToList();
        CheckDelegationTargets(targets, problems);
        problems.ThrowIfAny();
        foreach (var (target, found) in expanded)
        {
            // A state is invited as a delegation: its focal points nominate the people.
            if (target.PartnerStateCode is not null)
                continue;
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
        await InviteDelegationsAsync(targets, directory, now, warnings);
        var states = targets.Count(t => t.PartnerStateCode is not null);
        Audit(caller, "invited", $"Invited {string.Join(", ", targets.Select(t => Describe(t, directory, cities)))} ("
            + (states == 0 ? $"{invitees.Count} people" : $"{invitees.Count} people, {states} state delegation(s) to nominate") + ").");
        return await SaveAsync(directory, caller, warnings);
    }

    public async Task<MeetingChange> WithdrawInvitationAsync(Caller caller, string personId)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.WithdrawInvitation);
        EnsureState(MeetingAction.WithdrawInvitation, caller.PersonId);
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
        Authorize(caller, directory, MeetingAction.Respond);
        EnsureState(MeetingAction.Respond, caller.PersonId);
        var index = State.Invitations.FindIndex(i => i.Invitee.PersonId == caller.PersonId);
        var invitation = State.Invitations[index];

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
        var (caller, _) = await LinkHolderAsync(token);
        return await RespondAsync(caller, response);
    }

    public async Task<InvitationLinkPreview> PreviewByLinkAsync(string token)
    {
        var (caller, person) = await LinkHolderAsync(token);
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.Respond);
        var problem = StateRefusal(MeetingAction.Respond, caller.PersonId);
        var mine = View(caller, directory).MyInvitation!;
        var details = State.Details!;
        return new InvitationLinkPreview(
            Key, details.Titles, details.TimeZone, details.StartsLocal, details.EndsLocal, details.Venue, details.City,
            CountryName(directory), person.Profile.Name, person.Profile.PreferredLanguage, mine.Status, mine.WaitlistPosition,
            problem?.Reason, problem?.Message);
    }

    /// <summary>The invitee an answer link was signed for, as a caller; UNAUTHENTICATED for a forged, altered or expired link.</summary>
    private async Task<(Caller Caller, PersonView Person)> LinkHolderAsync(string token)
    {
        var key = await grains.GetGrain<IRsvpKeyGrain>(0).GetKeyAsync();
        var (meetingId, personId) = RsvpToken.Verify(key, token, clock.GetUtcNow());
        if (meetingId != Key)
            throw CollaborationException.Unauthenticated("This answer link belongs to another meeting.");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.Unauthenticated("The person this answer link was sent to no longer exists.");
        return (new Caller(person.Id, IsAdministrator: false), person);
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
        await WriteAndPublishAsync();
    }

    /// <summary>What a member stands for on a meeting: their state, agency or observer, city, or the secretariat.</summary>
    internal static string? AffiliationOf(Membership membership, DialogueView directory)
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
    internal static List<(string PersonId, string? Affiliation)> Expand(InvitationTarget target, DialogueView directory, IReadOnlyList<Cities.CitySummary> cities)
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

    /// <summary>A target as the audit and the NO_INVITEES warning name it.</summary>
    internal static string Describe(InvitationTarget target, DialogueView directory, IReadOnlyList<Cities.CitySummary> cities) =>
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
}
