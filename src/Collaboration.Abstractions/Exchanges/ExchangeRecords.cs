using Collaboration.Meetings;

namespace Collaboration.Exchanges;

/// <summary>Whether a partner state asks for expertise on a topic or offers it.</summary>
public enum PriorityKind
{
    Need,
    Offer,
}

/// <summary>A need or offer of a partner state in its registry of priorities, on a topic of the dialogue's taxonomy.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.priority")]
public sealed record Priority(
    [property: Id(0)] string Id,
    [property: Id(1)] PriorityKind Kind,
    [property: Id(2)] string Topic,
    [property: Id(3)] string Description,
    [property: Id(4)] IReadOnlyList<string> Languages,
    [property: Id(5)] IReadOnlyList<MeetingPerson> ContactExperts);

[GenerateSerializer, Immutable, Alias("collaboration.priority-input")]
public sealed record PriorityInput(
    [property: Id(0)] PriorityKind Kind,
    [property: Id(1)] string Topic,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<string> Languages,
    [property: Id(4)] IReadOnlyList<string> ContactExpertIds);

/// <summary>A partner state's registry of priorities, as a member of the dialogue sees it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.priority-registry-view")]
public sealed record PriorityRegistryView(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] IReadOnlyList<Priority> Priorities,
    [property: Id(2)] int Version,
    [property: Id(3)] bool ViewerMayEdit,
    [property: Id(4)] bool ViewerMayRequestExchange = false);

/// <summary>What the kinds of request-based expertise are (after AMEDIP, TAIEX and MIEUX).</summary>
public enum ExchangeKind
{
    ShortTermExpertExchange,
    StudyVisit,
    CapacityBuildingActivity,
}

/// <summary>
/// Draft → Submitted → Endorsed (a focal point of the requesting state) → UnderReview (secretariat, optional
/// consultation of partner agencies) → Approved or Rejected → HostConfirmed (a focal point of the host state)
/// → Scheduled (a meeting exists) → Completed → Evaluated (both sides evaluated). A host that declines sends it
/// back UnderReview for the secretariat to name another host. Before Completed, the requester may withdraw it
/// (Withdrawn) and the secretariat cancel it (Cancelled); one left waiting too long without a move is Expired.
/// </summary>
public enum ExchangeStatus
{
    Draft,
    Submitted,
    Endorsed,
    UnderReview,
    Approved,
    Rejected,
    HostConfirmed,
    Scheduled,
    Completed,
    Evaluated,
    Withdrawn,
    Cancelled,
    Expired,
}

[GenerateSerializer, Immutable, Alias("collaboration.exchange-request")]
public sealed record ExchangeRequest(
    [property: Id(0)] string RequestingStateCode,
    [property: Id(1)] string RequestingExpertId,
    [property: Id(2)] ExchangeKind Kind,
    [property: Id(3)] string Topic,
    [property: Id(4)] string Objectives,
    [property: Id(5)] DateOnly PreferredFrom,
    [property: Id(6)] DateOnly PreferredTo,
    [property: Id(7)] int DurationDays,
    [property: Id(8)] IReadOnlyList<string> ParticipantIds,
    [property: Id(9)] string Language,
    [property: Id(10)] Outcomes.OutcomeReference? Source = null);

[GenerateSerializer, Immutable, Alias("collaboration.consultation")]
public sealed record Consultation(
    [property: Id(0)] IReadOnlyList<string> OrganisationKeys,
    [property: Id(1)] DateTimeOffset Deadline,
    [property: Id(2)] IReadOnlyList<ConsultationOpinion> Opinions);

/// <summary>A partner agency's opinion, given by one of its officers before the deadline.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.consultation-opinion")]
public sealed record ConsultationOpinion([property: Id(0)] string OrganisationKey, [property: Id(1)] string Text, [property: Id(2)] DateTimeOffset At);

public enum ExchangeSide
{
    Requesting,
    Host,
}

[GenerateSerializer, Immutable, Alias("collaboration.exchange-evaluation")]
public sealed record ExchangeEvaluation([property: Id(0)] ExchangeSide Side, [property: Id(1)] int Rating, [property: Id(2)] string Text, [property: Id(3)] DateTimeOffset At);

