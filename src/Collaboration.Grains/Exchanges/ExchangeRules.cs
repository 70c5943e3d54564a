namespace Collaboration.Exchanges;

/// <summary>The steps of an expert exchange's lifecycle (and the host suggestions of its review).</summary>
public enum ExchangeStep
{
    Submit,
    Endorse,
    Review,
    GiveOpinion,
    SuggestHosts,
    Approve,
    Reject,
    ConfirmHost,
    Schedule,
    Complete,
    Evaluate,
    DeclineHost,
    Withdraw,
    Cancel,
}

/// <summary>
/// Who sees an expert exchange and who takes each step, from which status: the exchange grain checks a step
/// here, its viewerMay flags are answered here, and the dialogue's index reads the same facts (the exchange's
/// summary) to tell people whose step it is. A step out of order is INVALID_STATE; a step that is not the
/// caller's is FORBIDDEN, the status being checked first, as the exchange always did.
/// </summary>
public static class ExchangeRules
{
    /// <summary>
    /// How long a request may wait for someone else's move (endorsement, review, a decision, the host's answer)
    /// before it expires. Expiry is read from the last move's time whenever the exchange or the agenda is read,
    /// so nothing has to run for it to happen and every silo answers the same.
    /// </summary>
    public static readonly TimeSpan WaitsAtMost = TimeSpan.FromDays(60);

    /// <summary>The statuses in which a request waits for someone else's move, and may expire.</summary>
    private static bool Waits(ExchangeStatus status) =>
        status is ExchangeStatus.Submitted or ExchangeStatus.Endorsed or ExchangeStatus.UnderReview or ExchangeStatus.Approved;

    /// <summary>The statuses an exchange can no longer leave, but to be evaluated once completed.</summary>
    public static bool Ended(ExchangeStatus status) =>
        status is ExchangeStatus.Completed or ExchangeStatus.Evaluated or ExchangeStatus.Rejected
            or ExchangeStatus.Withdrawn or ExchangeStatus.Cancelled or ExchangeStatus.Expired;

    /// <summary>When a waiting request expires (null when it does not wait or its last move is unknown).</summary>
    public static DateTimeOffset? ExpiresAt(ExpertExchangeSummary facts) =>
        Waits(facts.Status) && facts.LastMovedAt is { } moved ? moved + WaitsAtMost : null;

    /// <summary>The status as of <paramref name="now"/>: the stored one, or Expired once a waiting request's time is up.</summary>
    public static ExchangeStatus StatusAt(ExpertExchangeSummary facts, DateTimeOffset now) =>
        ExpiresAt(facts) is { } expires && now >= expires ? ExchangeStatus.Expired : facts.Status;

    /// <summary>
    /// The secretariat, the requesting and host states' members (a state that declined to host still reads what
    /// it declined) and the consulted agencies see an exchange; to others it does not exist.
    /// </summary>
    public static bool Sees(Caller caller, DialogueView directory, ExpertExchangeSummary facts)
    {
        var member = directory.MembershipOf(caller.PersonId);
        return directory.IsSecretariat(caller)
            || (member?.PartnerStateCode is { } code
                && (code == facts.RequestingStateCode || code == facts.HostStateCode || facts.DeclinedHostCodes?.Contains(code) == true))
            || (member?.OrganisationKey is { } organisation && facts.ConsultedOrganisations?.Contains(organisation) == true);
    }

    /// <summary>The side the caller evaluates for: the requesting expert or a focal point of either state; null for anyone else.</summary>
    public static ExchangeSide? SideOf(Caller caller, DialogueView directory, ExpertExchangeSummary facts) =>
        caller.PersonId == facts.RequestingExpertId || directory.IsFocalPointOf(caller, facts.RequestingStateCode) ? ExchangeSide.Requesting
        : facts.HostStateCode is { } host && directory.IsFocalPointOf(caller, host) ? ExchangeSide.Host
        : null;

