using Collaboration.Exchanges;
using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>The registry of priorities and South-South expert exchanges.</summary>
public static class ExchangeFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PriorityRegistryGraphType>>("priorityRegistry")
            .Description("A partner state's registry of priorities, for the dialogue's members.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", Describe.PartnerStateCode)
            .ResolveAsync(async c => await Registry(c).GetAsync(c.Caller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertExchangeGraphType>>>>("expertExchanges")
            .Description("The dialogue's expert exchanges the caller is a party to (all of them for the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c => await c.Grains().GetGrain<IExpertExchangeIndexGrain>(c.DialogueKey()).ListForAsync(c.Caller()));

        query.Field<NonNullGraphType<ExpertExchangeGraphType>>("expertExchange").Description("One expert exchange; NOT_FOUND for anyone who is not a party to it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.ExchangeId)
            .ResolveAsync(async c => await Exchange(c).GetAsync(c.Caller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HostSuggestionGraphType>>>>("suggestExchangeHosts")
            .Description("Ranked host states for a request, each with its reasons (secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.ExchangeId)
            .ResolveAsync(async c => await Exchange(c).SuggestHostsAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PriorityRegistryGraphType>>("addPriority")
            .Description("Adds a need or offer to a partner state's registry (its focal points, the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", Describe.PartnerStateCode)
            .Argument<NonNullGraphType<PriorityInputType>>("priority", "The need or offer: its topic, a description, languages and the experts to contact.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Registry(c).AddAsync(caller, c.GetArgument<PriorityInputModel>("priority").ToInput(), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c));
            });

        mutation.Field<NonNullGraphType<PriorityRegistryGraphType>>("removePriority").Description("Removes a need or offer from a partner state's registry (its focal points, the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", Describe.PartnerStateCode)
            .Argument<NonNullGraphType<IdGraphType>>("priorityId", "The priority's id, as PriorityRegistry.priorities gives it.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Registry(c).RemoveAsync(caller, c.GetArgument<string>("priorityId"), c.GetArgument<int>("expectedVersion"));
            });

        mutation.Field<NonNullGraphType<ExpertExchangeGraphType>>("requestExpertExchange")
            .Description("Drafts a request in the name of a partner state the caller represents.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<ExchangeRequestInputType>>("request", "What is asked: the kind of exchange, topic, objectives, preferred dates and who takes part.")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = IdempotencyKey.Of(c);
                var id = $"{c.DialogueKey()}/{RequestKeys.NewId(caller, key)}";
                return await c.Grains().GetGrain<IExpertExchangeGrain>(id).CreateAsync(caller, c.GetArgument<ExchangeRequestInputModel>("request").ToRequest(), key);
            });

        Step(mutation, "submitExpertExchange", "Submits a draft (its drafter or a focal point).", (g, c) => g.SubmitAsync(c.Caller()));
        Step(mutation, "endorseExpertExchange", "Endorses a request (a focal point of the requesting state).", (g, c) => g.EndorseAsync(c.Caller()));
        Step(mutation, "reviewExpertExchange", "Takes a request under review, optionally consulting partner agencies until a deadline (secretariat).",
            (g, c) => g.StartReviewAsync(c.Caller(), c.GetArgument<List<string>?>("consultedOrganisations") ?? [], c.GetArgument<DateTimeOffset?>("deadline")),
            f => f.Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("consultedOrganisations", "The partner agencies asked for an opinion, by key.").Argument<DateTimeOffsetGraphType>("deadline", "Until when consulted agencies may give their opinion."));
        Step(mutation, "giveExchangeOpinion", "A consulted agency's opinion, before the deadline.",
            (g, c) => g.GiveOpinionAsync(c.Caller(), c.GetArgument<string>("text")), f => f.Argument<NonNullGraphType<StringGraphType>>("text", "The agency's opinion."));
        Step(mutation, "approveExpertExchange", "Approves a request and names the host state asked, a suggested one or any other that has not declined it (secretariat).",
            (g, c) => g.ApproveAsync(c.Caller(), c.GetArgument<string>("hostStateCode")), f => f.Argument<NonNullGraphType<StringGraphType>>("hostStateCode", "The partner state asked to host, by ISO code (see suggestExchangeHosts)."));
        Step(mutation, "rejectExpertExchange", "Rejects a request with a reason (secretariat).",
            (g, c) => g.RejectAsync(c.Caller(), c.GetArgument<string>("reason")), f => f.Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the requesting state."));
        Step(mutation, "confirmExchangeHost", "A focal point of the host state accepts and names its experts.",
            (g, c) => g.ConfirmHostAsync(c.Caller(), c.GetArgument<List<string>>("hostExpertIds")), f => f.Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("hostExpertIds", "The host state's experts who take part, by person id."));
        Step(mutation, "declineExchangeHost", "A focal point of the host state declines to host, with a reason: the request goes back under review for the secretariat to name another host.",
            (g, c) => g.DeclineHostAsync(c.Caller(), c.GetArgument<string>("reason")), f => f.Argument<NonNullGraphType<StringGraphType>>("reason", "Why the host state cannot host it, for the secretariat and the requesting state."));
        Step(mutation, "withdrawExpertExchange", "The requester withdraws the request at any step before it is completed (the requesting expert, its drafter or a focal point of the requesting state).",
            (g, c) => g.WithdrawAsync(c.Caller(), c.GetArgument<string?>("reason")), f => f.Argument<StringGraphType>("reason", "Why, if the requester wishes to say."));
        Step(mutation, "cancelExpertExchange", "Cancels an exchange at any step before it is completed, with a reason; its meeting, if scheduled, is cancelled too (secretariat).",
            (g, c) => g.CancelAsync(c.Caller(), c.GetArgument<string>("reason")), f => f.Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the requesting and host states."));
        Step(mutation, "scheduleExpertExchange", "Schedules the study visit or mission as a meeting with its invitations (secretariat).",
            (g, c) => g.ScheduleAsync(c.Caller(), LocalTime.Parse(c.GetArgument<string>("startsLocal"), "startsLocal"), c.GetArgument<string>("timeZone"), c.GetArgument<string>("city")),
            f => f.Argument<NonNullGraphType<StringGraphType>>("startsLocal", Describe.LocalDateTime).Argument<NonNullGraphType<StringGraphType>>("timeZone", Describe.TimeZone).Argument<NonNullGraphType<StringGraphType>>("city", "The city in the host state where it takes place."));
        Step(mutation, "completeExpertExchange", "Records the exchange as completed (secretariat).", (g, c) => g.CompleteAsync(c.Caller()));
        Step(mutation, "evaluateExpertExchange", "One side's evaluation (rating 1–5); both make the exchange Evaluated.",
            (g, c) => g.EvaluateAsync(c.Caller(), c.GetArgument<int>("rating"), c.GetArgument<string>("text")),
            f => f.Argument<NonNullGraphType<IntGraphType>>("rating", "How well it met its objectives, from 1 (not at all) to 5 (fully).").Argument<NonNullGraphType<StringGraphType>>("text", "What went well and what did not."));
    }

    private static void Step(
        ObjectGraphType mutation, string name, string description, Func<IExpertExchangeGrain, IResolveFieldContext, Task<ExpertExchangeView>> step,
        Action<global::GraphQL.Builders.FieldBuilder<object?, object>>? arguments = null)
    {
        var field = mutation.Field<NonNullGraphType<ExpertExchangeGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.ExchangeId);
        arguments?.Invoke(field);
        field.ResolveAsync(async c => await step(Exchange(c), c));
    }

    private static IPriorityRegistryGrain Registry(IResolveFieldContext c) =>
        c.Grains().GetGrain<IPriorityRegistryGrain>($"{c.DialogueKey()}/{Validate.CountryCode(c.GetArgument<string>("partnerStateCode"), "partnerStateCode")}");

    private static IExpertExchangeGrain Exchange(IResolveFieldContext c) => c.DialogueGrain<IExpertExchangeGrain>("expert exchange");
}