/// <summary>A partner state that was asked to host and declined, with its reason: it is not asked again.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.exchange-host-decline")]
public sealed record HostDecline([property: Id(0)] string PartnerStateCode, [property: Id(1)] string Reason, [property: Id(2)] DateTimeOffset At);

/// <summary>A suggested host state and why it ranked where it did.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.host-suggestion")]
public sealed record HostSuggestion(
    [property: Id(0)] string PartnerStateCode,
    [property: Id(1)] string Name,
    [property: Id(2)] int Score,
    [property: Id(3)] IReadOnlyList<string> Reasons);

/// <summary>An expert exchange as its parties and the secretariat see it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.expert-exchange-view")]
public sealed record ExpertExchangeView(
    [property: Id(0)] string Id,
    [property: Id(1)] ExchangeRequest Request,
    [property: Id(2)] ExchangeStatus Status,
    [property: Id(3)] string? HostStateCode,
    [property: Id(4)] IReadOnlyList<MeetingPerson> HostExperts,
    [property: Id(5)] Consultation? Consultation,
    [property: Id(6)] string? RejectionReason,
    [property: Id(7)] string? MeetingId,
    [property: Id(8)] IReadOnlyList<ExchangeEvaluation> Evaluations,
    [property: Id(9)] IReadOnlyList<AuditEntry> AuditTrail,
    [property: Id(10)] int Version,
    [property: Id(11)] ExchangePermissions? Permissions = null,
    [property: Id(12)] IReadOnlyList<HostDecline>? DeclinedHosts = null,
    [property: Id(13)] string? ClosingReason = null,
    [property: Id(14)] DateTimeOffset? ExpiresAt = null);

/// <summary>
/// What the caller may do with an expert exchange now, one flag per step of its lifecycle, answered by the
/// rules the step applies (who takes it, and from which status).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.exchange-permissions")]
public sealed record ExchangePermissions(
    [property: Id(0)] bool Submit,
    [property: Id(1)] bool Endorse,
    [property: Id(2)] bool Review,
    [property: Id(3)] bool GiveOpinion,
    [property: Id(4)] bool SuggestHosts,
    [property: Id(5)] bool Approve,
    [property: Id(6)] bool Reject,
    [property: Id(7)] bool ConfirmHost,
    [property: Id(8)] bool Schedule,
    [property: Id(9)] bool Complete,
    [property: Id(10)] bool Evaluate,
    [property: Id(11)] bool DeclineHost = false,
    [property: Id(12)] bool Withdraw = false,
    [property: Id(13)] bool Cancel = false);

/// <summary>
/// An exchange in its dialogue's index: for lists, for "past exchanges" in matching, and the facts its rules
/// read (who drafted it, who leads it, whom the review consults until when, who gave an opinion, which sides
/// evaluated, when it last moved, which states declined to host), so the agenda can tell whose step it is, and whether it expired, without
/// activating the exchange.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.expert-exchange-summary")]
public sealed record ExpertExchangeSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string RequestingStateCode,
    [property: Id(2)] string? HostStateCode,
    [property: Id(3)] string Topic,
    [property: Id(4)] ExchangeStatus Status,
    [property: Id(5)] int Version,
    [property: Id(6)] ExchangeKind Kind = ExchangeKind.ShortTermExpertExchange,
    [property: Id(7)] string? CreatedBy = null,
    [property: Id(8)] string? RequestingExpertId = null,
    [property: Id(9)] IReadOnlyList<string>? ConsultedOrganisations = null,
    [property: Id(10)] DateTimeOffset? ConsultationDeadline = null,
    [property: Id(11)] IReadOnlyList<ExchangeSide>? EvaluatedSides = null,
    [property: Id(12)] IReadOnlyList<string>? OpinionsFrom = null,
    [property: Id(13)] DateTimeOffset? LastMovedAt = null,
    [property: Id(14)] IReadOnlyList<string>? DeclinedHostCodes = null);