    /// <summary>Why the caller may not take the step now (the status first, then the role, then what else stands in the way), or null.</summary>
    public static CollaborationException? Refusal(ExchangeStep step, Caller caller, DialogueView directory, ExpertExchangeSummary facts, DateTimeOffset now)
    {
        var status = StatusAt(facts, now);
        if (From(step) is { } from && status != from)
            return CollaborationException.InvalidState($"An exchange that is {status} cannot be asked to {Verb(step)}: it must be {from}.");
        if (step is ExchangeStep.Withdraw or ExchangeStep.Cancel && Ended(status))
            return CollaborationException.InvalidState($"An exchange that is {status} has ended: it cannot be asked to {Verb(step)}.");
        switch (step)
        {
            case ExchangeStep.Withdraw:
                return caller.PersonId == facts.RequestingExpertId || caller.PersonId == facts.CreatedBy || directory.IsFocalPointOf(caller, facts.RequestingStateCode)
                    ? null : CollaborationException.Forbidden("The requesting expert, the drafter or a focal point of the requesting state withdraws the request.");
            case ExchangeStep.Submit:
                return caller.PersonId == facts.CreatedBy || directory.IsFocalPointOf(caller, facts.RequestingStateCode)
                    ? null : CollaborationException.Forbidden("The drafter or a focal point of the requesting state submits the request.");
            case ExchangeStep.Endorse:
                return directory.IsFocalPointOf(caller, facts.RequestingStateCode)
                    ? null : CollaborationException.Forbidden("Only a focal point of the requesting state endorses its requests.");
            case ExchangeStep.GiveOpinion:
                var organisation = directory.MembershipOf(caller.PersonId)?.OrganisationKey;
                if (organisation is null || facts.ConsultedOrganisations?.Contains(organisation) != true || facts.ConsultationDeadline is not { } deadline)
                    return CollaborationException.Forbidden("Only officers of the consulted partner agencies give an opinion.");
                return now > deadline ? CollaborationException.InvalidState("The consultation closed at its deadline.") : null;
            case ExchangeStep.ConfirmHost or ExchangeStep.DeclineHost:
                return facts.HostStateCode is { } host && directory.IsFocalPointOf(caller, host)
                    ? null : CollaborationException.Forbidden("Only a focal point of the host state answers for the host state.");
            case ExchangeStep.Evaluate:
                if (SideOf(caller, directory, facts) is not { } side)
                    return CollaborationException.Forbidden("The requesting expert or a focal point of either state evaluates the exchange.");
                return facts.EvaluatedSides?.Contains(side) == true
                    ? CollaborationException.Conflict($"The {side.ToString().ToLowerInvariant()} side has evaluated the exchange already.")
                    : null;
            default:
                return directory.IsSecretariat(caller) ? null : CollaborationException.Forbidden("Only the dialogue's secretariat takes this step.");
        }
    }

    /// <summary>Every step answered for the caller by <see cref="Refusal"/>.</summary>
    public static ExchangePermissions Permissions(Caller caller, DialogueView directory, ExpertExchangeSummary facts, DateTimeOffset now)
    {
        bool May(ExchangeStep step) => Refusal(step, caller, directory, facts, now) is null;
        return new ExchangePermissions(
            May(ExchangeStep.Submit), May(ExchangeStep.Endorse), May(ExchangeStep.Review), May(ExchangeStep.GiveOpinion), May(ExchangeStep.SuggestHosts),
            May(ExchangeStep.Approve), May(ExchangeStep.Reject), May(ExchangeStep.ConfirmHost), May(ExchangeStep.Schedule), May(ExchangeStep.Complete),
            May(ExchangeStep.Evaluate), May(ExchangeStep.DeclineHost), May(ExchangeStep.Withdraw), May(ExchangeStep.Cancel));
    }

    /// <summary>The status a step is taken from; null for host suggestions, which the secretariat may ask for at any time, and for withdrawal and cancellation, open until the exchange ends.</summary>
    private static ExchangeStatus? From(ExchangeStep step) => step switch
    {
        ExchangeStep.Submit => ExchangeStatus.Draft,
        ExchangeStep.Endorse => ExchangeStatus.Submitted,
        ExchangeStep.Review => ExchangeStatus.Endorsed,
        ExchangeStep.GiveOpinion or ExchangeStep.Approve or ExchangeStep.Reject => ExchangeStatus.UnderReview,
        ExchangeStep.ConfirmHost or ExchangeStep.DeclineHost => ExchangeStatus.Approved,
        ExchangeStep.Schedule => ExchangeStatus.HostConfirmed,
        ExchangeStep.Complete => ExchangeStatus.Scheduled,
        ExchangeStep.Evaluate => ExchangeStatus.Completed,
        _ => null,
    };

    private static string Verb(ExchangeStep step) => step switch
    {
        ExchangeStep.GiveOpinion => "give an opinion on",
        ExchangeStep.ConfirmHost => "confirm hosting of",
        ExchangeStep.DeclineHost => "decline hosting of",
        _ => step.ToString().ToLowerInvariant(),
    };
}
