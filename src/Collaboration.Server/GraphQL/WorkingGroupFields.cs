using Collaboration.Server.GraphQL.Types;
using Collaboration.WorkingGroups;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Working groups: their mandate and members, meeting series, documents and action items.</summary>
public static class WorkingGroupFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkingGroupGraphType>>>>("workingGroups")
            .Description("A dialogue's working groups, for its members.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var grains = c.Grains();
                var summaries = await grains.GetGrain<IWorkingGroupIndexGrain>(c.DialogueKey()).ListAsync();
                return await Task.WhenAll(summaries.Select(summary => grains.GetGrain<IWorkingGroupGrain>(summary.Id).GetAsync(caller)));
            });

        query.Field<NonNullGraphType<WorkingGroupGraphType>>("workingGroup")
            .Description("One working group; NOT_FOUND for anyone outside its dialogue.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .ResolveAsync(async c => await Group(c).GetAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("createWorkingGroup")
            .Description("Creates a working group of a dialogue under a short key such as silk-routes (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<StringGraphType>>("groupKey", "A short lower-case key for the group within the dialogue, e.g. silk-routes.")
            .Argument<NonNullGraphType<WorkingGroupInputType>>("group", "Its name, mandate, members and chairs.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = $"{c.DialogueKey()}/{Validate.Key(c.GetArgument<string>("groupKey"), "groupKey")}";
                return await c.Grains().GetGrain<IWorkingGroupGrain>(id).CreateAsync(caller, c.GetArgument<WorkingGroupInput>("group").ToDetails());
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("updateWorkingGroup")
            .Description("Changes what is sent of the name, mandate, members and chairs, keeping the rest (secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<WorkingGroupChangesInputType>>("group", "Only what changes; fields left out keep their values.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var group = c.GetArgument<WorkingGroupInput>("group");
                return await Group(c).UpdateAsync(caller, group.ToDetails(), c.GetArgument<int>("expectedVersion"), group.Given);
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("setWorkingGroupSeries")
            .Description("Sets the meeting series, or changes what is sent of it and keeps the rest (chairs or secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<MeetingSeriesInputType>>("series", "When and where the group meets: a recurrence rule from a first meeting, its length and place; for a change, only what changes.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var series = c.GetArgument<MeetingSeriesInput>("series");
                return await Group(c).SetSeriesAsync(caller, series.ToSeries(), c.GetArgument<int>("expectedVersion"), series.Given);
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("scheduleWorkingGroupMeetings")
            .Description("Makes the next occurrences of the series into scheduled meetings with the group invited (secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<IntGraphType>("count", "How many of the next occurrences to schedule.", a => a.DefaultValue = 1)
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Group(c).ScheduleOccurrencesAsync(caller, c.GetArgument<int>("count"), IdempotencyKey.Of(c));
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("addWorkingGroupDocument")
            .Description("Adds a document link (chairs or secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<StringGraphType>>("title", "The document's title.")
            .Argument<NonNullGraphType<StringGraphType>>("url", "Its https address.")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Group(c).AddDocumentAsync(caller, c.GetArgument<string>("title"), c.GetArgument<string>("url"), IdempotencyKey.Of(c));
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("addActionItem")
            .Description("Adds an action item owned by a member of the group (chairs or secretariat); its owner is reminded before the due date.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<ActionItemInputType>>("item", "What is to be done, by whom (a member of the group), by when.")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Group(c).AddActionItemAsync(caller, c.GetArgument<ActionItemInputModel>("item").ToInput(), IdempotencyKey.Of(c));
            });

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("updateActionItem")
            .Description("Changes an action item's title, owner and due date (chairs or secretariat); its status stays. A new due date must not have passed.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<IdGraphType>>("itemId", "The action item's id, as WorkingGroup.actionItems gives it.")
            .Argument<NonNullGraphType<ActionItemInputType>>("item", "The whole item as it should read: what is to be done, by whom (a member of the group), by when.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c => await Group(c).UpdateActionItemAsync(c.Caller(), c.GetArgument<string>("itemId"), c.GetArgument<ActionItemInputModel>("item").ToInput(), c.GetArgument<int>("expectedVersion")));

        mutation.Field<NonNullGraphType<WorkingGroupGraphType>>("setActionItemStatus")
            .Description("Moves an action item: Open → InProgress → Done (owner, chairs, secretariat); Cancelled or reopened (chairs, secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.WorkingGroupId)
            .Argument<NonNullGraphType<IdGraphType>>("itemId", "The action item's id, as WorkingGroup.actionItems gives it.")
            .Argument<NonNullGraphType<ActionItemStatusEnum>>("status", "Where it stands now.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await Group(c).SetActionItemStatusAsync(caller, c.GetArgument<string>("itemId"), c.GetArgument<ActionItemStatus>("status"), c.GetArgument<int>("expectedVersion"));
            });
    }

    private static IWorkingGroupGrain Group(IResolveFieldContext c) => c.DialogueGrain<IWorkingGroupGrain>("working group");
}
