namespace Collaboration.Server.Tests;

/// <summary>
/// Everyone's home page: viewer.agenda lists what waits for the caller, one kind at a time, with the object's
/// id, its title, its due date and the action expected, and never anything of anyone else's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AgendaTests(CollaborationFactory factory)
{
    private const string Agenda = "query($l: String) { viewer { agenda(language: $l) { kind action objectId parentId dialogueKey title dueAt dueDate overdue } } }";

    private static async Task<List<JsonNode>> AgendaOfAsync(HttpClient client, string? language = null) =>
        [.. (await client.GraphQLAsync(Agenda, new { l = language })).EnsureNoErrors().Data("viewer", "agenda").AsArray().Select(i => i!)];

    private static JsonNode? Item(IEnumerable<JsonNode> agenda, string kind, string objectId) =>
        agenda.SingleOrDefault(i => i["kind"]!.GetValue<string>() == kind && i["objectId"]!.GetValue<string>() == objectId);

    private static IEnumerable<string> ObjectIds(IEnumerable<JsonNode> agenda) => agenda.Select(i => i["objectId"]!.GetValue<string>());

    private static object Future(string starts = "2031-05-22T09:00", string ends = "2031-05-22T18:00") => MeetingWorld.Details(starts, ends, capacity: 20);

    [Fact]
    public async Task Invitations_to_answer_then_meetings_ahead_and_no_one_else_s()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (id, _) = await world.ChairedMeetingAsync([("Opening", "2031-05-22T09:30", "2031-05-22T11:00")], ["it1", "ma1"], ["staff"], ["EG"], ["eg1"], details: Future());

        var pending = Item(await AgendaOfAsync(await world.AsAsync("eg2"), "fr"), "PENDING_INVITATION", id)!;
        Assert.Equal("RESPOND_TO_INVITATION", pending["action"]!.GetValue<string>());
        Assert.Equal("Événement du 10e anniversaire du MTM", pending["title"]!.GetValue<string>());
        Assert.Equal(world.Key, pending["dialogueKey"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2031-05-22T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), pending["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("eg2")), "UPCOMING_MEETING", id));

        var accepted = Item(await AgendaOfAsync(await world.AsAsync("eg1")), "UPCOMING_MEETING", id)!;
        Assert.Equal("ATTEND", accepted["action"]!.GetValue<string>());
        Assert.Equal("MTM 10-Year Anniversary Event", accepted["title"]!.GetValue<string>());
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("eg1")), "PENDING_INVITATION", id));
        Assert.NotNull(Item(await AgendaOfAsync(await world.AsAsync("it1")), "UPCOMING_MEETING", id));

        // Answering moves the meeting from the invitations to the meetings ahead.
        (await MeetingWorld.ChangeAsync(await world.AsAsync("eg2"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        var answered = await AgendaOfAsync(await world.AsAsync("eg2"));
        Assert.Null(Item(answered, "PENDING_INVITATION", id));
        Assert.NotNull(Item(answered, "UPCOMING_MEETING", id));

        // Nobody else's: not an uninvited delegate's, not the outsider's; and no secretariat work for delegates.
        Assert.DoesNotContain(id, ObjectIds(await AgendaOfAsync(await world.AsAsync("it2"))));
        Assert.DoesNotContain(id, ObjectIds(await AgendaOfAsync(await world.AsAsync("outsider"))));
        Assert.DoesNotContain(await AgendaOfAsync(await world.AsAsync("eg1")), i => i["kind"]!.GetValue<string>() is "DRAFT_MEETING" or "MEETING_WITHOUT_CO_CHAIRS");
        Assert.Null((await factory.Anonymous().GraphQLAsync("{ viewer { agenda { kind } } }")).EnsureNoErrors().Body["data"]!["viewer"]);
    }

    [Fact]
    public async Task The_secretariat_sees_drafts_to_schedule_and_meetings_without_co_chairs()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var draft = (await world.CreateMeetingAsync(Future()))["id"]!.GetValue<string>();
        var past = (await world.CreateMeetingAsync(MeetingWorld.Details()))["id"]!.GetValue<string>();
        var (chaired, _) = await world.ChairedMeetingAsync([("Opening", "2031-05-22T09:30", "2031-05-22T11:00")], ["it1", "ma1"], ["staff"], details: Future());

        var staff = await AgendaOfAsync(await world.AsAsync("staff"));
        var toSchedule = Item(staff, "DRAFT_MEETING", draft)!;
        Assert.Equal("SCHEDULE_MEETING", toSchedule["action"]!.GetValue<string>());
        Assert.False(toSchedule["overdue"]!.GetValue<bool>());
        Assert.Equal("SET_CO_CHAIRS", Item(staff, "MEETING_WITHOUT_CO_CHAIRS", draft)!["action"]!.GetValue<string>());
        // A draft whose dates have passed is overdue; a past meeting needs no co-chairs any more.
        Assert.True(Item(staff, "DRAFT_MEETING", past)!["overdue"]!.GetValue<bool>());
        Assert.Null(Item(staff, "MEETING_WITHOUT_CO_CHAIRS", past));
        Assert.NotNull(Item(staff, "DRAFT_MEETING", chaired));
        Assert.Null(Item(staff, "MEETING_WITHOUT_CO_CHAIRS", chaired));
        // The co-chairs named on the draft see it (it is theirs), but not as work of the secretariat.
        var coChair = await AgendaOfAsync(await world.AsAsync("it1"));
        Assert.DoesNotContain(coChair, i => i["kind"]!.GetValue<string>() is "DRAFT_MEETING" or "MEETING_WITHOUT_CO_CHAIRS");
        Assert.DoesNotContain(draft, ObjectIds(await AgendaOfAsync(await world.AsAsync("eg1"))));

        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id = chaired })).EnsureNoErrors();
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("staff")), "DRAFT_MEETING", chaired));
    }

    [Fact]
    public async Task Co_chairs_are_asked_to_approve_notes_once_every_session_is_closed_until_they_have()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (id, sessions) = await world.ChairedMeetingAsync(
            [("Opening", "2031-05-22T09:30", "2031-05-22T11:00"), ("Closing", "2031-05-22T11:30", "2031-05-22T13:00")], ["it1", "ma1"], ["staff"], ["EG"], ["eg1"], open: true, details: Future());
        await using var italy = await HubClient.ConnectAsync(factory, await TokenAsync(world, "it1"));
        await using var morocco = await HubClient.ConnectAsync(factory, await TokenAsync(world, "ma1"));
        await italy.JoinAsync(id);
        await morocco.JoinAsync(id);
        await italy.AppendAsync(id, sessions[0], "The session reviewed reception capacities.");
        await italy.CloseSessionAsync(id, sessions[0]);
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("it1")), "NOTES_TO_APPROVE", id));

        await italy.CloseSessionAsync(id, sessions[1]);
        var ask = Item(await AgendaOfAsync(await world.AsAsync("it1")), "NOTES_TO_APPROVE", id)!;
        Assert.Equal("APPROVE_NOTES", ask["action"]!.GetValue<string>());
        Assert.NotNull(Item(await AgendaOfAsync(await world.AsAsync("ma1")), "NOTES_TO_APPROVE", id));
        // Only co-chairs approve: not the rapporteur, not the secretariat, not a participant.
        foreach (var alias in (string[])["staff", "eg1"])
            Assert.Null(Item(await AgendaOfAsync(await world.AsAsync(alias)), "NOTES_TO_APPROVE", id));

        await italy.ApproveAsync(id);
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("it1")), "NOTES_TO_APPROVE", id));
        Assert.NotNull(Item(await AgendaOfAsync(await world.AsAsync("ma1")), "NOTES_TO_APPROVE", id));

        // A reopened session makes the notes changeable again: nobody is asked until it is closed.
        await morocco.ReopenSessionAsync(id, sessions[1]);
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("ma1")), "NOTES_TO_APPROVE", id));
        await morocco.CloseSessionAsync(id, sessions[1]);
        Assert.NotNull(Item(await AgendaOfAsync(await world.AsAsync("it1")), "NOTES_TO_APPROVE", id));
        await italy.ApproveAsync(id);
        await morocco.ApproveAsync(id);
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("ma1")), "NOTES_TO_APPROVE", id));
    }

    [Fact]
    public async Task An_expert_exchange_waits_for_whoever_takes_its_next_step()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("egfp", "Egyptian Focal Point", "FOCAL_POINT", state: "EG");
        var id = (await (await world.AsAsync("eg1")).GraphQLAsync(
            "mutation($k: String!, $e: ID!) { requestExpertExchange(key: $k, request: { requestingStateCode: \"EG\", requestingExpertId: $e, kind: STUDY_VISIT, topic: \"Labour migration\", objectives: \"See orientation at work.\", preferredFrom: \"2031-03-01\", preferredTo: \"2031-04-30\", durationDays: 3, language: \"ar\" }) { id } }",
            new { k = world.Key, e = world.People["eg1"] })).EnsureNoErrors().Data("requestExpertExchange", "id").GetValue<string>();

        async Task<string?> ActionOf(string alias) => Item(await AgendaOfAsync(await world.AsAsync(alias)), "EXPERT_EXCHANGE", id)?["action"]!.GetValue<string>();
        async Task Step(string alias, string step, string arguments = "") =>
            (await (await world.AsAsync(alias)).GraphQLAsync($"mutation($id: ID!) {{ {step}(id: $id{arguments}) {{ id }} }}", new { id })).EnsureNoErrors();

        Assert.Equal("SUBMIT_EXCHANGE", await ActionOf("eg1"));
        Assert.Equal("Labour migration (EG)", Item(await AgendaOfAsync(await world.AsAsync("eg1")), "EXPERT_EXCHANGE", id)!["title"]!.GetValue<string>());
        Assert.Null(await ActionOf("staff"));
        await Step("eg1", "submitExpertExchange");
        Assert.Null(await ActionOf("eg1"));
        Assert.Equal("ENDORSE_EXCHANGE", await ActionOf("egfp"));
        await Step("egfp", "endorseExpertExchange");
        Assert.Equal("REVIEW_EXCHANGE", await ActionOf("staff"));
        Assert.Null(await ActionOf("egfp"));
        Assert.Null(await ActionOf("unhcr1"));
        await Step("staff", "reviewExpertExchange", ", consultedOrganisations: [\"unhcr\"], deadline: \"2031-01-31T00:00:00Z\"");
        Assert.Equal("APPROVE_OR_REJECT_EXCHANGE", await ActionOf("staff"));
        var opinion = Item(await AgendaOfAsync(await world.AsAsync("unhcr1")), "EXPERT_EXCHANGE", id)!;
        Assert.Equal("GIVE_OPINION", opinion["action"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2031-01-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), opinion["dueAt"]!.GetValue<DateTimeOffset>());
        await Step("unhcr1", "giveExchangeOpinion", ", text: \"Useful.\"");
        Assert.Null(await ActionOf("unhcr1"));
        await Step("staff", "approveExpertExchange", ", hostStateCode: \"MA\"");
        Assert.Equal("CONFIRM_HOST", await ActionOf("ma1"));
        // Not a party: another state's delegate never sees it.
        Assert.DoesNotContain(id, ObjectIds(await AgendaOfAsync(await world.AsAsync("it1"))));
    }

    [Fact]
    public async Task Owners_see_their_open_action_items_and_no_one_else_does()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var group = (await world.Administrator.GraphQLAsync("mutation($k: String!, $g: WorkingGroupInput!) { createWorkingGroup(key: $k, groupKey: \"labour\", group: $g) { id } }",
            new { k = world.Key, g = new { name = "Labour mobility", mandate = "Exchange on labour mobility.", partnerStateCodes = new[] { "EG" } } })).EnsureNoErrors().Data("createWorkingGroup", "id").GetValue<string>();
        var items = (await world.Administrator.GraphQLAsync("mutation($id: ID!, $o: ID!) { addActionItem(id: $id, item: { title: \"Circulate the draft\", ownerId: $o, dueDate: \"2031-02-01\" }) { actionItems { id } version } }",
            new { id = group, o = world.People["eg1"] })).EnsureNoErrors().Data("addActionItem");
        var item = items["actionItems"]![0]!["id"]!.GetValue<string>();

        var mine = Item(await AgendaOfAsync(await world.AsAsync("eg1")), "ACTION_ITEM", item)!;
        Assert.Equal("COMPLETE_ACTION_ITEM", mine["action"]!.GetValue<string>());
        Assert.Equal(group, mine["parentId"]!.GetValue<string>());
        Assert.Equal("Circulate the draft", mine["title"]!.GetValue<string>());
        Assert.Equal("2031-02-01", mine["dueDate"]!.GetValue<string>());
        Assert.Null(mine["dueAt"]);
        Assert.False(mine["overdue"]!.GetValue<bool>());
        Assert.DoesNotContain(item, ObjectIds(await AgendaOfAsync(await world.AsAsync("eg2"))));
        Assert.DoesNotContain(item, ObjectIds(await AgendaOfAsync(await world.AsAsync("staff"))));

        (await (await world.AsAsync("eg1")).GraphQLAsync("mutation($id: ID!, $i: ID!, $v: Int!) { setActionItemStatus(id: $id, itemId: $i, status: DONE, expectedVersion: $v) { version } }",
            new { id = group, i = item, v = items["version"]!.GetValue<int>() })).EnsureNoErrors();
        Assert.DoesNotContain(item, ObjectIds(await AgendaOfAsync(await world.AsAsync("eg1"))));
    }

    [Fact]
    public async Task City_officials_see_their_partnerships_milestones_due_soon()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        const string CreateCity = "mutation($k: String!, $c: String!, $n: String!, $cc: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: $cc) { id } }";
        var tangier = (await world.Administrator.GraphQLAsync(CreateCity, new { k = world.Key, c = "tangier", n = "Tangier", cc = "MA" })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        var turin = (await world.Administrator.GraphQLAsync(CreateCity, new { k = world.Key, c = "turin", n = "Turin", cc = "IT" })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        var valletta = (await world.Administrator.GraphQLAsync(CreateCity, new { k = world.Key, c = "valletta", n = "Valletta", cc = "MT" })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        await world.AddAsync("tangier", "Tangier Official", "CITY_OFFICIAL", cityId: tangier);
        await world.AddAsync("valletta", "Valletta Official", "CITY_OFFICIAL", cityId: valletta);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var partnership = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $c: [ID!]!, $s: String!, $e: String!) { createCityPartnership(key: $k, cityIds: $c, theme: \"Reception of newcomers\", roadmapStart: $s, roadmapEnd: $e) { id version } }",
            new { k = world.Key, c = new[] { tangier, turin }, s = Day(-30), e = Day(365) })).EnsureNoErrors().Data("createCityPartnership");
        var id = partnership["id"]!.GetValue<string>();
        var version = partnership["version"]!.GetValue<int>();
        string AddMilestone(string title, string due)
        {
            var added = world.Administrator.GraphQLAsync("mutation($id: ID!, $t: String!, $d: String!, $v: Int!) { addMilestone(id: $id, title: $t, dueDate: $d, expectedVersion: $v) { version milestones { id title } } }",
                new { id, t = title, d = due, v = version }).GetAwaiter().GetResult().EnsureNoErrors().Data("addMilestone");
            version = added["version"]!.GetValue<int>();
            return added["milestones"]!.AsArray().Single(m => m!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
        }
        var soon = AddMilestone("Peer visit", Day(10));
        var late = AddMilestone("Joint assessment", Day(-5));
        var later = AddMilestone("Final conference", Day(200));

        var official = await AgendaOfAsync(await world.AsAsync("tangier"));
        var due = Item(official, "MILESTONE", soon)!;
        Assert.Equal("UPDATE_MILESTONE", due["action"]!.GetValue<string>());
        Assert.Equal(id, due["parentId"]!.GetValue<string>());
        Assert.Equal(Day(10), due["dueDate"]!.GetValue<string>());
        Assert.False(due["overdue"]!.GetValue<bool>());
        Assert.True(Item(official, "MILESTONE", late)!["overdue"]!.GetValue<bool>());
        Assert.Null(Item(official, "MILESTONE", later));
        // Another city's official, a delegate and the secretariat are not asked.
        foreach (var alias in (string[])["valletta", "eg1", "staff"])
            Assert.DoesNotContain(soon, ObjectIds(await AgendaOfAsync(await world.AsAsync(alias))));

        (await world.Administrator.GraphQLAsync("mutation($id: ID!, $m: ID!, $v: Int!) { setMilestoneStatus(id: $id, milestoneId: $m, status: DONE, expectedVersion: $v) { version } }",
            new { id, m = soon, v = version })).EnsureNoErrors();
        Assert.Null(Item(await AgendaOfAsync(await world.AsAsync("tangier")), "MILESTONE", soon));
    }

    private static async Task<string> TokenAsync(MeetingWorld world, string alias) =>
        (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"agenda\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
}
