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
    /// <summary>The states that were asked to host and declined, in order.</summary>
    [Id(12)] public List<HostDecline> DeclinedHosts { get; set; } = [];
    /// <summary>Why it was withdrawn or cancelled.</summary>
    [Id(13)] public string? ClosingReason { get; set; }
    /// <summary>The secretariat member who scheduled its meeting, in whose name a withdrawal cancels that meeting.</summary>
    [Id(14)] public string? ScheduledBy { get; set; }
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
        if (code is not null && !problems.Any && !directory.Represents(caller, code))
            throw CollaborationException.Forbidden($"Only the delegates and focal points of {code} request expertise in its name.");
        if (code is not null && directory.MembershipOf(request.RequestingExpertId)?.PartnerStateCode != code)
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
        foreach (var id in (request.ParticipantIds ?? []).Where(id => directory.MembershipOf(id) is null))
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
        return View(caller, directory);
    }

    public async Task<ExpertExchangeView> SubmitAsync(Caller caller)
    {
        await StepAsync(caller, ExchangeStep.Submit);
        State.Status = ExchangeStatus.Submitted;
        return await SaveAsync(caller, "submitted", "Submitted the request.");
    }

    public async Task<ExpertExchangeView> EndorseAsync(Caller caller)
    {
        await StepAsync(caller, ExchangeStep.Endorse);
        State.Status = ExchangeStatus.Endorsed;
        return await SaveAsync(caller, "endorsed", "Endorsed the request for the requesting state.");
    }

    public async Task<ExpertExchangeView> StartReviewAsync(Caller caller, IReadOnlyList<string> consultedOrganisations, DateTimeOffset? deadline)
    {
        var directory = await StepAsync(caller, ExchangeStep.Review);
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
        var directory = await StepAsync(caller, ExchangeStep.GiveOpinion);
        var organisation = directory.MembershipOf(caller.PersonId)!.OrganisationKey!;
        var consultation = State.Consultation!;
        State.Consultation = consultation with
        {
            Opinions = [.. consultation.Opinions.Where(o => o.OrganisationKey != organisation), new ConsultationOpinion(organisation, Validate.Text(text, "text", 4000), clock.GetUtcNow())],
        };
        return await SaveAsync(caller, "opinion", $"{organisation} gave its opinion.");
    }

    public async Task<IReadOnlyList<HostSuggestion>> SuggestHostsAsync(Caller caller)
    {
        var directory = await StepAsync(caller, ExchangeStep.SuggestHosts);
        var request = State.Request!;
        var registries = await grains.GetGrain<IPriorityIndexGrain>(DialogueKey).AllAsync();
        var past = (await grains.GetGrain<IExpertExchangeIndexGrain>(DialogueKey).ListAsync())
            .Where(e => e.Id != Key && e.Status is ExchangeStatus.Completed or ExchangeStatus.Evaluated).ToList();
        // The request's own needs: its objectives, and what its state's registry says it needs on the topic.
        var needs = ExchangeMatching.Words(request.Objectives);
        needs.UnionWith(registries.GetValueOrDefault(request.RequestingStateCode, [])
            .Where(p => p.Kind == PriorityKind.Need && p.Topic == request.Topic)
            .SelectMany(p => ExchangeMatching.Words(p.Description)));
        var declined = State.DeclinedHosts.Select(d => d.PartnerStateCode).ToHashSet(StringComparer.Ordinal);
        var suggestions = new List<HostSuggestion>();
        foreach (var partner in directory.PartnerStates.Where(s => s.Code != request.RequestingStateCode && !declined.Contains(s.Code)))
        {
            var offers = registries.GetValueOrDefault(partner.Code, []).Where(p => p.Kind == PriorityKind.Offer && p.Topic == request.Topic).ToList();
            if (offers.Count == 0)
                continue;
            var reasons = new List<string> { $"offers expertise on {request.Topic}" };
            var score = 10;
            var met = offers.Select(o => ExchangeMatching.Words(o.Description).Intersect(needs).Count()).Max();
            if (met > 0)
            {
                score += Math.Min(met, 5) * 2;
                reasons.Add($"its offer meets {met} of the request's needs");
            }
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
        var directory = await StepAsync(caller, ExchangeStep.Approve);
        var host = Validate.CountryCode(hostStateCode, "hostStateCode");
        if (directory.PartnerStates.All(s => s.Code != host) || host == State.Request!.RequestingStateCode)
            throw CollaborationException.Validation("The host is another partner state of the dialogue.", "hostStateCode", "INVALID_HOST");
        if (State.DeclinedHosts.Any(d => d.PartnerStateCode == host))
            throw CollaborationException.Validation($"{host} declined to host this exchange; name another partner state.", "hostStateCode", "HOST_DECLINED");
        State.HostStateCode = host;
        State.Status = ExchangeStatus.Approved;
        return await SaveAsync(caller, "approved", $"Approved the request, with {host} asked to host.");
    }

    public async Task<ExpertExchangeView> RejectAsync(Caller caller, string reason)
    {
        await StepAsync(caller, ExchangeStep.Reject);
        State.RejectionReason = Validate.Text(reason, "reason", 2000);
        State.Status = ExchangeStatus.Rejected;
        return await SaveAsync(caller, "rejected", $"Rejected the request: {State.RejectionReason}");
    }

    public async Task<ExpertExchangeView> ConfirmHostAsync(Caller caller, IReadOnlyList<string> hostExpertIds)
    {
        var directory = await StepAsync(caller, ExchangeStep.ConfirmHost);
        if (hostExpertIds.Count == 0)
            throw CollaborationException.Validation("Name the host state's experts.", "hostExpertIds");
        var experts = new List<MeetingPerson>();
        foreach (var id in hostExpertIds.Distinct())
        {
            if (directory.MembershipOf(id)?.PartnerStateCode != State.HostStateCode)
                throw CollaborationException.Validation("Host experts are members of the dialogue from the host state.", "hostExpertIds", "EXPERT_NOT_OF_STATE");
            var person = await grains.GetGrain<IPersonGrain>(id).FindAsync()
                ?? throw CollaborationException.Validation($"The person '{id}' does not exist.", "hostExpertIds");
            experts.Add(new MeetingPerson(id, person.Profile.Name, directory.PartnerStates.First(s => s.Code == State.HostStateCode).Name, null));
        }
        State.HostExperts = experts;
        State.Status = ExchangeStatus.HostConfirmed;
        return await SaveAsync(caller, "host-confirmed", $"{State.HostStateCode} accepted to host, with {string.Join(", ", experts.Select(e => e.Name))}.");
    }

    public async Task<ExpertExchangeView> DeclineHostAsync(Caller caller, string reason)
    {
        await StepAsync(caller, ExchangeStep.DeclineHost);
        var valid = Validate.Text(reason, "reason", 2000);
        var host = State.HostStateCode!;
        State.DeclinedHosts.Add(new HostDecline(host, valid, clock.GetUtcNow()));
        State.HostStateCode = null;
        State.Status = ExchangeStatus.UnderReview;
        return await SaveAsync(caller, "host-declined", $"{host} declined to host: {valid}");
    }

    public async Task<ExpertExchangeView> WithdrawAsync(Caller caller, string? reason)
    {
        await StepAsync(caller, ExchangeStep.Withdraw);
        var valid = string.IsNullOrWhiteSpace(reason) ? null : Validate.Text(reason, "reason", 2000);
        await CancelMeetingAsync(new Caller(State.ScheduledBy ?? caller.PersonId, false), $"The requesting state withdrew the exchange{(valid is null ? "." : ": " + valid)}");
        State.ClosingReason = valid;
        State.Status = ExchangeStatus.Withdrawn;
        return await SaveAsync(caller, "withdrawn", valid is null ? "Withdrew the request." : $"Withdrew the request: {valid}");
    }

    public async Task<ExpertExchangeView> CancelAsync(Caller caller, string reason)
    {
        await StepAsync(caller, ExchangeStep.Cancel);
        var valid = Validate.Text(reason, "reason", 2000);
        await CancelMeetingAsync(caller, $"The secretariat cancelled the exchange: {valid}");
        State.ClosingReason = valid;
        State.Status = ExchangeStatus.Cancelled;
        return await SaveAsync(caller, "cancelled", $"Cancelled the exchange: {valid}");
    }

    /// <summary>
    /// A scheduled exchange's meeting is cancelled with it, so its invitees get the cancellation. A withdrawal
    /// cancels it in the name of the secretariat member who scheduled it: the requester may end the exchange but
    /// holds no right over meetings. A meeting cancelled already (by an earlier call that did not finish) is left.
    /// </summary>
    private async Task CancelMeetingAsync(Caller caller, string reason)
    {
        if (State.Status != ExchangeStatus.Scheduled || State.MeetingId is null)
            return;
        var meeting = grains.GetGrain<IMeetingGrain>(State.MeetingId);
        try
        {
            await meeting.CancelAsync(caller, reason);
        }
        catch (CollaborationException e) when (e.Code == Collaboration.Errors.ErrorCode.InvalidState)
        {
            // Cancelled already: the exchange's own step is what is left to record.
        }
    }

    public async Task<ExpertExchangeView> ScheduleAsync(Caller caller, DateTime startsLocal, string timeZone, string city)
    {
        var directory = await StepAsync(caller, ExchangeStep.Schedule);
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
            await meeting.ScheduleAsync(caller, chairedByCoChairs: false);
        State.Status = ExchangeStatus.Scheduled;
        State.ScheduledBy = caller.PersonId;
        return await SaveAsync(caller, "scheduled", $"Scheduled in {city}, {hostName}, from {startsLocal:yyyy-MM-dd}.");
    }

    public async Task<ExpertExchangeView> CompleteAsync(Caller caller)
    {
        await StepAsync(caller, ExchangeStep.Complete);
        State.Status = ExchangeStatus.Completed;
        return await SaveAsync(caller, "completed", "Recorded the exchange as completed.");
    }

    public async Task<ExpertExchangeView> EvaluateAsync(Caller caller, int rating, string text)
    {
        var directory = await StepAsync(caller, ExchangeStep.Evaluate);
        var side = ExchangeRules.SideOf(caller, directory, Facts())!.Value;
        if (rating is < 1 or > 5)
            throw CollaborationException.Validation("Rate the exchange from 1 to 5.", "rating");
        State.Evaluations.Add(new ExchangeEvaluation(side, rating, Validate.Text(text, "text", 4000), clock.GetUtcNow()));
        if (State.Evaluations.Count == 2)
            State.Status = ExchangeStatus.Evaluated;
        return await SaveAsync(caller, "evaluated", $"The {side.ToString().ToLowerInvariant()} side evaluated the exchange.");
    }

    /// <summary>A step on an existing exchange the caller may see, when <see cref="ExchangeRules"/> lets the caller take it now.</summary>
    private async Task<DialogueView> StepAsync(Caller caller, ExchangeStep step)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        if (ExchangeRules.Refusal(step, caller, directory, Facts(), clock.GetUtcNow()) is { } refusal)
            throw refusal;
        return directory;
    }

    private async Task<DialogueView> DirectoryAsync() =>
        await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no dialogue '{DialogueKey}'.");

    /// <summary>The secretariat, the requesting and host states' members and the consulted agencies see an exchange; to others it does not exist.</summary>
    private void EnsureVisible(Caller caller, DialogueView directory)
    {
        if (State.Request is null || !ExchangeRules.Sees(caller, directory, Facts()))
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
        await grains.GetGrain<IExpertExchangeIndexGrain>(DialogueKey).UpsertAsync(Facts());
        return View(caller, await DirectoryAsync());
    }

    /// <summary>The exchange as its index holds it: what the rules read.</summary>
    private ExpertExchangeSummary Facts() => new(
        Key, State.Request!.RequestingStateCode, State.HostStateCode, State.Request.Topic, State.Status, State.Version,
        State.Request.Kind, State.CreatedBy, State.Request.RequestingExpertId, State.Consultation?.OrganisationKeys, State.Consultation?.Deadline,
        [.. State.Evaluations.Select(e => e.Side)], State.Consultation is { } consultation ? [.. consultation.Opinions.Select(o => o.OrganisationKey)] : null,
        State.Audit.Count > 0 ? State.Audit[^1].At : null, [.. State.DeclinedHosts.Select(d => d.PartnerStateCode)]);

    /// <summary>The exchange as of now: a waiting request whose time is up reads as Expired (see <see cref="ExchangeRules.WaitsAtMost"/>).</summary>
    private ExpertExchangeView View(Caller caller, DialogueView directory)
    {
        var facts = Facts();
        var now = clock.GetUtcNow();
        return new(
            Key, State.Request!, ExchangeRules.StatusAt(facts, now), State.HostStateCode, [.. State.HostExperts], State.Consultation, State.RejectionReason,
            State.MeetingId, [.. State.Evaluations], [.. State.Audit], State.Version,
            ExchangeRules.Permissions(caller, directory, facts, now), [.. State.DeclinedHosts], State.ClosingReason, ExchangeRules.ExpiresAt(facts));
    }
}

