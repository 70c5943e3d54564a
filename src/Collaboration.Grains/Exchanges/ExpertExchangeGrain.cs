namespace Collaboration.Exchanges;

[GenerateSerializer, Alias("collaboration.expert-exchange-state")]
public sealed class ExpertExchangeState
{
    [Id(0)] public ExchangeRequest? Request { get; set; }
    [Id(1)] public ExchangeStatus Status { get; set; }
    [Id(2)] public string? HostStateCode { get; set; }
    [Id(3)] public List<MeetingPerson> HostExperts { get; set; } = [];
    [Id(4)] public Consultation? Consultation { get; set; }
    [Id(5)] public string? RejectionReason { get; set; }
    [Id(6)] public string? MeetingId { get; set; }
    [Id(7)] public List<ExchangeEvaluation> Evaluations { get; set; } = [];
    [Id(8)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(9)] public int Version { get; set; }
    [Id(10)] public string CreatedBy { get; set; } = "";
    /// <summary>The idempotency keys of creating requests done here (see <see cref="RequestKeys"/>).</summary>
    [Id(11)] public List<string> Requests { get; set; } = [];
}

/// <summary>
/// A South-South expert exchange, modelled on the AMEDIP mechanism and on how TAIEX and MIEUX run
/// request-based expertise: who may take each step of its lifecycle, the consultation of partner agencies,
/// matching of host states from the registries of priorities, and the meeting it becomes. A refused step
/// changes nothing; every step taken is audited.
/// </summary>
public sealed class ExpertExchangeGrain(
    [PersistentState("expert-exchange", StorageNames.Grains)] IPersistentState<ExpertExchangeState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IExpertExchangeGrain
{
    private ExpertExchangeState State => state.State;

    private string Key => this.GetPrimaryKeyString();

    private string DialogueKey => Meetings.MeetingKey.DialogueOf(Key) ?? throw CollaborationException.NotFound($"There is no exchange '{Key}'.");

    public async Task<ExpertExchangeView> CreateAsync(Caller caller, ExchangeRequest request, string? idempotencyKey = null)
    {
        var directory = await grains.ForMemberAsync(DialogueKey, caller);
        var key = RequestKeys.Scoped(caller, idempotencyKey);
        if (State.Request is not null && RequestKeys.Done(State.Requests, key))
            return await GetAsync(caller);
        if (State.Request is not null)
            throw CollaborationException.Conflict($"An exchange '{Key}' exists already.");
        var problems = new Problems();
        var code = problems.Check(() => Validate.CountryCode(request.RequestingStateCode, "requestingStateCode"));
        if (code is not null && directory.PartnerStates.All(s => s.Code != code))
            problems.Add("requestingStateCode", $"{code} is not a partner state of the dialogue.", "NOT_A_PARTNER_STATE", ("code", code));
        // Who may ask comes before what is asked: an outsider learns nothing about the form.
        if (code is not null && !problems.Any && !Represents(caller, directory, code))
            throw CollaborationException.Forbidden($"Only the delegates and focal points of {code} request expertise in its name.");
        if (code is not null && MemberOf(directory, request.RequestingExpertId)?.PartnerStateCode != code)
            problems.Add("requestingExpertId", "The requesting expert is a member of the dialogue from the requesting state.", "EXPERT_NOT_OF_STATE");
        if (!Enum.IsDefined(request.Kind))
            problems.Add("kind", "The kind is a short-term expert exchange, a study visit or a capacity-building activity.", "REQUIRED");
        var topics = directory.Settings.Topics ?? [];
        var topic = request.Topic?.Trim() ?? "";
        if (!topics.Contains(topic))
            problems.Add("topic", $"'{topic}' is not a topic of the dialogue.", "UNKNOWN_TOPIC");
        if (request.PreferredTo < request.PreferredFrom)
            problems.Add("preferredTo", "The preferred period must end after it starts.", "ENDS_BEFORE_START");
        if (request.DurationDays is < 1 or > 60)
            problems.Add("durationDays", "An exchange lasts 1 to 60 days.", "DURATION_RANGE");
        foreach (var id in (request.ParticipantIds ?? []).Where(id => MemberOf(directory, id) is null))
            problems.Add("participantIds", $"The person '{id}' is not a member of the dialogue.", "NOT_A_MEMBER");
        var objectives = problems.Check(() => Validate.Text(request.Objectives, "objectives", 8000));
        var language = problems.Check(() => Validate.LanguageCode(request.Language, "language"));
        problems.ThrowIfAny();
        State.Request = request with
        {
            RequestingStateCode = code!,
            Topic = topic,
            Objectives = objectives!,
            Language = language!,
            ParticipantIds = [.. request.ParticipantIds!.Distinct()],
        };
        State.Status = ExchangeStatus.Draft;
        State.CreatedBy = caller.PersonId;
        RequestKeys.Remember(State.Requests, key);
        return await SaveAsync(caller, "created", $"Drafted a {request.Kind} request of {code} on {topic}.");
    }

    public async Task<ExpertExchangeView> GetAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        return View();
    }

    public async Task<ExpertExchangeView> SubmitAsync(Caller caller)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Draft, "submit");
        if (caller.PersonId != State.CreatedBy && !IsFocalPointOf(caller, directory, State.Request!.RequestingStateCode))
            throw CollaborationException.Forbidden("The drafter or a focal point of the requesting state submits the request.");
        State.Status = ExchangeStatus.Submitted;
        return await SaveAsync(caller, "submitted", "Submitted the request.");
    }

    public async Task<ExpertExchangeView> EndorseAsync(Caller caller)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Submitted, "endorse");
        if (!IsFocalPointOf(caller, directory, State.Request!.RequestingStateCode))
            throw CollaborationException.Forbidden("Only a focal point of the requesting state endorses its requests.");
        State.Status = ExchangeStatus.Endorsed;
        return await SaveAsync(caller, "endorsed", "Endorsed the request for the requesting state.");
    }

    public async Task<ExpertExchangeView> StartReviewAsync(Caller caller, IReadOnlyList<string> consultedOrganisations, DateTimeOffset? deadline)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Endorsed, "review");
        EnsureSecretariat(caller, directory);
        var organisations = consultedOrganisations.Distinct().ToList();
        foreach (var key in organisations.Where(k => directory.PartnerAgencies.All(o => o.Key != k)))
            throw CollaborationException.Validation($"'{key}' is not a partner agency of the dialogue.", "consultedOrganisations");
        if (organisations.Count > 0 && (deadline is not { } due || due <= clock.GetUtcNow()))
            throw CollaborationException.Validation("A consultation needs a deadline in the future.", "deadline", "DEADLINE_PASSED");
        State.Consultation = organisations.Count > 0 ? new Consultation(organisations, deadline!.Value, []) : null;
        State.Status = ExchangeStatus.UnderReview;
        return await SaveAsync(caller, "review-started",
            organisations.Count > 0 ? $"Took the request under review, consulting {string.Join(", ", organisations)} until {deadline:yyyy-MM-dd}." : "Took the request under review.");
    }

    public async Task<ExpertExchangeView> GiveOpinionAsync(Caller caller, string text)
    {
        var directory = await StepAsync(caller, ExchangeStatus.UnderReview, "give an opinion on");
        var organisation = directory.Members.FirstOrDefault(m => m.PersonId == caller.PersonId)?.Membership.OrganisationKey;
        if (State.Consultation is not { } consultation || organisation is null || !consultation.OrganisationKeys.Contains(organisation))
            throw CollaborationException.Forbidden("Only officers of the consulted partner agencies give an opinion.");
        if (clock.GetUtcNow() > consultation.Deadline)
            throw CollaborationException.InvalidState("The consultation closed at its deadline.");
        State.Consultation = consultation with
        {
            Opinions = [.. consultation.Opinions.Where(o => o.OrganisationKey != organisation), new ConsultationOpinion(organisation, Validate.Text(text, "text", 4000), clock.GetUtcNow())],
        };
        return await SaveAsync(caller, "opinion", $"{organisation} gave its opinion.");
    }

    public async Task<IReadOnlyList<HostSuggestion>> SuggestHostsAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        EnsureSecretariat(caller, directory);
        var request = State.Request!;
        var registries = await grains.GetGrain<IPriorityIndexGrain>(DialogueKey).AllAsync();
        var past = (await grains.GetGrain<IExpertExchangeIndexGrain>(DialogueKey).ListAsync())
            .Where(e => e.Id != Key && e.Status is ExchangeStatus.Completed or ExchangeStatus.Evaluated).ToList();
        var suggestions = new List<HostSuggestion>();
        foreach (var partner in directory.PartnerStates.Where(s => s.Code != request.RequestingStateCode))
        {
            var offers = registries.GetValueOrDefault(partner.Code, []).Where(p => p.Kind == PriorityKind.Offer && p.Topic == request.Topic).ToList();
            if (offers.Count == 0)
                continue;
            var reasons = new List<string> { $"offers expertise on {request.Topic}" };
            var score = 10;
            if (offers.Any(o => o.Languages.Contains(request.Language)))
            {
                score += 3;
                reasons.Add($"its experts work in {request.Language}");
            }
            var together = past.Count(e => (e.RequestingStateCode == request.RequestingStateCode && e.HostStateCode == partner.Code)
                || (e.RequestingStateCode == partner.Code && e.HostStateCode == request.RequestingStateCode));
            if (together > 0)
            {
                score += Math.Min(together, 3);
                reasons.Add($"{together} past exchange(s) with {request.RequestingStateCode}");
            }
            var hosted = past.Count(e => e.HostStateCode == partner.Code && e.Topic == request.Topic);
            if (hosted > 0)
            {
                score += Math.Min(hosted, 2);
                reasons.Add($"hosted {hosted} exchange(s) on this topic");
            }
            suggestions.Add(new HostSuggestion(partner.Code, partner.Name, score, reasons));
        }
        return [.. suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.PartnerStateCode, StringComparer.Ordinal)];
    }

    public async Task<ExpertExchangeView> ApproveAsync(Caller caller, string hostStateCode)
    {
        var directory = await StepAsync(caller, ExchangeStatus.UnderReview, "approve");
        EnsureSecretariat(caller, directory);
        var host = Validate.CountryCode(hostStateCode, "hostStateCode");
        if (directory.PartnerStates.All(s => s.Code != host) || host == State.Request!.RequestingStateCode)
            throw CollaborationException.Validation("The host is another partner state of the dialogue.", "hostStateCode", "INVALID_HOST");
        State.HostStateCode = host;
        State.Status = ExchangeStatus.Approved;
        return await SaveAsync(caller, "approved", $"Approved the request, with {host} asked to host.");
    }

    public async Task<ExpertExchangeView> RejectAsync(Caller caller, string reason)
    {
        var directory = await StepAsync(caller, ExchangeStatus.UnderReview, "reject");
        EnsureSecretariat(caller, directory);
        State.RejectionReason = Validate.Text(reason, "reason", 2000);
        State.Status = ExchangeStatus.Rejected;
        return await SaveAsync(caller, "rejected", $"Rejected the request: {State.RejectionReason}");
    }

    public async Task<ExpertExchangeView> ConfirmHostAsync(Caller caller, IReadOnlyList<string> hostExpertIds)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Approved, "confirm hosting of");
        if (!IsFocalPointOf(caller, directory, State.HostStateCode!))
            throw CollaborationException.Forbidden("Only a focal point of the host state accepts to host.");
        if (hostExpertIds.Count == 0)
            throw CollaborationException.Validation("Name the host state's experts.", "hostExpertIds");
        var experts = new List<MeetingPerson>();
        foreach (var id in hostExpertIds.Distinct())
        {
            if (MemberOf(directory, id)?.PartnerStateCode != State.HostStateCode)
                throw CollaborationException.Validation("Host experts are members of the dialogue from the host state.", "hostExpertIds", "EXPERT_NOT_OF_STATE");
            var person = await grains.GetGrain<IPersonGrain>(id).FindAsync()
                ?? throw CollaborationException.Validation($"The person '{id}' does not exist.", "hostExpertIds");
            experts.Add(new MeetingPerson(id, person.Profile.Name, directory.PartnerStates.First(s => s.Code == State.HostStateCode).Name, null));
        }
        State.HostExperts = experts;
        State.Status = ExchangeStatus.HostConfirmed;
        return await SaveAsync(caller, "host-confirmed", $"{State.HostStateCode} accepted to host, with {string.Join(", ", experts.Select(e => e.Name))}.");
    }

    public async Task<ExpertExchangeView> ScheduleAsync(Caller caller, DateTime startsLocal, string timeZone, string city)
    {
        var directory = await StepAsync(caller, ExchangeStatus.HostConfirmed, "schedule");
        EnsureSecretariat(caller, directory);
        var request = State.Request!;
        var meetingId = State.MeetingId ?? Meetings.MeetingKey.New(DialogueKey);
        // Recorded before the meeting is made, so a repeated call finishes the same meeting instead of a second.
        State.MeetingId = meetingId;
        await state.WriteOrForgetAsync();
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var language = directory.Settings.WorkingLanguages.Contains(request.Language) ? request.Language : directory.Settings.WorkingLanguages[0];
        var hostName = directory.PartnerStates.First(s => s.Code == State.HostStateCode).Name;
        var ends = startsLocal.AddDays(request.DurationDays - 1).Date.AddHours(17);
        var details = new MeetingDetails(
            [new LocalizedText(language, $"{request.Kind switch { ExchangeKind.StudyVisit => "Study visit", ExchangeKind.CapacityBuildingActivity => "Capacity-building activity", _ => "Expert exchange" }}: {request.Topic} ({request.RequestingStateCode} – {State.HostStateCode})")],
            [new LocalizedText(language, request.Objectives)],
            request.Kind == ExchangeKind.StudyVisit ? MeetingType.StudyVisit : request.Kind == ExchangeKind.CapacityBuildingActivity ? MeetingType.Workshop : MeetingType.FieldMission,
            null, State.HostStateCode!, city, null, timeZone, startsLocal, ends <= startsLocal ? startsLocal.AddHours(8) : ends,
            [language], false, null, MeetingVisibility.Participants, true, AttributionGuard.Warn);
        MeetingView made;
        try
        {
            made = (await meeting.CreateAsync(caller, MeetingDetailsForm.Of(details))).Meeting;
        }
        catch (CollaborationException e) when (e.Code == Collaboration.Errors.ErrorCode.Conflict)
        {
            made = await meeting.GetAsync(caller); // made by an earlier call that did not finish
        }
        var invitees = new[] { request.RequestingExpertId }.Concat(request.ParticipantIds).Concat(State.HostExperts.Select(e => e.PersonId)).Distinct();
        await meeting.InviteAsync(caller, [.. invitees.Select(id => new InvitationTarget(PersonId: id))]);
        if (made.Status == MeetingStatus.Draft)
            await meeting.ScheduleAsync(caller);
        State.Status = ExchangeStatus.Scheduled;
        return await SaveAsync(caller, "scheduled", $"Scheduled in {city}, {hostName}, from {startsLocal:yyyy-MM-dd}.");
    }

    public async Task<ExpertExchangeView> CompleteAsync(Caller caller)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Scheduled, "complete");
        EnsureSecretariat(caller, directory);
        State.Status = ExchangeStatus.Completed;
        return await SaveAsync(caller, "completed", "Recorded the exchange as completed.");
    }

    public async Task<ExpertExchangeView> EvaluateAsync(Caller caller, int rating, string text)
    {
        var directory = await StepAsync(caller, ExchangeStatus.Completed, "evaluate");
        ExchangeSide side;
        if (caller.PersonId == State.Request!.RequestingExpertId || IsFocalPointOf(caller, directory, State.Request.RequestingStateCode))
            side = ExchangeSide.Requesting;
        else if (IsFocalPointOf(caller, directory, State.HostStateCode!))
            side = ExchangeSide.Host;
        else
            throw CollaborationException.Forbidden("The requesting expert or a focal point of either state evaluates the exchange.");
        if (State.Evaluations.Any(e => e.Side == side))
            throw CollaborationException.Conflict($"The {side.ToString().ToLowerInvariant()} side has evaluated the exchange already.");
        if (rating is < 1 or > 5)
            throw CollaborationException.Validation("Rate the exchange from 1 to 5.", "rating");
        State.Evaluations.Add(new ExchangeEvaluation(side, rating, Validate.Text(text, "text", 4000), clock.GetUtcNow()));
        if (State.Evaluations.Count == 2)
            State.Status = ExchangeStatus.Evaluated;
        return await SaveAsync(caller, "evaluated", $"The {side.ToString().ToLowerInvariant()} side evaluated the exchange.");
    }

    /// <summary>A step on an existing exchange the caller may see, taken only from <paramref name="from"/>.</summary>
    private async Task<DialogueView> StepAsync(Caller caller, ExchangeStatus from, string what)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        if (State.Status != from)
            throw CollaborationException.InvalidState($"An exchange that is {State.Status} cannot be asked to {what}: it must be {from}.");
        return directory;
    }

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    private static Membership? MemberOf(DialogueView directory, string personId) =>
        directory.Members.FirstOrDefault(m => m.PersonId == personId)?.Membership;

    private static bool IsSecretariat(Caller caller, DialogueView directory) =>
        caller.IsAdministrator || MemberOf(directory, caller.PersonId)?.Roles.Contains(DialogueRole.Secretariat) == true;

    private static bool Represents(Caller caller, DialogueView directory, string code) =>
        MemberOf(directory, caller.PersonId) is { } m && m.PartnerStateCode == code
            && (m.Roles.Contains(DialogueRole.Delegate) || m.Roles.Contains(DialogueRole.FocalPoint));

    private static bool IsFocalPointOf(Caller caller, DialogueView directory, string code) =>
        MemberOf(directory, caller.PersonId) is { } m && m.PartnerStateCode == code && m.Roles.Contains(DialogueRole.FocalPoint);

    private static void EnsureSecretariat(Caller caller, DialogueView directory)
    {
        if (!IsSecretariat(caller, directory))
            throw CollaborationException.Forbidden("Only the dialogue's secretariat takes this step.");
    }

    /// <summary>The secretariat, the requesting and host states' members and the consulted agencies see an exchange; to others it does not exist.</summary>
    private void EnsureVisible(Caller caller, DialogueView directory)
    {
        var member = MemberOf(directory, caller.PersonId);
        var visible = State.Request is not null && (IsSecretariat(caller, directory)
            || (member?.PartnerStateCode is { } code && (code == State.Request.RequestingStateCode || code == State.HostStateCode))
            || (member?.OrganisationKey is { } organisation && State.Consultation?.OrganisationKeys.Contains(organisation) == true));
        if (!visible)
            throw CollaborationException.NotFound($"There is no expert exchange '{Key}'.");
    }

    public async Task ErasePersonAsync(Caller caller, string personId, string name)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        // An exchange that never named the person is left as it is: its version, which parties hold, does not move.
        if (State.Request is null
            || !(State.HostExperts.Any(e => e.PersonId == personId) || State.Audit.Any(e => e.PersonId == personId || (name.Length > 0 && e.Summary.Contains(name, StringComparison.Ordinal)))))
            return;
        State.HostExperts = [.. State.HostExperts.Select(e => e.Without(personId))];
        State.Audit = [.. State.Audit.Select(e => e.Without(personId, name))];
        State.Version++;
        await state.WriteOrForgetAsync();
    }

    private async Task<ExpertExchangeView> SaveAsync(Caller caller, string action, string summary)
    {
        State.Audit.Add(new AuditEntry(clock.GetUtcNow(), caller.PersonId, action, summary));
        State.Version++;
        await state.WriteOrForgetAsync();
        await grains.GetGrain<IExpertExchangeIndexGrain>(DialogueKey)
            .UpsertAsync(new ExpertExchangeSummary(Key, State.Request!.RequestingStateCode, State.HostStateCode, State.Request.Topic, State.Status, State.Version));
        return View();
    }

    private ExpertExchangeView View() => new(
        Key, State.Request!, State.Status, State.HostStateCode, [.. State.HostExperts], State.Consultation, State.RejectionReason,
        State.MeetingId, [.. State.Evaluations], [.. State.Audit], State.Version);
}

[GenerateSerializer, Alias("collaboration.expert-exchange-index-state")]
public sealed class ExpertExchangeIndexState
{
    [Id(0)] public Dictionary<string, ExpertExchangeSummary> Exchanges { get; set; } = [];
}

public sealed class ExpertExchangeIndexGrain(
    [PersistentState("expert-exchange-index", StorageNames.Grains)] IPersistentState<ExpertExchangeIndexState> state) : Grain, IExpertExchangeIndexGrain
{
    public async Task UpsertAsync(ExpertExchangeSummary summary)
    {
        if (state.State.Exchanges.TryGetValue(summary.Id, out var held) && held.Version >= summary.Version)
            return;
        state.State.Exchanges[summary.Id] = summary;
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<ExpertExchangeSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ExpertExchangeSummary>>([.. state.State.Exchanges.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);
}
