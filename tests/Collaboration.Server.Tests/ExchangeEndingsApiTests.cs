namespace Collaboration.Server.Tests;

/// <summary>
/// Exchanges that never stick (issue 19): a host that declines, a requester who withdraws, a secretariat that
/// cancels, approval with no suggested host, expiry of a request left waiting, and matching on the request's
/// own needs. Every refusal is read back to show it changed nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExchangeEndingsApiTests(CollaborationFactory factory)
{
    private const string Fields = "id status hostStateCode closingReason expiresAt version declinedHosts { partnerStateCode reason } "
        + "viewerMay { confirmHost declineHost withdraw cancel approve } auditTrail { action }";

    private const string Request = "mutation($k: String!, $r: ExchangeRequestInput!) { requestExpertExchange(key: $k, request: $r) { id } }";

    private static string Step(string name, string arguments = "") => $"mutation($id: ID!) {{ {name}(id: $id{arguments}) {{ {Fields} }} }}";

    private static async Task<JsonNode> ReadAsync(HttpClient client, string id) =>
        (await client.GraphQLAsync($"query($id: ID!) {{ expertExchange(id: $id) {{ {Fields} }} }}", new { id })).EnsureNoErrors().Data("expertExchange");

    private static async Task<JsonNode> TakeAsync(HttpClient client, string id, string step, string arguments = "") =>
        (await client.GraphQLAsync(Step(step, arguments), new { id })).EnsureNoErrors().Data(step);

    /// <summary>Morocco's request, drafted by its delegate (the requesting expert), taken as far as asked.</summary>
    private static async Task<string> RequestAsync(MeetingWorld world, string until, string objectives = "See reintegration counselling at work.")
    {
        var id = (await (await world.AsAsync("ma2")).GraphQLAsync(Request, new
        {
            k = world.Key,
            r = new
            {
                requestingStateCode = "MA", requestingExpertId = world.People["ma2"], kind = "STUDY_VISIT", topic = "Return and reintegration",
                objectives, preferredFrom = "2031-03-01", preferredTo = "2031-04-30", durationDays = 2, language = "fr",
            },
        })).EnsureNoErrors().Data("requestExpertExchange", "id").GetValue<string>();
        foreach (var (step, alias, arguments) in (ValueTuple<string, string, string>[])[
            ("submitExpertExchange", "ma2", ""), ("endorseExpertExchange", "ma1", ""), ("reviewExpertExchange", "staff", "")])
        {
            if (step == until)
                break;
            await TakeAsync(await world.AsAsync(alias), id, step, arguments);
        }
        return id;
    }

    private static async Task<MeetingWorld> WorldAsync(CollaborationFactory factory)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("egfp", "Egyptian Focal Point", "FOCAL_POINT", state: "EG");
        await world.AddAsync("snfp", "Senegalese Focal Point", "FOCAL_POINT", state: "SN");
        return world;
    }

    private static async Task AssertRefusedAsync(HttpClient client, string id, string step, string arguments, string code, HttpClient reader, string? reason = null)
    {
        var before = await ReadAsync(reader, id);
        var refused = await client.GraphQLAsync(Step(step, arguments), new { id });
        Assert.Equal(code, refused.Code);
        if (reason is not null)
            Assert.Equal(reason, refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Equal(before.ToJsonString(), (await ReadAsync(reader, id)).ToJsonString());
    }

    [Fact]
    public async Task With_an_empty_registry_the_secretariat_names_a_host_who_declines_and_a_second_host_takes_it_to_evaluated()
    {
        var world = await WorldAsync(factory);
        var staff = await world.AsAsync("staff");
        var egypt = await world.AsAsync("egfp");
        var senegal = await world.AsAsync("snfp");
        var id = await RequestAsync(world, until: "");

        // No registry lists anything: no suggestion, and the secretariat approves with a host of its choosing.
        Assert.Empty((await staff.GraphQLAsync("query($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode } }", new { id })).EnsureNoErrors().Data("suggestExchangeHosts").AsArray());
        var approved = await TakeAsync(staff, id, "approveExpertExchange", ", hostStateCode: \"EG\"");
        Assert.Equal(("APPROVED", "EG"), (approved["status"]!.GetValue<string>(), approved["hostStateCode"]!.GetValue<string>()));

        // Only the host's focal point answers for it, and a decline needs a reason.
        Assert.Equal("NOT_FOUND", (await senegal.GraphQLAsync("query($id: ID!) { expertExchange(id: $id) { id } }", new { id })).Code);
        await AssertRefusedAsync(await world.AsAsync("ma1"), id, "declineExchangeHost", ", reason: \"Not us.\"", "FORBIDDEN", staff);
        await AssertRefusedAsync(staff, id, "declineExchangeHost", ", reason: \"Not us.\"", "FORBIDDEN", staff);
        await AssertRefusedAsync(egypt, id, "declineExchangeHost", ", reason: \"  \"", "VALIDATION", staff);
        Assert.True((await ReadAsync(egypt, id))["viewerMay"]!["declineHost"]!.GetValue<bool>());
        Assert.False((await ReadAsync(staff, id))["viewerMay"]!["declineHost"]!.GetValue<bool>());

        var declined = await TakeAsync(egypt, id, "declineExchangeHost", ", reason: \"Our experts are on mission that spring.\"");
        Assert.Equal("UNDER_REVIEW", declined["status"]!.GetValue<string>());
        Assert.Null(declined["hostStateCode"]);
        Assert.Equal("EG", declined["declinedHosts"]![0]!["partnerStateCode"]!.GetValue<string>());
        Assert.Equal("Our experts are on mission that spring.", declined["declinedHosts"]![0]!["reason"]!.GetValue<string>());
        // The state that declined is not asked again.
        await AssertRefusedAsync(staff, id, "approveExpertExchange", ", hostStateCode: \"EG\"", "VALIDATION", staff, "HOST_DECLINED");
        // Egypt still reads what it declined, but has no step left on it.
        await AssertRefusedAsync(egypt, id, "declineExchangeHost", ", reason: \"Again.\"", "INVALID_STATE", staff);
        Assert.False((await ReadAsync(egypt, id))["viewerMay"]!["confirmHost"]!.GetValue<bool>());
        // The agenda follows: the secretariat names another host; Egypt has nothing left to do.
        Assert.Equal("APPROVE_OR_REJECT_EXCHANGE", Agenda(await AgendaOfAsync(staff), id)?["action"]!.GetValue<string>());
        Assert.Null(Agenda(await AgendaOfAsync(egypt), id));
        Assert.True((await ReadAsync(staff, id))["viewerMay"]!["approve"]!.GetValue<bool>());

        await TakeAsync(staff, id, "approveExpertExchange", ", hostStateCode: \"SN\"");
        await TakeAsync(senegal, id, "confirmExchangeHost", $", hostExpertIds: [\"{world.People["snfp"]}\"]");
        await TakeAsync(staff, id, "scheduleExpertExchange", ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Dakar\", city: \"Dakar\"");
        await TakeAsync(staff, id, "completeExpertExchange");
        await TakeAsync(await world.AsAsync("ma2"), id, "evaluateExpertExchange", ", rating: 4, text: \"Useful.\"");
        var evaluated = await TakeAsync(senegal, id, "evaluateExpertExchange", ", rating: 5, text: \"Good exchange.\"");
        Assert.Equal(("EVALUATED", "SN"), (evaluated["status"]!.GetValue<string>(), evaluated["hostStateCode"]!.GetValue<string>()));
        Assert.Equal(
            ["created", "submitted", "endorsed", "review-started", "approved", "host-declined", "approved", "host-confirmed", "scheduled", "completed", "evaluated", "evaluated"],
            evaluated["auditTrail"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
        Assert.Equal(("EVALUATED", "EG"), ((await ReadAsync(egypt, id))["status"]!.GetValue<string>(), (await ReadAsync(egypt, id))["declinedHosts"]![0]!["partnerStateCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_requester_withdraws_and_the_secretariat_cancels_with_a_reason_until_the_exchange_is_completed()
    {
        var world = await WorldAsync(factory);
        var staff = await world.AsAsync("staff");
        var expert = await world.AsAsync("ma2");

        var first = await RequestAsync(world, until: "reviewExpertExchange");
        await AssertRefusedAsync(staff, first, "withdrawExpertExchange", "", "FORBIDDEN", staff);
        await AssertRefusedAsync(await world.AsAsync("egfp"), first, "withdrawExpertExchange", "", "NOT_FOUND", staff);
        Assert.True((await ReadAsync(expert, first))["viewerMay"]!["withdraw"]!.GetValue<bool>());
        Assert.False((await ReadAsync(expert, first))["viewerMay"]!["cancel"]!.GetValue<bool>());
        var withdrawn = await TakeAsync(expert, first, "withdrawExpertExchange", ", reason: \"Our ministry found the expertise at home.\"");
        Assert.Equal(("WITHDRAWN", "Our ministry found the expertise at home."), (withdrawn["status"]!.GetValue<string>(), withdrawn["closingReason"]!.GetValue<string>()));
        Assert.Equal("withdrawn", withdrawn["auditTrail"]!.AsArray()[^1]!["action"]!.GetValue<string>());
        await AssertRefusedAsync(staff, first, "cancelExpertExchange", ", reason: \"Too late.\"", "INVALID_STATE", staff);
        await AssertRefusedAsync(expert, first, "withdrawExpertExchange", "", "INVALID_STATE", staff);
        await AssertRefusedAsync(staff, first, "reviewExpertExchange", "", "INVALID_STATE", staff);
        Assert.Null(Agenda(await AgendaOfAsync(staff), first));

        // A scheduled exchange is cancelled with its meeting, whose invitees read why.
        var second = await RequestAsync(world, until: "");
        await TakeAsync(staff, second, "approveExpertExchange", ", hostStateCode: \"SN\"");
        await TakeAsync(await world.AsAsync("snfp"), second, "confirmExchangeHost", $", hostExpertIds: [\"{world.People["snfp"]}\"]");
        var scheduled = (await staff.GraphQLAsync(Step("scheduleExpertExchange", ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Dakar\", city: \"Dakar\"").Replace("version", "version meetingId"), new { id = second }))
            .EnsureNoErrors().Data("scheduleExpertExchange");
        var meetingId = scheduled["meetingId"]!.GetValue<string>();
        await AssertRefusedAsync(expert, second, "cancelExpertExchange", ", reason: \"Probe.\"", "FORBIDDEN", staff);
        await AssertRefusedAsync(staff, second, "cancelExpertExchange", ", reason: \"\"", "VALIDATION", staff);
        var cancelled = await TakeAsync(staff, second, "cancelExpertExchange", ", reason: \"The host city cannot receive the visit.\"");
        Assert.Equal(("CANCELLED", "The host city cannot receive the visit."), (cancelled["status"]!.GetValue<string>(), cancelled["closingReason"]!.GetValue<string>()));
        var meeting = (await staff.GraphQLAsync("query($id: ID!) { meeting(id: $id) { status cancellationReason } }", new { id = meetingId })).EnsureNoErrors().Data("meeting");
        Assert.Equal("CANCELLED", meeting["status"]!.GetValue<string>());
        Assert.Contains("The host city cannot receive the visit.", meeting["cancellationReason"]!.GetValue<string>());

        // The requester may withdraw a scheduled exchange too: its meeting is cancelled (in the name of whoever scheduled it).
        var fourth = await RequestAsync(world, until: "");
        await TakeAsync(staff, fourth, "approveExpertExchange", ", hostStateCode: \"SN\"");
        await TakeAsync(await world.AsAsync("snfp"), fourth, "confirmExchangeHost", $", hostExpertIds: [\"{world.People["snfp"]}\"]");
        var itsMeeting = (await staff.GraphQLAsync(Step("scheduleExpertExchange", ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Dakar\", city: \"Dakar\"").Replace("version", "version meetingId"), new { id = fourth }))
            .EnsureNoErrors().Data("scheduleExpertExchange")["meetingId"]!.GetValue<string>();
        Assert.Equal("WITHDRAWN", (await TakeAsync(expert, fourth, "withdrawExpertExchange"))["status"]!.GetValue<string>());
        var withdrawnMeeting = (await staff.GraphQLAsync("query($id: ID!) { meeting(id: $id) { status cancellationReason } }", new { id = itsMeeting })).EnsureNoErrors().Data("meeting");
        Assert.Equal(("CANCELLED", "The requesting state withdrew the exchange."), (withdrawnMeeting["status"]!.GetValue<string>(), withdrawnMeeting["cancellationReason"]!.GetValue<string>()));

        // A completed exchange has happened: it is neither withdrawn nor cancelled.
        var third = await RequestAsync(world, until: "");
        await TakeAsync(staff, third, "approveExpertExchange", ", hostStateCode: \"SN\"");
        await TakeAsync(await world.AsAsync("snfp"), third, "confirmExchangeHost", $", hostExpertIds: [\"{world.People["snfp"]}\"]");
        await TakeAsync(staff, third, "scheduleExpertExchange", ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Dakar\", city: \"Dakar\"");
        await TakeAsync(staff, third, "completeExpertExchange");
        await AssertRefusedAsync(staff, third, "cancelExpertExchange", ", reason: \"Probe.\"", "INVALID_STATE", staff);
        await AssertRefusedAsync(expert, third, "withdrawExpertExchange", "", "INVALID_STATE", staff);
    }

    [Fact]
    public async Task A_request_left_without_a_move_for_sixty_days_expires_and_leaves_the_agenda()
    {
        var world = await WorldAsync(factory);
        var waiting = await RequestAsync(world, until: "endorseExpertExchange");
        var moved = await RequestAsync(world, until: "endorseExpertExchange");
        var submittedAt = factory.Clock.GetUtcNow();
        var expiresAt = DateTimeOffset.Parse((await ReadAsync(await world.AsAsync("ma1"), waiting))["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - submittedAt, TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(60));
        Assert.Equal("ENDORSE_EXCHANGE", Agenda(await AgendaOfAsync(await world.AsAsync("ma1")), waiting)?["action"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromDays(59));
        // Sessions last a fortnight: everyone signs in again after the wait.
        var focalPoint = await factory.SignInAsync(world.Emails["ma1"]);
        await TakeAsync(focalPoint, moved, "endorseExpertExchange");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        focalPoint = await factory.SignInAsync(world.Emails["ma1"]);
        var staff = await factory.SignInAsync(world.Emails["staff"]);

        var expired = await ReadAsync(focalPoint, waiting);
        Assert.Equal("EXPIRED", expired["status"]!.GetValue<string>());
        Assert.False(expired["viewerMay"]!["withdraw"]!.GetValue<bool>());
        await AssertRefusedAsync(focalPoint, waiting, "endorseExpertExchange", "", "INVALID_STATE", staff);
        await AssertRefusedAsync(staff, waiting, "cancelExpertExchange", ", reason: \"Stale.\"", "INVALID_STATE", staff);
        Assert.Null(Agenda(await AgendaOfAsync(focalPoint), waiting));
        var list = (await staff.GraphQLAsync("query($k: String!) { expertExchanges(key: $k) { id status } }", new { k = world.Key })).EnsureNoErrors().Data("expertExchanges").AsArray();
        Assert.Equal("EXPIRED", list.Single(e => e!["id"]!.GetValue<string>() == waiting)!["status"]!.GetValue<string>());

        // The one endorsed on day 59 moved: it waits for review until 60 days after that move.
        Assert.Equal("ENDORSED", (await ReadAsync(staff, moved))["status"]!.GetValue<string>());
        Assert.Equal("REVIEW_EXCHANGE", Agenda(await AgendaOfAsync(staff), moved)?["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_requests_on_one_topic_with_different_needs_get_different_suggestions()
    {
        var world = await WorldAsync(factory);
        var admin = world.Administrator;
        var version = new Dictionary<string, int>();
        async Task OfferAsync(string state, string description)
        {
            version[state] = version.GetValueOrDefault(state);
            (await admin.GraphQLAsync(
                "mutation($k: String!, $s: String!, $v: Int!, $p: PriorityInput!) { addPriority(key: $k, partnerStateCode: $s, priority: $p, expectedVersion: $v) { version } }",
                new { k = world.Key, s = state, v = version[state], p = new { kind = "OFFER", topic = "Return and reintegration", description, languages = new[] { "fr" } } })).EnsureNoErrors();
            version[state]++;
        }
        await OfferAsync("EG", "Psychosocial counselling of returnees and their families.");
        await OfferAsync("SN", "Vocational training and microcredit for returning migrants.");

        var counselling = await RequestAsync(world, until: "", objectives: "Learn how counselling supports returnees and their families.");
        var training = await RequestAsync(world, until: "", objectives: "Set up vocational training and microcredit schemes for returning migrants.");
        var staff = await world.AsAsync("staff");
        async Task<List<(string Code, List<string> Reasons)>> SuggestionsAsync(string id) =>
            [.. (await staff.GraphQLAsync("query($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode reasons } }", new { id })).EnsureNoErrors()
                .Data("suggestExchangeHosts").AsArray().Select(s => (s!["partnerStateCode"]!.GetValue<string>(), s["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList()))];

        var forCounselling = await SuggestionsAsync(counselling);
        var forTraining = await SuggestionsAsync(training);
        Assert.Equal(["EG", "SN"], forCounselling.Select(s => s.Code));
        Assert.Equal(["SN", "EG"], forTraining.Select(s => s.Code));
        Assert.Contains("its offer meets 3 of the request's needs", forCounselling[0].Reasons);
        Assert.Contains("its offer meets 5 of the request's needs", forTraining[0].Reasons);

        // A state that declined is no longer suggested for that request.
        await TakeAsync(staff, counselling, "approveExpertExchange", ", hostStateCode: \"EG\"");
        await TakeAsync(await world.AsAsync("egfp"), counselling, "declineExchangeHost", ", reason: \"No counsellors free.\"");
        Assert.Equal(["SN"], (await SuggestionsAsync(counselling)).Select(s => s.Code));
    }

    private const string AgendaQuery = "query { viewer { agenda { kind action objectId } } }";

    private static async Task<List<JsonNode>> AgendaOfAsync(HttpClient client) =>
        [.. (await client.GraphQLAsync(AgendaQuery)).EnsureNoErrors().Data("viewer", "agenda").AsArray().Select(i => i!)];

    private static JsonNode? Agenda(IEnumerable<JsonNode> agenda, string id) =>
        agenda.SingleOrDefault(i => i["kind"]!.GetValue<string>() == "EXPERT_EXCHANGE" && i["objectId"]!.GetValue<string>() == id);
}
