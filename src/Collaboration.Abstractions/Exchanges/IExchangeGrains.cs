namespace Collaboration.Exchanges;

/// <summary>
/// A partner state's registry of priorities (keyed <c>{dialogue}/{state code}</c>): its focal points and the
/// secretariat keep it; every member of the dialogue reads it.
/// </summary>
[Alias("collaboration.priority-registry")]
public interface IPriorityRegistryGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<PriorityRegistryView> GetAsync(Caller caller);

    /// <summary>Removes an erased person from every priority's contact experts (administrators).</summary>
    [Alias("erase-person")]
    Task ErasePersonAsync(Caller caller, string personId);

    [Alias("add")]
    Task<PriorityRegistryView> AddAsync(Caller caller, PriorityInput priority, int expectedVersion, string? idempotencyKey = null);

    [Alias("remove")]
    Task<PriorityRegistryView> RemoveAsync(Caller caller, string priorityId, int expectedVersion);
}

/// <summary>Every registry of a dialogue in one place, for matching (keyed by the dialogue key).</summary>
[Alias("collaboration.priority-index")]
public interface IPriorityIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(string partnerStateCode, IReadOnlyList<Priority> priorities, int version);

    [Alias("all")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<Priority>>> AllAsync();
}

/// <summary>
/// A request-based South-South expert exchange (keyed <c>{dialogue}/{id}</c>) through its whole lifecycle.
/// Each step says who may take it; a step out of order is INVALID_STATE; every step is audited.
/// </summary>
[Alias("collaboration.expert-exchange")]
public interface IExpertExchangeGrain : IGrainWithStringKey
{
    /// <summary>Replaces an erased person's name among the host experts and in the audit trail (administrators).</summary>
    [Alias("erase-person")]
    Task ErasePersonAsync(Caller caller, string personId, string name);

    /// <summary>A draft request by someone who represents the requesting state (its delegates and focal points).</summary>
    [Alias("create")]
    Task<ExpertExchangeView> CreateAsync(Caller caller, ExchangeRequest request, string? idempotencyKey = null);

    [Alias("get")]
    Task<ExpertExchangeView> GetAsync(Caller caller);

    [Alias("submit")]
    Task<ExpertExchangeView> SubmitAsync(Caller caller);

    /// <summary>A focal point of the requesting state endorses the request.</summary>
    [Alias("endorse")]
    Task<ExpertExchangeView> EndorseAsync(Caller caller);

    /// <summary>The secretariat takes the request under review, optionally consulting partner agencies until a deadline.</summary>
    [Alias("start-review")]
    Task<ExpertExchangeView> StartReviewAsync(Caller caller, IReadOnlyList<string> consultedOrganisations, DateTimeOffset? deadline);

    /// <summary>An officer of a consulted agency gives its opinion before the deadline.</summary>
    [Alias("give-opinion")]
    Task<ExpertExchangeView> GiveOpinionAsync(Caller caller, string text);

    /// <summary>Ranked host states from the registries: an offer on the topic, the request's own needs in the offer, shared languages, past exchanges (secretariat).</summary>
    [Alias("suggest-hosts")]
    Task<IReadOnlyList<HostSuggestion>> SuggestHostsAsync(Caller caller);

    /// <summary>The secretariat approves and names the host state, one of the suggestions or any other partner state that has not declined it.</summary>
    [Alias("approve")]
    Task<ExpertExchangeView> ApproveAsync(Caller caller, string hostStateCode);

    [Alias("reject")]
    Task<ExpertExchangeView> RejectAsync(Caller caller, string reason);

    /// <summary>A focal point of the host state accepts and names its experts.</summary>
    [Alias("confirm-host")]
    Task<ExpertExchangeView> ConfirmHostAsync(Caller caller, IReadOnlyList<string> hostExpertIds);

    /// <summary>Whoever may confirm hosting declines instead, with a reason: the request goes back under review for the secretariat to name another host.</summary>
    [Alias("decline-host")]
    Task<ExpertExchangeView> DeclineHostAsync(Caller caller, string reason);

    /// <summary>The requester (the requesting expert, the drafter or a focal point of the requesting state) withdraws it, at any step before Completed.</summary>
    [Alias("withdraw")]
    Task<ExpertExchangeView> WithdrawAsync(Caller caller, string? reason);

    /// <summary>The secretariat cancels it with a reason, at any step before Completed; a scheduled meeting is cancelled with it.</summary>
    [Alias("cancel")]
    Task<ExpertExchangeView> CancelAsync(Caller caller, string reason);

    /// <summary>The secretariat schedules the study visit or mission: a real meeting with its invitations.</summary>
    [Alias("schedule")]
    Task<ExpertExchangeView> ScheduleAsync(Caller caller, DateTime startsLocal, string timeZone, string city);

    [Alias("complete")]
    Task<ExpertExchangeView> CompleteAsync(Caller caller);

    /// <summary>Each side evaluates once (a focal point of its state, or the requesting expert); both make it Evaluated.</summary>
    [Alias("evaluate")]
    Task<ExpertExchangeView> EvaluateAsync(Caller caller, int rating, string text);
}

[Alias("collaboration.expert-exchange-index")]
public interface IExpertExchangeIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(ExpertExchangeSummary summary);

    [Alias("list")]
    Task<IReadOnlyList<ExpertExchangeSummary>> ListAsync();

    /// <summary>
    /// The exchanges the caller is a party to (all of them for the secretariat), in id order. It asks each exchange,
    /// and an exchange that is saving waits for the index: so the index takes other calls while it asks, or the two
    /// would wait for each other until the call timed out.
    /// </summary>
    [Alias("list-for"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<ExpertExchangeView>> ListForAsync(Caller caller);

    /// <summary>The exchanges of the dialogue whose next step is the caller's, for their agenda.</summary>
    [Alias("agenda")]
    Task<IReadOnlyList<AgendaItem>> AgendaAsync(Caller caller);
}
