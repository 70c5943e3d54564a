using Collaboration.Exchanges;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class PriorityKindEnum : EnumerationGraphType<PriorityKind>
{
    public PriorityKindEnum()
    {
        Name = "PriorityKind";
        Description = "Whether a priority is something a state NEEDs or OFFERs.";
    }
}

public sealed class ExchangeKindEnum : EnumerationGraphType<ExchangeKind>
{
    public ExchangeKindEnum()
    {
        Name = "ExchangeKind";
        Description = "The kinds of South-South exchange: a short-term expert exchange, a study visit or a capacity-building activity.";
    }
}

public sealed class ExchangeStatusEnum : EnumerationGraphType<ExchangeStatus>
{
    public ExchangeStatusEnum()
    {
        Name = "ExchangeStatus";
        Description = "Where an exchange stands: DRAFT → SUBMITTED → ENDORSED → UNDER_REVIEW → APPROVED or REJECTED → HOST_CONFIRMED → SCHEDULED → COMPLETED → EVALUATED; "
            + "a host that declines sends it back UNDER_REVIEW; before COMPLETED it may end WITHDRAWN (by the requester) or CANCELLED (by the secretariat); "
            + "a request left waiting for someone else's move for 60 days is EXPIRED.";
    }
}

public sealed class ExchangeSideEnum : EnumerationGraphType<ExchangeSide>
{
    public ExchangeSideEnum()
    {
        Name = "ExchangeSide";
        Description = "A side of an exchange: the REQUESTING state or the HOST.";
    }
}

public sealed class PriorityGraphType : ObjectGraphType<Priority>
{
    public PriorityGraphType()
    {
        Name = "Priority";
        Description = "A need or offer of a partner state, on a topic of the dialogue.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The priority's id within its registry.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<PriorityKindEnum>>("kind").Description("A need or an offer.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("topic").Description("The topic, one of the dialogue's topics.").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What exactly is needed or offered.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("The languages the work can be done in.").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("contactExperts").Description("The experts to contact about it.").Resolve(c => c.Source.ContactExperts);
    }
}

public sealed class PriorityRegistryGraphType : ObjectGraphType<PriorityRegistryView>
{
    public PriorityRegistryGraphType()
    {
        Name = "PriorityRegistry";
        Description = "A partner state's registry of priorities: its needs and offers by topic.";
        Field<NonNullGraphType<StringGraphType>>("partnerStateCode").Description("The partner state's ISO code.").Resolve(c => c.Source.PartnerStateCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriorityGraphType>>>>("priorities").Description("Its needs and offers.").Resolve(c => c.Source.Priorities);
        Field<NonNullGraphType<IntGraphType>>("version").Description(Describe.Version).Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Description("Whether the caller may change it: the state's focal points and the secretariat.").Resolve(c => c.Source.ViewerMayEdit);
        Field<NonNullGraphType<PriorityRegistryViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do with the registry, and in its state's name, by the rules the mutations apply.")
            .Resolve(c => c.Source);
    }
}

public sealed class PriorityInputModel
{
    public PriorityKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string>? Languages { get; set; }
    public List<string>? ContactExpertIds { get; set; }

    public PriorityInput ToInput() => new(Kind, Topic, Description, Languages ?? [], ContactExpertIds ?? []);
}

public sealed class PriorityInputType : InputObjectGraphType<PriorityInputModel>
{
    public PriorityInputType()
    {
        Name = "PriorityInput";
        Description = "A need or offer for a partner state's registry of priorities.";
        Field<NonNullGraphType<PriorityKindEnum>>("kind").Description("A need or an offer.");
        Field<NonNullGraphType<StringGraphType>>("topic").Description("one of the dialogue's topics");
        Field<NonNullGraphType<StringGraphType>>("description").Description("What exactly is needed or offered.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages").Description("The languages the work can be done in.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("contactExpertIds").Description("The experts to contact about it, by person id.");
    }
}

public sealed class ExchangeRequestInputModel
{
    public string RequestingStateCode { get; set; } = "";
    public string RequestingExpertId { get; set; } = "";
    public ExchangeKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public string Objectives { get; set; } = "";
    public string PreferredFrom { get; set; } = "";
    public string PreferredTo { get; set; } = "";
    public int DurationDays { get; set; }
    public List<string>? ParticipantIds { get; set; }
    public string Language { get; set; } = "";

