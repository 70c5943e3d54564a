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
        query.Field<NonNullGraphType<MeetingConnectionGraphType>>("meetings")
            .Description("A dialogue's meetings the caller may see, filtered, a page at a time (public meetings need no sign-in).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<MeetingFilterInputType>("filter", "Which meetings: upcoming or past, by status, type, pillar, host country or participant. All when omitted.")
            .Argument<IntGraphType>("first", "How many meetings one page holds.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "The endCursor of the page before; omit it for the first page.")
            .ResolveAsync(async c => await c.Grains().GetGrain<IMeetingCatalogGrain>(DialogueKey(c.GetArgument<string>("key")))
                .QueryAsync(c.OptionalCaller(), Filter(c), c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        query.Field<NonNullGraphType<MeetingConnectionGraphType>>("myMeetings")
            .Description("The meetings the caller takes part in, across their dialogues.")
            .Argument<MeetingFilterInputType>("filter", "Which of your meetings: upcoming or past, by status, type, pillar or host country. All when omitted.")
            .Argument<IntGraphType>("first", "How many meetings one page holds.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "The endCursor of the page before; omit it for the first page.")
            .ResolveAsync(async c => await c.Grains().GetGrain<IAcrossDialoguesGrain>(0).QueryMyMeetingsAsync(
                c.Caller(), Filter(c), c.GetArgument<int>("first"), c.GetArgument<string?>("after")));

        query.Field<NonNullGraphType<MeetingGraphType>>("meeting")
            .Description("A meeting page in one call; NOT_FOUND when the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
            .ResolveAsync(async c => await Meeting(c).GetAsync(c.OptionalCaller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StateParticipationGraphType>>>>("participation")
            .Description("Each partner state's participation in the dialogue's meetings, year by year (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c => await c.Grains().GetGrain<IMeetingCatalogGrain>(DialogueKey(c.GetArgument<string>("key"))).GetParticipationAsync(c.Caller()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlotGraphType>>>>("suggestMeetingSlots")
            .Description("Slots in which everyone named is free and within working hours in their own time zone (secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<SlotRequestInputType>>("request", "Who must attend, between which dates, for how long, in which time zone.")
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
            f => f.Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey).Argument<NonNullGraphType<MeetingDetailsInputType>>("details", "Titles in the working languages, type, host country and city, local times and time zone, visibility and notes settings.").Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c =>
            {
                var caller = c.Caller();
                var details = c.GetArgument<MeetingDetailsInput>("details").ToForm(complete: true);
                var key = IdempotencyKey.Of(c);
                var id = MeetingKey.Of(DialogueKey(c.GetArgument<string>("key")), RequestKeys.NewId(caller, key));
                return await c.Grains().GetGrain<IMeetingGrain>(id).CreateAsync(caller, details, key);
            });

        Change(mutation, "updateMeetingDetails", "Changes the details sent (dates, place, visibility…), keeping every other as it is; moving it grows the revision (secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<MeetingChangesInputType>>("details", "Only the details that change; fields left out keep their values.").Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).UpdateDetailsAsync(c.Caller(), c.GetArgument<MeetingDetailsInput>("details").ToForm(complete: false), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "scheduleMeeting", "Draft → Scheduled.", f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId),
            async c => await Meeting(c).ScheduleAsync(c.Caller()));
        Change(mutation, "openMeeting", "Scheduled → InProgress.", f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId),
            async c => await Meeting(c).OpenAsync(c.Caller()));
        Change(mutation, "concludeMeeting", "InProgress → Concluded.", f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId),
            async c => await Meeting(c).ConcludeAsync(c.Caller()));
        Change(mutation, "cancelMeeting", "Cancels a meeting that has not concluded, with a reason.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the invitees' cancellation notice."),
            async c => await Meeting(c).CancelAsync(c.Caller(), c.GetArgument<string>("reason")));

        Change(mutation, "addWorkingSession", "Adds a working session inside the meeting's dates, overlapping no other.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<WorkingSessionInputType>>("session", "Its title, local start and end within the meeting's dates, moderators and discussion guide.").Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion).Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c => await Meeting(c).AddSessionAsync(c.Caller(), c.GetArgument<WorkingSessionInputModel>("session").ToForm(complete: true), c.GetArgument<int>("expectedVersion"), IdempotencyKey.Of(c)));
        Change(mutation, "updateWorkingSession", "Changes what is sent of a working session, keeping the rest.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<IdGraphType>>("sessionId", "The working session's id, as Meeting.sessions gives it.")
                .Argument<NonNullGraphType<WorkingSessionChangesInputType>>("session", "Only what changes; fields left out keep their values.").Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).UpdateSessionAsync(c.Caller(), c.GetArgument<string>("sessionId"), c.GetArgument<WorkingSessionInputModel>("session").ToForm(complete: false), c.GetArgument<int>("expectedVersion")));
        Change(mutation, "removeWorkingSession", "Removes a working session.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<IdGraphType>>("sessionId", "The working session's id, as Meeting.sessions gives it.").Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).RemoveSessionAsync(c.Caller(), c.GetArgument<string>("sessionId"), c.GetArgument<int>("expectedVersion")));
        Change(mutation, "reorderWorkingSessions", "Puts the agenda in this order (every session once).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sessionIds", "Every working session's id, once each, in the order of the agenda.").Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).ReorderSessionsAsync(c.Caller(), c.GetArgument<List<string>>("sessionIds"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "setMeetingChairs", "Names the co-chairs and rapporteurs; co-chairs from one regional group are warned about (refused when the dialogue is strict). A list left out keeps the people named now.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("coChairIds", "The co-chairs' person ids, as many as the dialogue's coChairsPerMeeting; unchanged when left out.")
                .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("rapporteurIds", "The rapporteurs' person ids: they take the notes with the co-chairs and the secretariat; unchanged when left out, none when empty.")
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).SetChairsAsync(c.Caller(), c.GetArgument<List<string>?>("coChairIds"), c.GetArgument<List<string>?>("rapporteurIds"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "setNotesSettings",
            "Changes how the meeting's notes are kept (secretariat), naming only what changes: the attribution guard (STRICT allows no \"not attribution\") and whether participants follow the notes live.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<AttributionGuardEnum>("attributionGuard", "WARN shows findings and lets writers mark false alarms \"not attribution\"; STRICT refuses any text with a finding. Unchanged when omitted.")
                .Argument<BooleanGraphType>("liveNotesForParticipants", "Whether participants may follow the notes while they are taken. Unchanged when omitted.")
                .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion),
            async c => await Meeting(c).SetNotesSettingsAsync(
                c.Caller(), c.GetArgument<AttributionGuard?>("attributionGuard"), c.GetArgument<bool?>("liveNotesForParticipants"), c.GetArgument<int>("expectedVersion")));

        Change(mutation, "inviteToMeeting", "Invites partner states, organisations, cities or people of the dialogue (secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationTargetInputType>>>>("targets", "Whom to invite: partner states (their focal points nominate the delegation), agencies or observers, cities, or single people."),
            async c => await Meeting(c).InviteAsync(c.Caller(), [.. c.GetArgument<List<InvitationTargetInput>>("targets").Select(t => t.ToTarget())]));
        Change(mutation, "withdrawInvitation", "Withdraws a person's invitation (secretariat); the waitlist moves up.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<IdGraphType>>("personId", "The invitee's person id."),
            async c => await Meeting(c).WithdrawInvitationAsync(c.Caller(), c.GetArgument<string>("personId")));
        Change(mutation, "respondToInvitation", "The invitee's own answer; accepting a full meeting joins the waitlist.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<InvitationResponseEnum>>("response", "Your answer: ACCEPT (a place on the waitlist when the meeting is full), TENTATIVE, DECLINE, or WITHDRAW to take back an acceptance."),
            async c => await Meeting(c).RespondAsync(c.Caller(), c.GetArgument<InvitationResponse>("response")));

        Change(mutation, "nominateDelegates", "Names delegates of an invited partner state within its places: members of the state by id, or new people who become its delegates (its focal points or the secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", "The invited state's ISO 3166-1 alpha-2 code.")
                .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("personIds", "Delegates or focal points already registered for the state, by person id.")
                .Argument<ListGraphType<NonNullGraphType<NewDelegateInputType>>>("newDelegates", "People not yet in the dialogue: they become delegates of the state."),
            async c => await Meeting(c).NominateDelegatesAsync(c.Caller(), c.GetArgument<string>("partnerStateCode"),
                c.GetArgument<List<string>?>("personIds") ?? [], [.. (c.GetArgument<List<NewDelegateInput>?>("newDelegates") ?? []).Select(d => d.ToDelegate())]));
        Change(mutation, "withdrawNomination", "Takes back one nominee's nomination: their invitation is withdrawn and the place is free again (the state's focal points or the secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", "The invited state's ISO 3166-1 alpha-2 code.")
                .Argument<NonNullGraphType<IdGraphType>>("personId", "The nominee's person id."),
            async c => await Meeting(c).WithdrawNominationAsync(c.Caller(), c.GetArgument<string>("partnerStateCode"), c.GetArgument<string>("personId")));
        Change(mutation, "declineDelegation", "The state stays away from the meeting; its nominees' invitations are withdrawn. Nominating again undoes it (the state's focal points or the secretariat).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<NonNullGraphType<StringGraphType>>("partnerStateCode", "The invited state's ISO 3166-1 alpha-2 code.")
                .Argument<StringGraphType>("reason", "Why, for the secretariat (at most 500 characters)."),
            async c => await Meeting(c).DeclineDelegationAsync(c.Caller(), c.GetArgument<string>("partnerStateCode"), c.GetArgument<string?>("reason")));
        Change(mutation, "registerForMeeting", "The invitee's registration (travel, visa-support letter, funding, needs), seen only by them and the secretariat; every bad field is reported at once.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
                .Argument<NonNullGraphType<RegistrationInputType>>("registration", "The whole registration as it should stand.")
                .Argument<IntGraphType>("expectedRevision", "The registration's revision you read (myRegistration.revision); omit it for the first registration. CONFLICT when it changed since."),
            async c => await Meeting(c).RegisterAsync(c.Caller(), c.GetArgument<RegistrationInput>("registration").ToForm(), c.GetArgument<int?>("expectedRevision")));

        Change(mutation, "addDocumentLink", "Adds a linked document (upload files with POST /meetings/{id}/documents).",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<DocumentLinkInputType>>("document", "The document's title, kind, who may see it, and its address.").Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description),
            async c => await Meeting(c).AddDocumentAsync(c.Caller(), c.GetArgument<DocumentLinkInput>("document").ToDocument(), IdempotencyKey.Of(c)));
        Change(mutation, "removeDocument", "Removes a document.",
            f => f.Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId).Argument<NonNullGraphType<IdGraphType>>("documentId", "The document's id, as Meeting.documents gives it."),
            async c => await Meeting(c).RemoveDocumentAsync(c.Caller(), c.GetArgument<string>("documentId")));
    }

    private static void Change(
        ObjectGraphType mutation,
        string name,
        string description,
        Func<FieldBuilder<object?, object>, FieldBuilder<object?, object>> arguments,
        Func<IResolveFieldContext<object?>, Task<MeetingChange>> resolve) =>
        arguments(mutation.Field<NonNullGraphType<MeetingPayloadGraphType>>(name).Description(description))
            .ResolveAsync(async c => await resolve(c));

    private static MeetingFilter Filter(IResolveFieldContext c) =>
        c.GetArgument<MeetingFilterInput?>("filter")?.ToFilter() ?? new MeetingFilter();

    private static string DialogueKey(string key) => ResolveContextExtensions.DialogueKeyOf(key);

    private static IMeetingGrain Meeting(IResolveFieldContext c) => c.DialogueGrain<IMeetingGrain>("meeting");
}
