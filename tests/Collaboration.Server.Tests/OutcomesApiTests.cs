namespace Collaboration.Server.Tests;

/// <summary>
/// A meeting's conclusions and recommendations through GraphQL (issue 18): drafted by the note-takers, adopted by
/// a co-chair, published by the secretariat, translated, followed up by the parties they address and turned into
/// action items and exchange requests; and, under the Chatham House Rule, never tied to the people who did it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OutcomesApiTests(CollaborationFactory factory)
{
    private const string OutcomeFields = """
        id kind number sessionId language text version status followUp
        addressees { kind key name }
        translations { language text sourceVersion stale }
        progress { id reportedAt reportedFor { kind key name } status text }
        links { kind id }
        viewerMayReportFor { kind key name }
        """;

    private const string Fields = $"meetingId published version viewerMay {{ draft adopt publish translate reportProgress }} outcomes {{ {OutcomeFields} }}";

    private sealed record World(MeetingWorld People, string MeetingId, string SessionId, string GroupId);

    /// <summary>
    /// The MTM world with Egypt's focal point, a translator and a second rapporteur of the secretariat; a meeting
    /// open to the dialogue's members, in progress, co-chaired by Italy and Morocco; a working group of Egypt's.
    /// </summary>
    private async Task<World> WorldAsync(string visibility = "DIALOGUE_MEMBERS")
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("egfp", "Egyptian Focal Point", "FOCAL_POINT", state: "EG");
        await world.AddAsync("tr1", "Tarek Translator", "TRANSLATOR");
        await world.AddAsync("rap", "Rapporteur of the Secretariat", "SECRETARIAT");
        var (meetingId, sessions) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["rap"], ["EG"], ["eg1"], open: true,
            details: MeetingWorld.Details(capacity: 10, visibility: visibility));
        var groupId = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $g: WorkingGroupInput!) { createWorkingGroup(key: $k, groupKey: \"labour\", group: $g) { id } }",
            new { k = world.Key, g = new { name = "Labour mobility working group", mandate = "Exchange on labour mobility.", partnerStateCodes = new[] { "EG" }, chairIds = new[] { world.People["eg2"] } } }))
            .EnsureNoErrors().Data("createWorkingGroup", "id").GetValue<string>();
        return new World(world, meetingId, sessions[0], groupId);
    }

    private static async Task<GraphQLResponse> CallAsync(HttpClient client, string mutation, string signature, object variables) =>
        await client.GraphQLAsync($"mutation($m: ID!{signature}) {{ result: {mutation} {{ {Fields} }} }}", variables);

    private static async Task<JsonNode> DoAsync(HttpClient client, string mutation, string signature, object variables) =>
        (await CallAsync(client, mutation, signature, variables)).EnsureNoErrors().Data("result");

    private static async Task<JsonNode> ReadAsync(HttpClient client, string meetingId) =>
        (await client.GraphQLAsync($"query($id: ID!) {{ meeting(id: $id) {{ outcomes {{ {Fields} }} }} }}", new { id = meetingId })).EnsureNoErrors().Data("meeting", "outcomes");

    private static Task<JsonNode> ProposeAsync(HttpClient client, string meetingId, object outcome, string? key = null) =>
        DoAsync(client, "proposeOutcome(meetingId: $m, outcome: $o, idempotencyKey: $k)", ", $o: OutcomeInput!, $k: String", new { m = meetingId, o = outcome, k = key });

    private static object Recommendation(World w, string text = "Partner states should widen pre-departure orientation for labour migrants.") => new
    {
        kind = "RECOMMENDATION",
        language = "en",
        text,
        addressees = new object[] { new { kind = "PARTNER_STATE", key = "EG" }, new { kind = "WORKING_GROUP", key = w.GroupId } },
    };

    private static JsonNode Single(JsonNode outcomes, string kind) => outcomes["outcomes"]!.AsArray().Single(o => o!["kind"]!.GetValue<string>() == kind)!;

    [Fact]
    public async Task The_follow_up_lists_a_meetings_recommendations_only_to_those_who_may_see_the_meeting()
    {
        var w = await WorldAsync(visibility: "PARTICIPANTS");
        await PublishAsync(w);
        const string FollowUp = "query($k: String!) { recommendationFollowUp(dialogueKey: $k) { meetingId } }";
        async Task<int> Listed(string alias) =>
            (await (await w.People.AsAsync(alias)).GraphQLAsync(FollowUp, new { k = w.People.Key })).EnsureNoErrors().Data("recommendationFollowUp").AsArray().Count;

        // Egypt's delegate was invited (Egypt was); the translator sees every scheduled meeting; the secretariat sees all.
        Assert.Equal((1, 1, 1), (await Listed("eg1"), await Listed("tr1"), await Listed("staff")));
        // A second Italian delegate is a member of the dialogue but not of this meeting: neither the meeting nor its recommendations.
        Assert.Equal(0, await Listed("it2"));
        Assert.Equal("NOT_FOUND", (await (await w.People.AsAsync("it2")).GraphQLAsync("query($id: ID!) { meeting(id: $id) { id } }", new { id = w.MeetingId })).Code);
    }

    /// <summary>Proposes a conclusion and a recommendation, adopts and publishes them; answers the recommendation's id.</summary>
    private static async Task<string> PublishAsync(World w, string text = "Partner states should widen pre-departure orientation for labour migrants.")
    {
        var rapporteur = await w.People.AsAsync("rap");
        await ProposeAsync(rapporteur, w.MeetingId, new { kind = "CONCLUSION", sessionId = w.SessionId, language = "en", text = "Labour mobility data remains scattered across the region." });
        var proposed = await ProposeAsync(rapporteur, w.MeetingId, Recommendation(w, text));
        var coChair = await w.People.AsAsync("it1");
        foreach (var outcome in proposed["outcomes"]!.AsArray())
        {
            await DoAsync(coChair, "adoptOutcome(meetingId: $m, outcomeId: $o, expectedVersion: $v)", ", $o: ID!, $v: Int!",
                new { m = w.MeetingId, o = outcome!["id"]!.GetValue<string>(), v = outcome["version"]!.GetValue<int>() });
        }
        var published = await DoAsync(await w.People.AsAsync("staff"), "publishOutcomes(meetingId: $m)", "", new { m = w.MeetingId });
        return Single(published, "RECOMMENDATION")["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Outcomes_go_from_draft_to_published_and_the_follow_up_lists_them_by_pillar_and_year()
    {
        var w = await WorldAsync();
        var delegate_ = await w.People.AsAsync("eg1");
        var rapporteur = await w.People.AsAsync("rap");
        var drafted = await ProposeAsync(rapporteur, w.MeetingId, Recommendation(w));
        Assert.True(drafted["viewerMay"]!["draft"]!.GetValue<bool>());
        var before = await ReadAsync(delegate_, w.MeetingId);
        Assert.Empty(before["outcomes"]!.AsArray());
        Assert.False(before["viewerMay"]!["draft"]!.GetValue<bool>());
        Assert.Single((await ReadAsync(await w.People.AsAsync("tr1"), w.MeetingId))["outcomes"]!.AsArray());
        await DoAsync(rapporteur, "withdrawOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1)", ", $o: ID!", new { m = w.MeetingId, o = Single(drafted, "RECOMMENDATION")["id"]!.GetValue<string>() });

        var recommendationId = await PublishAsync(w);
        var seen = await ReadAsync(delegate_, w.MeetingId);
        Assert.True(seen["published"]!.GetValue<bool>());
        var recommendation = Single(seen, "RECOMMENDATION");
        Assert.Equal((1, "PUBLISHED", "OPEN"), (recommendation["number"]!.GetValue<int>(), recommendation["status"]!.GetValue<string>(), recommendation["followUp"]!.GetValue<string>()));
        Assert.Equal(["Egypt", "Labour mobility working group"], recommendation["addressees"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        // A delegate of Egypt reports for nothing in Egypt's name, but, as a member of the group, for the group.
        Assert.Equal(["WORKING_GROUP"], recommendation["viewerMayReportFor"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()));
        Assert.Empty(Single(await ReadAsync(await w.People.AsAsync("ma2"), w.MeetingId), "RECOMMENDATION")["viewerMayReportFor"]!.AsArray());
        Assert.Equal(w.SessionId, Single(seen, "CONCLUSION")["sessionId"]!.GetValue<string>());

        var focalPoint = await w.People.AsAsync("egfp");
        var asFocalPoint = Single(await ReadAsync(focalPoint, w.MeetingId), "RECOMMENDATION");
        Assert.Equal(["{\"kind\":\"PARTNER_STATE\",\"key\":\"EG\",\"name\":\"Egypt\"}", "{\"kind\":\"WORKING_GROUP\",\"key\":\"" + w.GroupId + "\",\"name\":\"Labour mobility working group\"}"],
            asFocalPoint["viewerMayReportFor"]!.AsArray().Select(a => a!.ToJsonString()));
        var reported = await DoAsync(focalPoint, "reportProgress(meetingId: $m, outcomeId: $o, reportedFor: { kind: PARTNER_STATE, key: \"EG\" }, status: IN_PROGRESS, text: $t)",
            ", $o: ID!, $t: String!", new { m = w.MeetingId, o = recommendationId, t = "A pilot course runs in Cairo." });
        var update = Single(reported, "RECOMMENDATION")["progress"]!.AsArray().Single()!;
        Assert.Equal(("IN_PROGRESS", "Egypt"), (update["status"]!.GetValue<string>(), update["reportedFor"]!["name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(update["reportedAt"]!.GetValue<string>()));

        const string FollowUp = "query($k: String!, $p: String, $y: Int) { recommendationFollowUp(dialogueKey: $k, pillar: $p, year: $y) { meetingId meetingTitle pillar year recommendation { id followUp } } }";
        var listed = (await delegate_.GraphQLAsync(FollowUp, new { k = w.People.Key, p = "Cross-cutting", y = 2012 })).EnsureNoErrors().Data("recommendationFollowUp").AsArray().Single()!;
        Assert.Equal((w.MeetingId, "MTM 10-Year Anniversary Event", "Cross-cutting", 2012, recommendationId, "IN_PROGRESS"),
            (listed["meetingId"]!.GetValue<string>(), listed["meetingTitle"]!.GetValue<string>(), listed["pillar"]!.GetValue<string>(), listed["year"]!.GetValue<int>(),
             listed["recommendation"]!["id"]!.GetValue<string>(), listed["recommendation"]!["followUp"]!.GetValue<string>()));
        Assert.Empty((await delegate_.GraphQLAsync(FollowUp, new { k = w.People.Key, p = "Migration and Development" })).EnsureNoErrors().Data("recommendationFollowUp").AsArray());
        Assert.Empty((await delegate_.GraphQLAsync(FollowUp, new { k = w.People.Key, y = 2013 })).EnsureNoErrors().Data("recommendationFollowUp").AsArray());
        Assert.Equal("NOT_FOUND", (await (await factory.SignInAsync(await OutsiderAsync())).GraphQLAsync(FollowUp, new { k = w.People.Key })).Code);
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync(FollowUp, new { k = w.People.Key })).Code);
    }

    [Fact]
    public async Task A_published_recommendation_becomes_an_exchange_request_and_an_action_item_that_link_back()
    {
        var w = await WorldAsync();
        var recommendationId = await PublishAsync(w);
        var delegate_ = await w.People.AsAsync("eg1");
        var request = new
        {
            requestingStateCode = "EG", requestingExpertId = w.People.People["eg1"], kind = "STUDY_VISIT", topic = "Labour migration",
            objectives = "See pre-departure orientation at work.", preferredFrom = "2031-03-01", preferredTo = "2031-04-30", durationDays = 3, language = "ar",
        };
        const string ToExchange = "recommendationToExchangeRequest(meetingId: $m, outcomeId: $o, request: $r, idempotencyKey: $k)";
        Assert.Equal("FORBIDDEN", (await CallAsync(await w.People.AsAsync("ma2"), ToExchange, ", $o: ID!, $r: ExchangeRequestInput!, $k: String",
            new { m = w.MeetingId, o = recommendationId, r = request with { requestingExpertId = w.People.People["ma2"] }, k = (string?)null })).Code);
        var linked = await DoAsync(delegate_, ToExchange, ", $o: ID!, $r: ExchangeRequestInput!, $k: String", new { m = w.MeetingId, o = recommendationId, r = request, k = "exchange-1" });
        linked = await DoAsync(delegate_, ToExchange, ", $o: ID!, $r: ExchangeRequestInput!, $k: String", new { m = w.MeetingId, o = recommendationId, r = request, k = "exchange-1" });
        var link = Single(linked, "RECOMMENDATION")["links"]!.AsArray().Single()!;
        Assert.Equal("EXCHANGE_REQUEST", link["kind"]!.GetValue<string>());
        var exchange = (await delegate_.GraphQLAsync("query($id: ID!) { expertExchange(id: $id) { requestingStateCode status fromRecommendation { meetingId outcomeId } } }",
            new { id = link["id"]!.GetValue<string>() })).EnsureNoErrors().Data("expertExchange");
        Assert.Equal("{\"requestingStateCode\":\"EG\",\"status\":\"DRAFT\",\"fromRecommendation\":{\"meetingId\":\"" + w.MeetingId + "\",\"outcomeId\":\"" + recommendationId + "\"}}",
            exchange.ToJsonString());

        var staff = await w.People.AsAsync("staff");
        linked = await DoAsync(staff, "recommendationToActionItem(meetingId: $m, outcomeId: $o, workingGroupId: $g, item: { title: \"Map orientation courses\", ownerId: $p, dueDate: \"2031-02-01\" })",
            ", $o: ID!, $g: ID!, $p: ID!", new { m = w.MeetingId, o = recommendationId, g = w.GroupId, p = w.People.People["eg1"] });
        var itemLink = Single(linked, "RECOMMENDATION")["links"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "ACTION_ITEM")!["id"]!.GetValue<string>();
        var item = (await staff.GraphQLAsync("query($id: ID!) { workingGroup(id: $id) { actionItems { id fromRecommendation { meetingId outcomeId } } } }", new { id = w.GroupId }))
            .EnsureNoErrors().Data("workingGroup", "actionItems").AsArray().Single()!;
        Assert.Equal($"{w.GroupId}#{item["id"]!.GetValue<string>()}", itemLink);
        Assert.Equal(recommendationId, item["fromRecommendation"]!["outcomeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_and_forbidden_calls_are_refused_with_a_reason_and_change_nothing()
    {
        var w = await WorldAsync();
        var rapporteur = await w.People.AsAsync("rap");
        var staff = await w.People.AsAsync("staff");
        async Task Refused(HttpClient client, string mutation, string signature, object variables, string code, string? reason = null, string? field = null)
        {
            var before = (await ReadAsync(staff, w.MeetingId)).ToJsonString();
            var refused = await CallAsync(client, mutation, signature, variables);
            Assert.Equal(code, refused.Code);
            if (reason is not null)
                Assert.Equal(reason, refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
            if (field is not null)
                Assert.Equal(field, refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
            Assert.Equal(before, (await ReadAsync(staff, w.MeetingId)).ToJsonString());
        }
        const string Propose = "proposeOutcome(meetingId: $m, outcome: $o)";
        const string Signature = ", $o: OutcomeInput!";
        await Refused(await w.People.AsAsync("eg1"), Propose, Signature, new { m = w.MeetingId, o = Recommendation(w) }, "FORBIDDEN");
        await Refused(rapporteur, Propose, Signature, new { m = w.MeetingId, o = new { kind = "CONCLUSION", language = "en", text = "  " } }, "VALIDATION", "REQUIRED", "outcome.text");
        await Refused(rapporteur, Propose, Signature, new { m = w.MeetingId, o = new { kind = "CONCLUSION", language = "de", text = "Gut." } }, "VALIDATION", "NOT_A_MEETING_LANGUAGE", "outcome.language");
        await Refused(rapporteur, Propose, Signature, new { m = w.MeetingId, o = new { kind = "CONCLUSION", language = "en", text = "Noted.", addressees = new[] { new { kind = "SECRETARIAT" } } } },
            "VALIDATION", "CONCLUSION_ADDRESSED", "outcome.addressees");
        await Refused(rapporteur, Propose, Signature, new { m = w.MeetingId, o = new { kind = "RECOMMENDATION", language = "en", text = "Do more." } }, "VALIDATION", "ADDRESSEE_REQUIRED");
        await Refused(rapporteur, Propose, Signature, new { m = w.MeetingId, o = Recommendation(w, "Morocco's delegate proposed a joint orientation course.") }, "VALIDATION", "ATTRIBUTION", "outcome.text");
        await Refused(rapporteur, Propose, Signature, new { m = "no-such-meeting", o = Recommendation(w) }, "NOT_FOUND");
        await Refused(staff, "publishOutcomes(meetingId: $m)", "", new { m = w.MeetingId }, "INVALID_STATE", "NOTHING_ADOPTED");

        var first = await ProposeAsync(rapporteur, w.MeetingId, Recommendation(w), "same-key");
        Assert.Equal(first.ToJsonString(), (await ProposeAsync(rapporteur, w.MeetingId, Recommendation(w), "same-key")).ToJsonString());
        var id = Single(first, "RECOMMENDATION")["id"]!.GetValue<string>();
        await Refused(rapporteur, "editOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 7, outcome: $n)", ", $o: ID!, $n: OutcomeInput!", new { m = w.MeetingId, o = id, n = Recommendation(w, "Stale.") }, "CONFLICT");
        await Refused(staff, "adoptOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1)", ", $o: ID!", new { m = w.MeetingId, o = id }, "FORBIDDEN");
        await Refused(staff, "publishOutcomes(meetingId: $m)", "", new { m = w.MeetingId }, "INVALID_STATE", "OUTCOMES_STILL_PROPOSED");

        var translator = await w.People.AsAsync("tr1");
        const string Translate = "translateOutcome(meetingId: $m, outcomeId: $o, language: $l, text: $t, sourceVersion: $v)";
        const string TranslateSignature = ", $o: ID!, $l: String!, $t: String!, $v: Int!";
        var translated = await DoAsync(translator, Translate, TranslateSignature, new { m = w.MeetingId, o = id, l = "fr", t = "Les États partenaires devraient élargir l'orientation avant le départ.", v = 1 });
        Assert.False(Single(translated, "RECOMMENDATION")["translations"]![0]!["stale"]!.GetValue<bool>());
        await DoAsync(rapporteur, "editOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1, outcome: $n)", ", $o: ID!, $n: OutcomeInput!",
            new { m = w.MeetingId, o = id, n = Recommendation(w, "Partner states should widen and fund pre-departure orientation.") });
        var stale = await ReadAsync(translator, w.MeetingId);
        Assert.True(Single(stale, "RECOMMENDATION")["translations"]![0]!["stale"]!.GetValue<bool>());
        var conflict = await CallAsync(translator, Translate, TranslateSignature, new { m = w.MeetingId, o = id, l = "fr", t = "Ancienne version.", v = 1 });
        Assert.Equal("CONFLICT", conflict.Code);
        Assert.Contains("original changed since you read it", conflict.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_meeting_that_reviews_recommendations_lists_the_open_ones_of_earlier_meetings()
    {
        var w = await WorldAsync();
        var recommendationId = await PublishAsync(w);
        var (laterId, _) = await w.People.ChairedMeetingAsync([("Follow-up of recommendations", "2013-05-22T09:30", "2013-05-22T11:00")], ["it1", "ma1"], ["rap"],
            details: MeetingWorld.Details(starts: "2013-05-22T09:00", ends: "2013-05-22T18:00", capacity: 10, visibility: "DIALOGUE_MEMBERS"));
        const string Review = "query($id: ID!) { meeting(id: $id) { sessions { reviewsRecommendations } recommendationsToReview { meetingId recommendation { id followUp } } } }";
        var staff = await w.People.AsAsync("staff");
        var without = (await staff.GraphQLAsync(Review, new { id = laterId })).EnsureNoErrors().Data("meeting");
        Assert.False(without["sessions"]![0]!["reviewsRecommendations"]!.GetValue<bool>());
        Assert.Empty(without["recommendationsToReview"]!.AsArray());

        var version = (await w.People.ReadAsync(laterId))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(w.People.Administrator, "addWorkingSession(id: $id, session: $s, expectedVersion: $v)", "($id: ID!, $s: WorkingSessionInput!, $v: Int!)",
            new { id = laterId, v = version, s = new { title = "Review of recommendations", startsLocal = "2013-05-22T11:30", endsLocal = "2013-05-22T13:00", reviewsRecommendations = true } })).EnsureNoErrors();
        var listed = (await staff.GraphQLAsync(Review, new { id = laterId })).EnsureNoErrors().Data("meeting", "recommendationsToReview").AsArray().Single()!;
        Assert.Equal((w.MeetingId, recommendationId), (listed["meetingId"]!.GetValue<string>(), listed["recommendation"]!["id"]!.GetValue<string>()));
        // The meeting that made it does not review it, and an implemented one is not reviewed again.
        Assert.Empty((await staff.GraphQLAsync(Review, new { id = w.MeetingId })).EnsureNoErrors().Data("meeting", "recommendationsToReview").AsArray());
        await DoAsync(staff, "reportProgress(meetingId: $m, outcomeId: $o, reportedFor: { kind: PARTNER_STATE, key: \"EG\" }, status: IMPLEMENTED, text: \"Done.\")",
            ", $o: ID!", new { m = w.MeetingId, o = recommendationId });
        Assert.Empty((await staff.GraphQLAsync(Review, new { id = laterId })).EnsureNoErrors().Data("meeting", "recommendationsToReview").AsArray());
    }

    [Fact]
    public async Task No_drafter_adopter_translator_or_reporter_appears_in_answers_storage_or_logs_and_no_outcome_text_in_logs()
    {
        var w = await WorldAsync();
        var identities = new List<string>();
        foreach (var alias in (string[])["rap", "it1", "tr1", "staff", "egfp"])
        {
            var me = (await (await w.People.AsAsync(alias)).GraphQLAsync("{ viewer { person { id name email } } }")).EnsureNoErrors();
            identities.AddRange(new[] { "id", "name", "email" }.Select(f => me.Data("viewer", "person", f).GetValue<string>()));
        }
        var logsBefore = factory.Logs.Messages.Count;
        var secret = "Confidential outcome " + Guid.NewGuid().ToString("N");
        var answers = new List<string>();

        var rapporteur = await w.People.AsAsync("rap");
        var proposed = await ProposeAsync(rapporteur, w.MeetingId, Recommendation(w, secret + " on orientation."), "leak-1");
        answers.Add(proposed.ToJsonString());
        var id = Single(proposed, "RECOMMENDATION")["id"]!.GetValue<string>();
        answers.Add((await DoAsync(rapporteur, "editOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1, outcome: $n)", ", $o: ID!, $n: OutcomeInput!",
            new { m = w.MeetingId, o = id, n = Recommendation(w, secret + " on orientation and skills.") })).ToJsonString());
        answers.Add((await DoAsync(await w.People.AsAsync("it1"), "adoptOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 2)", ", $o: ID!", new { m = w.MeetingId, o = id })).ToJsonString());
        answers.Add((await DoAsync(await w.People.AsAsync("staff"), "publishOutcomes(meetingId: $m)", "", new { m = w.MeetingId })).ToJsonString());
        answers.Add((await DoAsync(await w.People.AsAsync("tr1"), "translateOutcome(meetingId: $m, outcomeId: $o, language: \"fr\", text: $t, sourceVersion: 2)", ", $o: ID!, $t: String!",
            new { m = w.MeetingId, o = id, t = secret + " sur l'orientation." })).ToJsonString());
        answers.Add((await DoAsync(await w.People.AsAsync("egfp"), "reportProgress(meetingId: $m, outcomeId: $o, reportedFor: { kind: PARTNER_STATE, key: \"EG\" }, status: IN_PROGRESS, text: $t, idempotencyKey: \"leak-2\")",
            ", $o: ID!, $t: String!", new { m = w.MeetingId, o = id, t = secret + " progress." })).ToJsonString());
        answers.Add((await ReadAsync(await w.People.AsAsync("eg1"), w.MeetingId)).ToJsonString());
        answers.Add((await (await w.People.AsAsync("eg1")).GraphQLAsync(
            $"query($k: String!) {{ recommendationFollowUp(dialogueKey: $k) {{ meetingId meetingTitle pillar year recommendation {{ {OutcomeFields} }} }} }}", new { k = w.People.Key })).EnsureNoErrors().Raw);

        var meetingPart = w.MeetingId[(w.MeetingId.IndexOf('/') + 1)..];
        var rows = StoredStates.Read(factory.DatabasePath)
            .Where(r => r.Type == "meeting-outcomes" && r.Key.Contains(meetingPart, StringComparison.Ordinal)
                || r.Type == "follow-up-index" && r.Key.Contains(w.People.Key, StringComparison.Ordinal))
            .ToList();
        Assert.True(rows.Count == 2, string.Join(", ", StoredStates.Read(factory.DatabasePath).Select(r => $"{r.Type} {r.Key}").Where(t => t.Contains("outcome") || t.Contains("follow"))));
        Assert.All(rows, r => Assert.Contains(secret, r.Text, StringComparison.Ordinal));
        var emitted = answers.Select(a => ("GraphQL", a))
            .Concat(rows.Select(r => ($"storage of {r.Type}", r.Text)))
            .Concat(factory.Logs.Messages.Skip(logsBefore).Select(m => ("log", m)))
            .ToList();
        Assert.All(answers, a => Assert.Contains(secret, a, StringComparison.Ordinal));
        foreach (var (where, text) in emitted)
        {
            foreach (var value in identities)
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' appears in the {where}: {text}");
            if (where == "log")
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"Outcome text appears in a log: {text}");
        }
    }

    private async Task<string> OutsiderAsync()
    {
        var admin = factory.Administrator();
        var other = "o" + Guid.NewGuid().ToString("N")[..10];
        (await admin.GraphQLAsync("mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Another Dialogue\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }) { key } }", new { k = other })).EnsureNoErrors();
        var email = $"stranger-{Guid.NewGuid():N}@example.org";
        (await admin.GraphQLAsync("mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Stranger\", email: $e }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = other, e = email })).EnsureNoErrors();
        return email;
    }

    [Fact]
    public async Task Anyone_reads_the_published_outcomes_of_a_public_meeting_and_nobody_reads_its_drafts()
    {
        var w = await WorldAsync();
        var (publicId, _) = await w.People.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["rap"], ["EG"], [], open: true,
            details: MeetingWorld.Details(capacity: 10, visibility: "PUBLIC"));
        var rapporteur = await w.People.AsAsync("rap");
        var conclusion = Single(await ProposeAsync(rapporteur, publicId, new { kind = "CONCLUSION", language = "en", text = "Orientation before departure works best with employers." }), "CONCLUSION");
        await ProposeAsync(rapporteur, publicId, new { kind = "CONCLUSION", language = "en", text = "A second conclusion, withdrawn later." });
        const string Read = "query($id: ID!) { meeting(id: $id) { outcomes { published outcomes { text } viewerMay { draft } } } }";
        var anonymous = factory.Anonymous();
        Assert.Empty((await anonymous.GraphQLAsync(Read, new { id = publicId })).EnsureNoErrors().Data("meeting", "outcomes", "outcomes").AsArray());

        await DoAsync(await w.People.AsAsync("it1"), "adoptOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1)", ", $o: ID!", new { m = publicId, o = conclusion["id"]!.GetValue<string>() });
        await DoAsync(rapporteur, "withdrawOutcome(meetingId: $m, outcomeId: $o, expectedVersion: 1)", ", $o: ID!",
            new { m = publicId, o = (await ReadAsync(rapporteur, publicId))["outcomes"]!.AsArray().Single(o => o!["status"]!.GetValue<string>() == "PROPOSED")!["id"]!.GetValue<string>() });
        await DoAsync(await w.People.AsAsync("staff"), "publishOutcomes(meetingId: $m)", "", new { m = publicId });
        var read = (await anonymous.GraphQLAsync(Read, new { id = publicId })).EnsureNoErrors().Data("meeting", "outcomes");
        Assert.Equal("{\"published\":true,\"outcomes\":[{\"text\":\"Orientation before departure works best with employers.\"}],\"viewerMay\":{\"draft\":false}}", read.ToJsonString());
        Assert.Equal("NOT_FOUND", (await anonymous.GraphQLAsync(Read, new { id = w.MeetingId })).Code);
    }
}
