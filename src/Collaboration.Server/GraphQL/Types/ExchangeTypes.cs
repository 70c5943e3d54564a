using Collaboration.Exchanges;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class PriorityKindEnum : EnumerationGraphType<PriorityKind>
{
    public PriorityKindEnum() => Name = "PriorityKind";
}

public sealed class ExchangeKindEnum : EnumerationGraphType<ExchangeKind>
{
    public ExchangeKindEnum() => Name = "ExchangeKind";
}

public sealed class ExchangeStatusEnum : EnumerationGraphType<ExchangeStatus>
{
    public ExchangeStatusEnum() => Name = "ExchangeStatus";
}

public sealed class ExchangeSideEnum : EnumerationGraphType<ExchangeSide>
{
    public ExchangeSideEnum() => Name = "ExchangeSide";
}

public sealed class PriorityGraphType : ObjectGraphType<Priority>
{
    public PriorityGraphType()
    {
        Name = "Priority";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<PriorityKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("topic").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("contactExperts").Resolve(c => c.Source.ContactExperts);
    }
}

public sealed class PriorityRegistryGraphType : ObjectGraphType<PriorityRegistryView>
{
    public PriorityRegistryGraphType()
    {
        Name = "PriorityRegistry";
        Description = "A partner state's registry of priorities: its needs and offers by topic.";
        Field<NonNullGraphType<StringGraphType>>("partnerStateCode").Resolve(c => c.Source.PartnerStateCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriorityGraphType>>>>("priorities").Resolve(c => c.Source.Priorities);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayEdit").Resolve(c => c.Source.ViewerMayEdit);
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
        Field<NonNullGraphType<PriorityKindEnum>>("kind");
        Field<NonNullGraphType<StringGraphType>>("topic").Description("one of the dialogue's topics");
        Field<NonNullGraphType<StringGraphType>>("description");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("contactExpertIds");
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
        Field<NonNullGraphType<StringGraphType>>("requestingStateCode");
        Field<NonNullGraphType<IdGraphType>>("requestingExpertId");
        Field<NonNullGraphType<ExchangeKindEnum>>("kind");
        Field<NonNullGraphType<StringGraphType>>("topic");
        Field<NonNullGraphType<StringGraphType>>("objectives");
        Field<NonNullGraphType<StringGraphType>>("preferredFrom").Description("e.g. 2031-03-01");
        Field<NonNullGraphType<StringGraphType>>("preferredTo");
        Field<NonNullGraphType<IntGraphType>>("durationDays");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("participantIds");
        Field<NonNullGraphType<StringGraphType>>("language").Description("ar, en or fr");
    }
}

public sealed class ExpertExchangeGraphType : ObjectGraphType<ExpertExchangeView>
{
    public ExpertExchangeGraphType()
    {
        Name = "ExpertExchange";
        Description = "A South-South expert exchange, for the secretariat, the requesting and host states and the consulted agencies.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("requestingStateCode").Resolve(c => c.Source.Request.RequestingStateCode);
        Field<NonNullGraphType<IdGraphType>>("requestingExpertId").Resolve(c => c.Source.Request.RequestingExpertId);
        Field<NonNullGraphType<ExchangeKindEnum>>("kind").Resolve(c => c.Source.Request.Kind);
        Field<NonNullGraphType<StringGraphType>>("topic").Resolve(c => c.Source.Request.Topic);
        Field<NonNullGraphType<StringGraphType>>("objectives").Resolve(c => c.Source.Request.Objectives);
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(c => c.Source.Request.Language);
        Field<NonNullGraphType<ExchangeStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("hostStateCode").Resolve(c => c.Source.HostStateCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("hostExperts").Resolve(c => c.Source.HostExperts);
        Field<StringGraphType>("rejectionReason").Resolve(c => c.Source.RejectionReason);
        Field<IdGraphType>("meetingId").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("consultedOrganisations").Resolve(c => c.Source.Consultation?.OrganisationKeys ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeSideEnum>>>>("evaluatedBy").Resolve(c => c.Source.Evaluations.Select(e => e.Side));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail").Resolve(c => c.Source.AuditTrail);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
    }
}

public sealed class HostSuggestionGraphType : ObjectGraphType<HostSuggestion>
{
    public HostSuggestionGraphType()
    {
        Name = "HostSuggestion";
        Field<NonNullGraphType<StringGraphType>>("partnerStateCode").Resolve(c => c.Source.PartnerStateCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("score").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}
