namespace Collaboration.Server.Tests;

/// <summary>
/// The scenario of issue 7, through GraphQL: Senegal's registry, a study visit requested by an expert from
/// Mali, matching, every step to Evaluated with the meeting it becomes, and a working group with a monthly
/// series and an overdue action item.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DialogueInActionTests(CollaborationFactory factory)
{
    private const string Topic = "Diaspora engagement";

    private async Task<(string Id, HttpClient Session)> MemberAsync(MeetingWorld world, string name, string roles, string state)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var members = (await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $p: PersonInput!, $s: String) {{ addMember(key: $k, person: $p, membership: {{ roles: [{roles}], partnerStateCode: $s }}) {{ members {{ personId person {{ email }} }} }} }}",
            new { k = world.Key, p = new { name, email, preferredLanguage = "fr" }, s = state })).EnsureNoErrors().Data("addMember", "members").AsArray();
        return (members.Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!["personId"]!.GetValue<string>(), await factory.SignInAsync(email));
    }

    [Fact]
    public async Task An_expert_from_Mali_gets_a_study_visit_in_Senegal_from_request_to_evaluation_and_a_working_group_keeps_its_series_and_action_items()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        (await world.Administrator.GraphQLAsync("mutation($k: String!) { addPartnerState(key: $k, partnerState: { code: \"ML\", name: \"Mali\", yearJoined: 2003, regionalGroup: \"African\" }) { version } }",
            new { k = world.Key })).EnsureNoErrors();
        var (maliExpert, expertSession) = await MemberAsync(world, "Malian Expert", "DELEGATE", "ML");
        var (_, maliFocal) = await MemberAsync(world, "Malian Focal Point", "FOCAL_POINT", "ML");
        var (_, senegalFocal) = await MemberAsync(world, "Senegalese Focal Point", "FOCAL_POINT, DELEGATE", "SN");

        // Senegal's focal point keeps its registry; Egypt offers the topic too, in other languages.
        const string AddPriority = "mutation($k: String!, $s: String!, $p: PriorityInput!, $v: Int!) { addPriority(key: $k, partnerStateCode: $s, priority: $p, expectedVersion: $v) { version priorities { topic } } }";
        (await senegalFocal.GraphQLAsync(AddPriority, new { k = world.Key, s = "SN", v = 0, p = new { kind = "OFFER", topic = Topic, description = "Diaspora investment schemes.", languages = new[] { "fr" }, contactExpertIds = new[] { world.People["sn1"] } } })).EnsureNoErrors();
        Assert.Equal("FORBIDDEN", (await maliFocal.GraphQLAsync(AddPriority, new { k = world.Key, s = "SN", v = 1, p = new { kind = "NEED", topic = Topic, description = "x" } })).Code);
        (await world.Administrator.GraphQLAsync(AddPriority, new { k = world.Key, s = "EG", v = 0, p = new { kind = "OFFER", topic = Topic, description = "Diaspora directorate.", languages = new[] { "ar", "en" } } })).EnsureNoErrors();

        var id = (await expertSession.GraphQLAsync(
            "mutation($k: String!, $r: ExchangeRequestInput!) { requestExpertExchange(key: $k, request: $r) { id status } }",
            new
            {
                k = world.Key,
                r = new { requestingStateCode = "ML", requestingExpertId = maliExpert, kind = "STUDY_VISIT", topic = Topic, objectives = "Learn how Senegal engages its diaspora.", preferredFrom = "2031-05-01", preferredTo = "2031-06-30", durationDays = 3, language = "fr" },
            })).EnsureNoErrors().Data("requestExpertExchange", "id").GetValue<string>();
        async Task<string> Step(HttpClient who, string mutation, string arguments = "", object? extra = null)
        {
            var variables = new Dictionary<string, object?> { ["id"] = id };
            foreach (var property in extra?.GetType().GetProperties() ?? [])
                variables[property.Name] = property.GetValue(extra);
            var signature = string.Concat(variables.Keys.Where(k => k != "id").Select(k => k switch
            {
                "experts" => ", $experts: [ID!]!",
                "rating" => ", $rating: Int!",
                _ => $", ${k}: String!",
            }));
            var response = await who.GraphQLAsync($"mutation($id: ID!{signature}) {{ result: {mutation}(id: $id{arguments}) {{ status meetingId }} }}", variables);
            return response.EnsureNoErrors().Data("result", "status").GetValue<string>();
        }

        Assert.Equal("SUBMITTED", await Step(expertSession, "submitExpertExchange"));
        Assert.Equal("ENDORSED", await Step(maliFocal, "endorseExpertExchange"));
        Assert.Equal("UNDER_REVIEW", await Step(world.Administrator, "reviewExpertExchange"));
        var hosts = (await world.Administrator.GraphQLAsync("query($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode score reasons } }", new { id }))
            .EnsureNoErrors().Data("suggestExchangeHosts").AsArray();
        Assert.Equal(["SN", "EG"], hosts.Select(h => h!["partnerStateCode"]!.GetValue<string>()));
        Assert.Equal(["offers expertise on Diaspora engagement", "its offer meets 1 of the request's needs", "its experts work in fr"], hosts[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("APPROVED", await Step(world.Administrator, "approveExpertExchange", ", hostStateCode: $host", new { host = "SN" }));
        Assert.Equal("HOST_CONFIRMED", await Step(senegalFocal, "confirmExchangeHost", ", hostExpertIds: $experts", new { experts = new[] { world.People["sn1"] } }));
        Assert.Equal("SCHEDULED", await Step(world.Administrator, "scheduleExpertExchange", ", startsLocal: $starts, timeZone: $zone, city: $city", new { starts = "2031-05-12T09:00", zone = "Africa/Dakar", city = "Dakar" }));

        var meetingId = (await world.Administrator.GraphQLAsync("query($id: ID!) { expertExchange(id: $id) { meetingId } }", new { id })).EnsureNoErrors().Data("expertExchange", "meetingId").GetValue<string>();
        var meeting = (await world.Administrator.GraphQLAsync("query($id: ID!) { meeting(id: $id) { status type hostCountry invitations { invitee { personId } } } }", new { id = meetingId }))
            .EnsureNoErrors().Data("meeting");
        Assert.Equal(("SCHEDULED", "STUDY_VISIT", "SN"), (meeting["status"]!.GetValue<string>(), meeting["type"]!.GetValue<string>(), meeting["hostCountry"]!.GetValue<string>()));
        Assert.Equal(new[] { maliExpert, world.People["sn1"] }.Order(), meeting["invitations"]!.AsArray().Select(i => i!["invitee"]!["personId"]!.GetValue<string>()).Order());

        Assert.Equal("COMPLETED", await Step(world.Administrator, "completeExpertExchange"));
        Assert.Equal("COMPLETED", await Step(expertSession, "evaluateExpertExchange", ", rating: $rating, text: $text", new { rating = 5, text = "Very useful." }));
        Assert.Equal("EVALUATED", await Step(senegalFocal, "evaluateExpertExchange", ", rating: $rating, text: $text", new { rating = 4, text = "A good exchange." }));

        // A working group of Mali and Senegal meets monthly; an action item passes its due date while open.
        var group = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { createWorkingGroup(key: $k, groupKey: \"diaspora\", group: { name: \"Diaspora working group\", mandate: \"Diaspora engagement.\", partnerStateCodes: [\"ML\", \"SN\"] }) { id version } }",
            new { k = world.Key })).EnsureNoErrors().Data("createWorkingGroup");
        var groupId = group["id"]!.GetValue<string>();
        (await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { setWorkingGroupSeries(id: $id, expectedVersion: $v, series: { recurrenceRule: \"FREQ=MONTHLY;BYDAY=1WE\", timeZone: \"Africa/Dakar\", firstStartsLocal: \"2031-01-01T10:00\", durationMinutes: 90, hostCountry: \"SN\", city: \"Dakar\" }) { version } }",
            new { id = groupId, v = group["version"]!.GetValue<int>() })).EnsureNoErrors();
        var tomorrow = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await world.Administrator.GraphQLAsync("mutation($id: ID!, $d: String!, $o: ID!) { addActionItem(id: $id, item: { title: \"Map diaspora associations\", ownerId: $o, dueDate: $d }) { version } }",
            new { id = groupId, d = tomorrow, o = maliExpert })).EnsureNoErrors();
        const string Read = "query($id: ID!) { workingGroup(id: $id) { series { recurrenceRule } actionItems { title overdue } } }";
        Assert.False((await expertSession.GraphQLAsync(Read, new { id = groupId })).EnsureNoErrors().Data("workingGroup", "actionItems")[0]!["overdue"]!.GetValue<bool>());

        factory.Clock.Advance(TimeSpan.FromDays(3));
        var overdue = (await expertSession.GraphQLAsync(Read, new { id = groupId })).EnsureNoErrors().Data("workingGroup");
        Assert.Equal("FREQ=MONTHLY;BYDAY=1WE", overdue["series"]!["recurrenceRule"]!.GetValue<string>());
        Assert.True(overdue["actionItems"]![0]!["overdue"]!.GetValue<bool>());
    }
}
