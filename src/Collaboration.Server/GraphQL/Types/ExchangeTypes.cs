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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The priority's id within its registry.");
        Field(x => x.Kind).Description("A need or an offer.");
        Field(x => x.Topic).Description("The topic, one of the dialogue's topics.");
        Field(x => x.Description).Description("What exactly is needed or offered.");
        Field(x => x.Languages).Description("The languages the work can be done in.");
        Field(x => x.ContactExperts).Description("The experts to contact about it.");
    }
}

public sealed class PriorityRegistryGraphType : ObjectGraphType<PriorityRegistryView>
{
    public PriorityRegistryGraphType()
    {
        Name = "PriorityRegistry";
        Description = "A partner state's registry of priorities: its needs and offers by topic.";
        Field(x => x.PartnerStateCode).Description("The partner state's ISO code.");
        Field(x => x.Priorities).Description("Its needs and offers.");
        Field(x => x.Version).Description(Describe.Version);
        Field(x => x.ViewerMayEdit).Description("Whether the caller may change it: the state's focal points and the secretariat.");
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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The exchange's id.");
        Field(x => x.Request.RequestingStateCode).Description("The partner state that asked.");
        Field(x => x.Request.RequestingExpertId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The expert who leads the request.");
        Field(x => x.Request.Kind).Description("What kind of exchange.");
        Field(x => x.Request.Topic).Description("Its topic.");
        Field(x => x.Request.Objectives).Description("What it should achieve.");
        Field(x => x.Request.Language).Description("The language it is held in.");
        Field(x => x.Status).Description("Where it stands.");
        Field(x => x.HostStateCode).Description("The host state, once approved.");
        Field(x => x.HostExperts).Description("The host state's experts, once it confirmed.");
        Field(x => x.RejectionReason).Description("Why it was rejected, when it was.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeHostDeclineGraphType>>>>("declinedHosts").Description("The states that were asked to host and declined, with their reasons.").Resolve(c => c.Source.DeclinedHosts ?? []);
        Field(x => x.ClosingReason).Description("Why it was withdrawn or cancelled, when it was and a reason was given.");
        Field<DateTimeOffsetGraphType>("expiresAt").Description("While it waits for someone else's move: when it expires if no one moves; once past, its status is EXPIRED.").Resolve(c => c.Source.ExpiresAt);
        Field(x => x.MeetingId, type: typeof(IdGraphType)).Description("The meeting it was scheduled as.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("consultedOrganisations").Description("The partner agencies consulted during the review.").Resolve(c => c.Source.Consultation?.OrganisationKeys ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeSideEnum>>>>("evaluatedBy").Description("The sides that have evaluated it.").Resolve(c => c.Source.Evaluations.Select(e => e.Side));
        Field(x => x.AuditTrail).Description("Every step it went through, by whom and when.");
        Field<OutcomeReferenceGraphType>("fromRecommendation").Description("The meeting's recommendation it was requested from, if any.").Resolve(c => c.Source.Request.Source);
        Field(x => x.Version).Description(Describe.Version);
        Field<NonNullGraphType<ExpertExchangeViewerMayGraphType>>("viewerMay")
            .Description("Which steps the caller may take now, by the rules the steps apply: one flag per mutation.")
            .Resolve(c => c.Source.Permissions ?? new ExchangePermissions(false, false, false, false, false, false, false, false, false, false, false));
    }
}

public sealed class ExchangeHostDeclineGraphType : ObjectGraphType<HostDecline>
{
    public ExchangeHostDeclineGraphType()
    {
        Name = "ExchangeHostDecline";
        Description = "A partner state that was asked to host an exchange and declined; it is not asked again.";
        Field(x => x.PartnerStateCode).Description("The state's ISO code.");
        Field(x => x.Reason).Description("Why it declined.");
        Field(x => x.At).Description("When it declined.");
    }
}

public sealed class HostSuggestionGraphType : ObjectGraphType<HostSuggestion>
{
    public HostSuggestionGraphType()
    {
        Name = "HostSuggestion";
        Description = "A partner state that could host an exchange, ranked by how well its offers match the request.";
        Field(x => x.PartnerStateCode).Description("The state's ISO code.");
        Field(x => x.Name).Description("The state's name.");
        Field<NonNullGraphType<IntGraphType>>("score").Description("How well it matches; higher is better.").Resolve(c => c.Source.Score);
        Field(x => x.Reasons).Description("Why it ranks there, e.g. an offer on the topic, an offer that meets the request's own needs, a shared language.");
    }
}