[GenerateSerializer, Alias("collaboration.expert-exchange-index-state")]
public sealed class ExpertExchangeIndexState
{
    [Id(0)] public Dictionary<string, ExpertExchangeSummary> Exchanges { get; set; } = [];
}

/// <summary>A dialogue's expert exchanges, each as the facts its rules read: for lists, matching and people's agendas.</summary>
public sealed class ExpertExchangeIndexGrain(
    [PersistentState("expert-exchange-index", StorageNames.Grains)] IPersistentState<ExpertExchangeIndexState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IExpertExchangeIndexGrain
{
    public async Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller)
    {
        var key = this.GetPrimaryKeyString();
        if (await grains.GetGrain<IDialogueGrain>(key).GetDirectoryAsync() is not { } directory || !directory.Sees(caller))
            return [];
        var now = clock.GetUtcNow();
        var organisation = directory.MembershipOf(caller.PersonId)?.OrganisationKey;
        var items = new List<AgendaItem>();
        // An entry indexed before the index held the rules' facts (no drafter) says too little to judge; it is
        // judged once the exchange takes its next step.
        foreach (var facts in state.State.Exchanges.Values.Where(e => e.CreatedBy is not null && ExchangeRules.Sees(caller, directory, e)))
        {
            bool May(ExchangeStep step) => ExchangeRules.Refusal(step, caller, directory, facts, now) is null;
            AgendaAction? action = facts.Status switch
            {
                ExchangeStatus.Draft when May(ExchangeStep.Submit) => AgendaAction.SubmitExchange,
                ExchangeStatus.Submitted when May(ExchangeStep.Endorse) => AgendaAction.EndorseExchange,
                ExchangeStatus.Endorsed when May(ExchangeStep.Review) => AgendaAction.ReviewExchange,
                ExchangeStatus.UnderReview when May(ExchangeStep.Approve) => AgendaAction.ApproveOrRejectExchange,
                ExchangeStatus.UnderReview when May(ExchangeStep.GiveOpinion) && facts.OpinionsFrom?.Contains(organisation!) != true => AgendaAction.GiveOpinion,
                ExchangeStatus.Approved when May(ExchangeStep.ConfirmHost) => AgendaAction.ConfirmHost,
                ExchangeStatus.HostConfirmed when May(ExchangeStep.Schedule) => AgendaAction.ScheduleExchange,
                ExchangeStatus.Scheduled when May(ExchangeStep.Complete) => AgendaAction.CompleteExchange,
                ExchangeStatus.Completed when May(ExchangeStep.Evaluate) => AgendaAction.EvaluateExchange,
                _ => null,
            };
            if (action is { } next)
                items.Add(new AgendaItem(
                    AgendaItemKind.ExpertExchange, next, facts.Id, null, key,
                    $"{facts.Topic} ({facts.RequestingStateCode}{(facts.HostStateCode is { } host ? " – " + host : string.Empty)})",
                    next == AgendaAction.GiveOpinion ? facts.ConsultationDeadline : null, null, false));
        }
        return items;
    }

    public async Task UpsertAsync(ExpertExchangeSummary summary)
    {
        if (state.State.Exchanges.TryGetValue(summary.Id, out var held) && held.Version >= summary.Version)
            return;
        state.State.Exchanges[summary.Id] = summary;
        await state.WriteOrForgetAsync();
    }

    public Task<IReadOnlyList<ExpertExchangeSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ExpertExchangeSummary>>([.. state.State.Exchanges.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);

    public async Task<IReadOnlyList<ExpertExchangeView>> ListForAsync(Caller caller)
    {
        // Each exchange decides (the index's facts may lag behind it); one the caller is not a party to does
        // not exist for them.
        var views = await Task.WhenAll(state.State.Exchanges.Values
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(async e =>
            {
                try
                {
                    return await grains.GetGrain<IExpertExchangeGrain>(e.Id).GetAsync(caller);
                }
                catch (CollaborationException refused) when (refused.Code == Errors.ErrorCode.NotFound)
                {
                    return null;
                }
            }));
        return [.. views.OfType<ExpertExchangeView>()];
    }
}