    public ExchangeRequest ToRequest() => new(RequestingStateCode, RequestingExpertId, Kind, Topic, Objectives,
        LocalTime.ParseDate(PreferredFrom, "preferredFrom"), LocalTime.ParseDate(PreferredTo, "preferredTo"), DurationDays, ParticipantIds ?? [], Language);
}

public sealed class ExchangeRequestInputType : InputObjectGraphType<ExchangeRequestInputModel>
{
    public ExchangeRequestInputType()
    {
        Name = "ExchangeRequestInput";
        Description = "A request for a South-South expert exchange, in the name of a partner state.";
        Field<NonNullGraphType<StringGraphType>>("requestingStateCode").Description("The partner state that asks, by ISO code; the caller must represent it.");
        Field<NonNullGraphType<IdGraphType>>("requestingExpertId").Description("The expert who leads the request, by person id.");
        Field<NonNullGraphType<ExchangeKindEnum>>("kind").Description("What kind of exchange.");
        Field<NonNullGraphType<StringGraphType>>("topic").Description("The topic, one of the dialogue's topics.");
        Field<NonNullGraphType<StringGraphType>>("objectives").Description("What the exchange should achieve.");
        Field<NonNullGraphType<StringGraphType>>("preferredFrom").Description("e.g. 2031-03-01");
        Field<NonNullGraphType<StringGraphType>>("preferredTo").Description("The latest date it could end.");
        Field<NonNullGraphType<IntGraphType>>("durationDays").Description("How many days it lasts.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("participantIds").Description("Who else takes part from the requesting state, by person id.");
        Field<NonNullGraphType<StringGraphType>>("language").Description("ar, en or fr");
    }
}

public sealed class ExpertExchangeGraphType : ObjectGraphType<ExpertExchangeView>
{
    public ExpertExchangeGraphType()
    {
        Name = "ExpertExchange";
        Description = "A South-South expert exchange, for the secretariat, the requesting and host states and the consulted agencies.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The exchange's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("requestingStateCode").Description("The partner state that asked.").Resolve(c => c.Source.Request.RequestingStateCode);
        Field<NonNullGraphType<IdGraphType>>("requestingExpertId").Description("The expert who leads the request.").Resolve(c => c.Source.Request.RequestingExpertId);
        Field<NonNullGraphType<ExchangeKindEnum>>("kind").Description("What kind of exchange.").Resolve(c => c.Source.Request.Kind);
        Field<NonNullGraphType<StringGraphType>>("topic").Description("Its topic.").Resolve(c => c.Source.Request.Topic);
        Field<NonNullGraphType<StringGraphType>>("objectives").Description("What it should achieve.").Resolve(c => c.Source.Request.Objectives);
        Field<NonNullGraphType<StringGraphType>>("language").Description("The language it is held in.").Resolve(c => c.Source.Request.Language);
        Field<NonNullGraphType<ExchangeStatusEnum>>("status").Description("Where it stands.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("hostStateCode").Description("The host state, once approved.").Resolve(c => c.Source.HostStateCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("hostExperts").Description("The host state's experts, once it confirmed.").Resolve(c => c.Source.HostExperts);
        Field<StringGraphType>("rejectionReason").Description("Why it was rejected, when it was.").Resolve(c => c.Source.RejectionReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HostDeclineGraphType>>>>("declinedHosts").Description("The states that were asked to host and declined, with their reasons.").Resolve(c => c.Source.DeclinedHosts ?? []);
        Field<StringGraphType>("closingReason").Description("Why it was withdrawn or cancelled, when it was and a reason was given.").Resolve(c => c.Source.ClosingReason);
        Field<DateTimeOffsetGraphType>("expiresAt").Description("While it waits for someone else's move: when it expires if no one moves; once past, its status is EXPIRED.").Resolve(c => c.Source.ExpiresAt);
        Field<IdGraphType>("meetingId").Description("The meeting it was scheduled as.").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("consultedOrganisations").Description("The partner agencies consulted during the review.").Resolve(c => c.Source.Consultation?.OrganisationKeys ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeSideEnum>>>>("evaluatedBy").Description("The sides that have evaluated it.").Resolve(c => c.Source.Evaluations.Select(e => e.Side));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail").Description("Every step it went through, by whom and when.").Resolve(c => c.Source.AuditTrail);
        Field<OutcomeReferenceGraphType>("fromRecommendation").Description("The meeting's recommendation it was requested from, if any.").Resolve(c => c.Source.Request.Source);
        Field<NonNullGraphType<IntGraphType>>("version").Description(Describe.Version).Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ExpertExchangeViewerMayGraphType>>("viewerMay")
            .Description("Which steps the caller may take now, by the rules the steps apply: one flag per mutation.")
            .Resolve(c => c.Source.Permissions ?? new ExchangePermissions(false, false, false, false, false, false, false, false, false, false, false));
    }
}

public sealed class HostDeclineGraphType : ObjectGraphType<HostDecline>
{
    public HostDeclineGraphType()
    {
        Name = "ExchangeHostDecline";
        Description = "A partner state that was asked to host an exchange and declined; it is not asked again.";
        Field<NonNullGraphType<StringGraphType>>("partnerStateCode").Description("The state's ISO code.").Resolve(c => c.Source.PartnerStateCode);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it declined.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it declined.").Resolve(c => c.Source.At);
    }
}

public sealed class HostSuggestionGraphType : ObjectGraphType<HostSuggestion>
{
    public HostSuggestionGraphType()
    {
        Name = "HostSuggestion";
        Description = "A partner state that could host an exchange, ranked by how well its offers match the request.";
        Field<NonNullGraphType<StringGraphType>>("partnerStateCode").Description("The state's ISO code.").Resolve(c => c.Source.PartnerStateCode);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The state's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("score").Description("How well it matches; higher is better.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Description("Why it ranks there, e.g. an offer on the topic, an offer that meets the request's own needs, a shared language.").Resolve(c => c.Source.Reasons);
    }
}
