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
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode")
            .ResolveAsync(async c => await Registry(c).GetAsync(c.Caller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertExchangeGraphType>>>>("expertExchanges")
            .Description("The dialogue's expert exchanges the caller is a party to (all of them for the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var grains = c.Grains();
                var visible = new List<ExpertExchangeView>();
                foreach (var summary in await grains.GetGrain<IExpertExchangeIndexGrain>(c.DialogueKey()).ListAsync())
                {
                    try
                    {
                        visible.Add(await grains.GetGrain<IExpertExchangeGrain>(summary.Id).GetAsync(caller));
                    }
                    catch (CollaborationException e) when (e.Code == ErrorCode.NotFound)
                    {
                        // Not a party to it: it does not exist for this caller.
                    }
                }
                return visible;
            });

        query.Field<NonNullGraphType<ExpertExchangeGraphType>>("expertExchange")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Exchange(c).GetAsync(c.Caller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HostSuggestionGraphType>>>>("suggestExchangeHosts")
            .Description("Ranked host states for a request, each with its reasons (secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Exchange(c).SuggestHostsAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PriorityRegistryGraphType>>("addPriority")
            .Description("Adds a need or offer to a partner state's registry (its focal points, the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode")
            .Argument<NonNullGraphType<PriorityInputType>>("priority")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Registry(c).AddAsync(caller, c.GetArgument<PriorityInputModel>("priority").ToInput(), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c));
            });

        mutation.Field<NonNullGraphType<PriorityRegistryGraphType>>("removePriority")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode")
            .Argument<NonNullGraphType<IdGraphType>>("priorityId")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Registry(c).RemoveAsync(caller, c.GetArgument<string>("priorityId"), c.GetArgument<int>("expectedVersion"));
            });

        mutation.Field<NonNullGraphType<ExpertExchangeGraphType>>("requestExpertExchange")
            .Description("Drafts a request in the name of a partner state the caller represents.")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<ExchangeRequestInputType>>("request")
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
            f => f.Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("consultedOrganisations").Argument<DateTimeOffsetGraphType>("deadline"));
        Step(mutation, "giveExchangeOpinion", "A consulted agency's opinion, before the deadline.",
            (g, c) => g.GiveOpinionAsync(c.Caller(), c.GetArgument<string>("text")), f => f.Argument<NonNullGraphType<StringGraphType>>("text"));
        Step(mutation, "approveExpertExchange", "Approves a request and names the host state asked (secretariat).",
            (g, c) => g.ApproveAsync(c.Caller(), c.GetArgument<string>("hostStateCode")), f => f.Argument<NonNullGraphType<StringGraphType>>("hostStateCode"));
        Step(mutation, "rejectExpertExchange", "Rejects a request with a reason (secretariat).",
            (g, c) => g.RejectAsync(c.Caller(), c.GetArgument<string>("reason")), f => f.Argument<NonNullGraphType<StringGraphType>>("reason"));
        Step(mutation, "confirmExchangeHost", "A focal point of the host state accepts and names its experts.",
            (g, c) => g.ConfirmHostAsync(c.Caller(), c.GetArgument<List<string>>("hostExpertIds")), f => f.Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("hostExpertIds"));
        Step(mutation, "scheduleExpertExchange", "Schedules the study visit or mission as a meeting with its invitations (secretariat).",
            (g, c) => g.ScheduleAsync(c.Caller(), LocalTime.Parse(c.GetArgument<string>("startsLocal"), "startsLocal"), c.GetArgument<string>("timeZone"), c.GetArgument<string>("city")),
            f => f.Argument<NonNullGraphType<StringGraphType>>("startsLocal").Argument<NonNullGraphType<StringGraphType>>("timeZone").Argument<NonNullGraphType<StringGraphType>>("city"));
        Step(mutation, "completeExpertExchange", "Records the exchange as completed (secretariat).", (g, c) => g.CompleteAsync(c.Caller()));
        Step(mutation, "evaluateExpertExchange", "One side's evaluation (rating 1–5); both make the exchange Evaluated.",
            (g, c) => g.EvaluateAsync(c.Caller(), c.GetArgument<int>("rating"), c.GetArgument<string>("text")),
            f => f.Argument<NonNullGraphType<IntGraphType>>("rating").Argument<NonNullGraphType<StringGraphType>>("text"));
    }

    private static void Step(
        ObjectGraphType mutation, string name, string description, Func<IExpertExchangeGrain, IResolveFieldContext, Task<ExpertExchangeView>> step,
        Action<global::GraphQL.Builders.FieldBuilder<object?, object>>? arguments = null)
    {
        var field = mutation.Field<NonNullGraphType<ExpertExchangeGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("id");
        arguments?.Invoke(field);
        field.ResolveAsync(async c => await step(Exchange(c), c));
    }

    private static IPriorityRegistryGrain Registry(IResolveFieldContext c) =>
        c.Grains().GetGrain<IPriorityRegistryGrain>($"{c.DialogueKey()}/{Validate.CountryCode(c.GetArgument<string>("partnerStateCode"), "partnerStateCode")}");

    private static IExpertExchangeGrain Exchange(IResolveFieldContext c) => c.DialogueGrain<IExpertExchangeGrain>("expert exchange");
}
