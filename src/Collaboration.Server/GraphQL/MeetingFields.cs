using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Meetings: lists, the meeting page, the scheduling assistant, and every change the secretariat and invitees make.</summary>
public static class MeetingFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeetingPageGraphType>>("meetings")
            .Description("A dialogue's meetings the caller may see, filtered, a page at a time (public meetings need no sign-in).")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<MeetingFilterInputType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await c.Grains().GetGrain<IMeetingCatalogGrain>(DialogueKey(c.GetArgument<string>("key")))
                .QueryAsync(c.OptionalCaller(), Filter(c), c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        query.Field<NonNullGraphType<MeetingPageGraphType>>("myMeetings")
            .Description("The meetings the caller takes part in, across their dialogues.")
            .Argument<MeetingFilterInputType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var grains = c.Grains();
                var filter = Filter(c) with { PersonId = caller.PersonId };
                var first = c.GetArgument<int>("first");
                var after = c.GetArgument<string?>("after");
                var found = new List<MeetingSummary>();
                var more = false;
                var total = 0;
                foreach (var key in await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync())
                {
                    if (await grains.GetGrain<IDialogueGrain>(key).GetMembershipAsync(caller.PersonId) is null)
                        continue;
                    var page = await grains.GetGrain<IMeetingCatalogGrain>(key).QueryAsync(caller, filter, first, after);
                    found.AddRange(page.Meetings);
                    more |= page.HasNextPage;
                    total += page.TotalCount;
                }
                var merged = MeetingCursor.Page(found, filter.Upcoming == false, null, first);
                return merged with { HasNextPage = more || merged.HasNextPage, TotalCount = total };
            });

        query.Field<NonNullGraphType<MeetingGraphType>>("meeting")
            .Description("A meeting page in one call; NOT_FOUND when the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Meeting(c).GetAsync(c.OptionalCaller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlotGraphType>>>>("suggestMeetingSlots")
            .Description("Slots in which everyone named is free and within working hours in their own time zone (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Argument<NonNullGraphType<SlotRequestInputType>>("request")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await c.Grains().GetGrain<IMeetingCatalogGrain>(DialogueKey(c.GetArgument<string>("key")))
                    .SuggestSlotsAsync(caller, c.GetArgument<SlotRequestInput>("request").ToRequest());
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        Change(mutation, "createMeeting", "Creates a draft meeting in a dialogue (secretariat).",
            f => f.Argument<NonNullGraphType<StringGraphType>>("key").Argument<NonNullGraphType<MeetingDetailsInputType>>("details").Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c =>
            {
                var caller = c.Caller();
                var details = c.GetArgument<MeetingDetailsInput>("details").ToDetails();
                var key = IdempotencyKey.Of(c);
                var id = MeetingKey.Of(DialogueKey(c.GetArgument<string>("key")), RequestKeys.NewId(caller, key));
                return await c.Grains().GetGrain<IMeetingGrain>(id).CreateAsync(caller, details, key);
            });

        Change(mutation, "updateMeetingDetails", "Changes details, dates or place; moving it grows the revision (secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<MeetingDetailsInputType>>("details").Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).UpdateDetailsAsync(c.Caller(), c.GetArgument<MeetingDetailsInput>("details").ToDetails(), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "scheduleMeeting", "Draft → Scheduled.", f => f.Argument<NonNullGraphType<IdGraphType>>("id"),
            async c => await Meeting(c).ScheduleAsync(c.Caller()));
        Change(mutation, "openMeeting", "Scheduled → InProgress.", f => f.Argument<NonNullGraphType<IdGraphType>>("id"),
            async c => await Meeting(c).OpenAsync(c.Caller()));
        Change(mutation, "concludeMeeting", "InProgress → Concluded.", f => f.Argument<NonNullGraphType<IdGraphType>>("id"),
            async c => await Meeting(c).ConcludeAsync(c.Caller()));
        Change(mutation, "cancelMeeting", "Cancels a meeting that has not concluded, with a reason.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("reason"),
            async c => await Meeting(c).CancelAsync(c.Caller(), c.GetArgument<string>("reason")));

        Change(mutation, "addWorkingSession", "Adds a working session inside the meeting's dates, overlapping no other.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<WorkingSessionInputType>>("session").Argument<NonNullGraphType<IntGraphType>>("expectedVersion").Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c => await Meeting(c).AddSessionAsync(c.Caller(), c.GetArgument<WorkingSessionInputModel>("session").ToSession(), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c)));
        Change(mutation, "updateWorkingSession", "Changes a working session.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IdGraphType>>("sessionId")
                .Argument<NonNullGraphType<WorkingSessionInputType>>("session").Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).UpdateSessionAsync(c.Caller(), c.GetArgument<string>("sessionId"), c.GetArgument<WorkingSessionInputModel>("session").ToSession(), c.GetArgument<int>("expectedVersion")));
        Change(mutation, "removeWorkingSession", "Removes a working session.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IdGraphType>>("sessionId").Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).RemoveSessionAsync(c.Caller(), c.GetArgument<string>("sessionId"), c.GetArgument<int>("expectedVersion")));
        Change(mutation, "reorderWorkingSessions", "Puts the agenda in this order (every session once).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sessionIds").Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).ReorderSessionsAsync(c.Caller(), c.GetArgument<List<string>>("sessionIds"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "setMeetingChairs", "Names the co-chairs and rapporteurs; co-chairs from one regional group are warned about (refused when the dialogue is strict).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id")
                .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("coChairIds")
                .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("rapporteurIds")
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).SetChairsAsync(c.Caller(), c.GetArgument<List<string>>("coChairIds"), c.GetArgument<List<string>?>("rapporteurIds") ?? [], c.GetArgument<int>("expectedVersion")));

        Change(mutation, "setNotesSettings",
            "Changes how the meeting's notes are kept (secretariat), naming only what changes: the attribution guard (STRICT allows no \"not attribution\") and whether participants follow the notes live.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id")
                .Argument<AttributionGuardEnum>("attributionGuard")
                .Argument<BooleanGraphType>("liveNotesForParticipants")
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion"),
            async c => await Meeting(c).SetNotesSettingsAsync(
                c.Caller(), c.GetArgument<AttributionGuard?>("attributionGuard"), c.GetArgument<bool?>("liveNotesForParticipants"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "inviteToMeeting", "Invites partner states, organisations, cities or people of the dialogue (secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationTargetInputType>>>>("targets"),
            async c => await Meeting(c).InviteAsync(c.Caller(), [.. c.GetArgument<List<InvitationTargetInput>>("targets").Select(t => t.ToTarget())]));
        Change(mutation, "withdrawInvitation", "Withdraws a person's invitation (secretariat); the waitlist moves up.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IdGraphType>>("personId"),
            async c => await Meeting(c).WithdrawInvitationAsync(c.Caller(), c.GetArgument<string>("personId")));
        Change(mutation, "respondToInvitation", "The invitee's own answer; accepting a full meeting joins the waitlist.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<InvitationResponseEnum>>("response"),
            async c => await Meeting(c).RespondAsync(c.Caller(), c.GetArgument<InvitationResponse>("response")));

        Change(mutation, "addDocumentLink", "Adds a linked document (upload files with POST /meetings/{id}/documents).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<DocumentLinkInputType>>("document").Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c => await Meeting(c).AddDocumentAsync(c.Caller(), c.GetArgument<DocumentLinkInput>("document").ToDocument(), IdempotencyKey.Of(c)));
        Change(mutation, "removeDocument", "Removes a document.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IdGraphType>>("documentId"),
            async c => await Meeting(c).RemoveDocumentAsync(c.Caller(), c.GetArgument<string>("documentId")));
    }

    private static void Change(
        ObjectGraphType mutation,
        string name,
        string description,
        Func<FieldBuilder<object?, object>, FieldBuilder<object?, object>> arguments,
        Func<IResolveFieldContext<object?>, Task<MeetingChange>> resolve) =>
        arguments(mutation.Field<NonNullGraphType<MeetingChangeGraphType>>(name).Description(description))
            .ResolveAsync(async c => await resolve(c));

    private static MeetingFilter Filter(IResolveFieldContext c) =>
        c.GetArgument<MeetingFilterInput?>("filter")?.ToFilter() ?? new MeetingFilter();

    private static string DialogueKey(string key) => ResolveContextExtensions.DialogueKeyOf(key);

    private static IMeetingGrain Meeting(IResolveFieldContext c) => c.DialogueGrain<IMeetingGrain>("meeting");
}
