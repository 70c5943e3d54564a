using Collaboration.Outcomes;
using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>A meeting's conclusions and recommendations, and the follow-up of its recommendations across meetings.</summary>
public static class OutcomeFields
{
    private const string OutcomeId = "The outcome's id, as Outcome.id gives it.";

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationFollowUpGraphType>>>>("recommendationFollowUp")
            .Description("A dialogue's published recommendations and where each stands, for its members: by year, then meeting, then number.")
            .Argument<NonNullGraphType<StringGraphType>>("dialogueKey", Describe.DialogueKey)
            .Argument<StringGraphType>("pillar", "Only the recommendations of meetings of this pillar.")
            .Argument<IntGraphType>("year", "Only the recommendations of meetings that started in this year.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = ResolveContextExtensions.DialogueKeyOf(c.GetArgument<string>("dialogueKey"));
                return await c.Grains().GetGrain<IFollowUpIndexGrain>(key).ListAsync(caller, c.GetArgument<string?>("pillar"), c.GetArgument<int?>("year"));
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        Change(mutation, "proposeOutcome", "Drafts a conclusion or recommendation (the meeting's note-takers, while it is in progress or concluded and its outcomes are not published).",
            f => f.Argument<NonNullGraphType<OutcomeInputType>>("outcome", "What the meeting concluded or recommends, in one of its working languages.")
                .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            (g, c) => g.ProposeAsync(c.Caller(), c.GetArgument<OutcomeInputModel>("outcome").ToInput(), IdempotencyKey.Of(c)));

        Change(mutation, "editOutcome", "Rewrites a proposed outcome at the version read (the note-takers).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
                .Argument<NonNullGraphType<OutcomeInputType>>("outcome", "The outcome as it should read now."),
            (g, c) => g.EditAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<int>("expectedVersion"), c.GetArgument<OutcomeInputModel>("outcome").ToInput()));

        Change(mutation, "withdrawOutcome", "Withdraws a proposed outcome (the note-takers); the others of its kind are numbered again in order.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            (g, c) => g.WithdrawAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "adoptOutcome", "Adopts a proposed outcome at the version read (a co-chair, or the secretariat in a meeting without co-chairs); it no longer changes.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            (g, c) => g.AdoptAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "publishOutcomes", "Publishes the adopted outcomes (the secretariat), once none is only proposed; then only translations and follow-up change.",
            _ => { },
            (g, c) => g.PublishAsync(c.Caller()));

        Change(mutation, "translateOutcome", "Writes an outcome in another of the meeting's working languages, translating the version read (the secretariat and its translators).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<StringGraphType>>("language", "The working language of the translation, other than the outcome's own.")
                .Argument<NonNullGraphType<StringGraphType>>("text", "The translated text.")
                .Argument<NonNullGraphType<IntGraphType>>("sourceVersion", "The version of the original translated (Outcome.version); CONFLICT when it changed since.")
                .Argument<IntGraphType>("expectedRevision", "The revision of the translation you read (OutcomeTranslation.revision; 0, the default, when there was none); CONFLICT (TRANSLATION_CHANGED) when another was saved since."),
            (g, c) => g.TranslateAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<string>("language"), c.GetArgument<string>("text"), c.GetArgument<int>("sourceVersion"),
                c.GetArgument<int?>("expectedRevision") ?? 0));

        Change(mutation, "reportProgress", "Reports progress on a published recommendation for a party it addresses (that party's focal points or members, or the secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<AddresseeInputType>>("reportedFor", "The party reported for, one of Outcome.viewerMayReportFor.")
                .Argument<NonNullGraphType<FollowUpStatusEnum>>("status", "Where the recommendation stands now for that party.")
                .Argument<NonNullGraphType<StringGraphType>>("text", "What was done.")
                .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            (g, c) => g.ReportProgressAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<AddresseeInputModel>("reportedFor").ToAddressee(),
                c.GetArgument<FollowUpStatus>("status"), c.GetArgument<string>("text"), IdempotencyKey.Of(c)));

        Change(mutation, "recommendationToActionItem", "Turns a published recommendation into an action item of a working group it addresses (the group's chairs or the secretariat); each links to the other.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<IdGraphType>>("workingGroupId", Describe.WorkingGroupId)
                .Argument<NonNullGraphType<ActionItemInputType>>("item", "What is to be done, by whom (a member of the group), by when.")
                .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            (g, c) => g.SpawnActionItemAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<string>("workingGroupId"),
                c.GetArgument<ActionItemInputModel>("item").ToInput(), IdempotencyKey.Of(c)));

        Change(mutation, "recommendationToExchangeRequest", "Turns a published recommendation into an expert exchange request of a partner state it addresses (those who may request in that state's name); each links to the other.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("outcomeId", OutcomeId)
                .Argument<NonNullGraphType<ExchangeRequestInputType>>("request", "What is asked: the kind of exchange, topic, objectives, preferred dates and who takes part.")
                .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            (g, c) => g.SpawnExchangeRequestAsync(c.Caller(), c.GetArgument<string>("outcomeId"), c.GetArgument<ExchangeRequestInputModel>("request").ToRequest(), IdempotencyKey.Of(c)));
    }

    private static void Change(
        ObjectGraphType mutation, string name, string description, Action<FieldBuilder<object?, object>> arguments,
        Func<IMeetingOutcomesGrain, IResolveFieldContext, Task<MeetingOutcomes>> change)
    {
        var field = mutation.Field<NonNullGraphType<MeetingOutcomesGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("meetingId", Describe.MeetingId);
        arguments(field);
        field.ResolveAsync(async c =>
        {
            // Who asks comes first: an anonymous request is UNAUTHENTICATED whatever the meeting id.
            c.Caller();
            return await change(Grain(c, c.GetArgument<string>("meetingId")), c);
        });
    }

    /// <summary>The outcomes of a meeting by its id; NOT_FOUND for anything that cannot be one.</summary>
    public static IMeetingOutcomesGrain Grain(IResolveFieldContext c, string meetingId) =>
        MeetingKey.DialogueOf(meetingId) is null
            ? throw CollaborationException.NotFound($"There is no meeting '{meetingId}'.")
            : c.Grains().GetGrain<IMeetingOutcomesGrain>(meetingId);
}
