namespace Collaboration.Meetings;

/// <summary>
/// What the meeting shows: its view for a caller, the summary the catalog lists, the participant list, the
/// heading of the notes' summary and a person's own record.
/// </summary>
public sealed partial class MeetingGrain
{
    private MeetingView View(Caller? caller, DialogueView directory)
    {
        var access = AccessOf(caller, directory);
        var mine = caller is null ? null : State.Invitations.Find(i => i.Invitee.PersonId == caller.PersonId);
        var waitlist = State.Invitations.Where(i => i.Status == InvitationStatus.Waitlisted).OrderBy(i => i.WaitlistTicket).ToList();
        Invitation Show(StoredInvitation i) => new(i.Invitee, i.Status, i.Status == InvitationStatus.Waitlisted ? waitlist.IndexOf(i) + 1 : null, i.InvitedAt, i.RespondedAt, i.DeliveryProblem);
        var seesPeople = access.SeesPeople;
        var participants = TakingPart();
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
            access.IsSecretariat || access.IsCoChair ? NotesApprovalViews() : [],
            Permissions(caller, directory),
            DelegationViews(caller, directory, Show),
            MyRegistration(caller));
    }

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
            State.CoChairs, State.Revision, State.Version,
            State.SummaryStamp,
            PendingInviteeIds(),
            NotesReadyForApproval(),
            NotesApprovedByIds(),
            State.Invitations.Count(i => i.DeliveryProblem is not null && i.Status != InvitationStatus.Withdrawn),
            DelegationSummaries());
    }

    public async Task<ParticipantList> GetParticipantListAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.ExportParticipants);
        var takingPart = TakingPart().Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var organisers = State.CoChairs.Concat(State.Rapporteurs).Concat(State.Sessions.SelectMany(s => s.Moderators));
        var invitees = State.Invitations.Select(i => i.Invitee)
            .OrderBy(p => p.Affiliation, StringComparer.CurrentCulture).ThenBy(p => p.Name, StringComparer.CurrentCulture);
        var rows = organisers.Concat(invitees).DistinctBy(p => p.PersonId).Select(p =>
        {
            var roles = new List<MeetingRole>();
            if (State.CoChairs.Any(c => c.PersonId == p.PersonId))
                roles.Add(MeetingRole.CoChair);
            if (State.Rapporteurs.Any(r => r.PersonId == p.PersonId))
                roles.Add(MeetingRole.Rapporteur);
            if (State.Sessions.Any(s => s.Moderators.Any(m => m.PersonId == p.PersonId)))
                roles.Add(MeetingRole.Moderator);
            var invitation = State.Invitations.Find(i => i.Invitee.PersonId == p.PersonId);
            return new ParticipantRow(p.PersonId, p.Name, p.Affiliation, p.RegionalGroup, roles, invitation?.Status, invitation?.RespondedAt, takingPart.Contains(p.PersonId));
        }).ToList();
        var details = State.Details!;
        return new ParticipantList(
            Key, directory.Settings.Name, details.Titles, details.TimeZone, details.StartsLocal, details.EndsLocal, details.Venue, details.City,
            CountryName(directory), rows);
    }

    /// <summary>The host state's name as the directory has it.</summary>
    private string CountryName(DialogueView directory) =>
        directory.PartnerStates.FirstOrDefault(s => s.Code == State.Details!.HostCountry)?.Name ?? State.Details!.HostCountry;

    /// <summary>Who takes part: the co-chairs, the rapporteurs and those who accepted (the page's participants, the attendance sheet's rows).</summary>
    private List<MeetingPerson> TakingPart() =>
        [.. State.CoChairs.Concat(State.Rapporteurs)
            .Concat(State.Invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.Invitee))
            .DistinctBy(p => p.PersonId)];

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
            : new MeetingPersonalRecord(Key, State.Details!.Titles.FirstOrDefault()?.Text ?? Key, State.StartsAt, State.Status.ToString(), invitation?.Status.ToString(), roles,
                State.Registrations.Find(r => r.PersonId == personId)?.Form));
    }
}
