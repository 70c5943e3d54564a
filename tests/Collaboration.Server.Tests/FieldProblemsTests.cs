namespace Collaboration.Server.Tests;

/// <summary>
/// A form shows every invalid field at once: a refused input answers one VALIDATION error per bad field, each
/// with its field, reason and values, and nothing is written.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FieldProblemsTests(CollaborationFactory factory)
{
    /// <summary>Asserts that the answer holds exactly these problems (in any order), one error each.</summary>
    internal static void AssertProblems(GraphQLResponse response, params (string Field, string Reason)[] expected)
    {
        var found = response.Errors.Select(e => PartialUpdateTests.Problem(e!)).ToList();
        Assert.True(found.All(p => p.Code == "VALIDATION"), response.Raw);
        Assert.Equal(
            expected.Select(p => $"{p.Field}:{p.Reason}").Order(StringComparer.Ordinal),
            found.Select(p => $"{p.Field}:{p.Reason}").Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_meeting_with_three_bad_fields_is_refused_with_three_errors_and_not_created()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var details = JsonSerializer.SerializeToNode(MeetingWorld.Details(capacity: 0))!.AsObject();
        details["titles"] = new JsonArray(new JsonObject { ["language"] = "en", ["text"] = "  " });
        details["city"] = "";
        const string Create = "mutation($k: String!, $d: MeetingDetailsInput!) { createMeeting(key: $k, details: $d) { meeting { id } } }";

        var refused = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = details });

        AssertProblems(refused, ("titles", "NO_TITLE"), ("city", "REQUIRED"), ("capacity", "CAPACITY_RANGE"));
        Assert.Equal(3, refused.Errors.Count);
        Assert.All(refused.Errors, e => Assert.Equal("createMeeting", e!["path"]![0]!.GetValue<string>()));
        var listed = await world.Administrator.GraphQLAsync("query($k: String!) { meetings(key: $k) { totalCount } }", new { k = world.Key });
        Assert.Equal(0, listed.EnsureNoErrors().Data("meetings", "totalCount").GetValue<int>());
    }

    [Fact]
    public async Task Each_problem_of_a_refusal_from_a_grain_reaches_the_client_with_its_own_values()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var details = JsonSerializer.SerializeToNode(MeetingWorld.Details(venue: new string('v', 201)))!.AsObject();
        details["city"] = new string('c', 101);
        details["titles"] = new JsonArray(new JsonObject { ["language"] = "en", ["text"] = "  " });
        const string Create = "mutation($k: String!, $d: MeetingDetailsInput!) { createMeeting(key: $k, details: $d) { meeting { id } } }";

        var refused = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = details });

        AssertProblems(refused, ("venue", "TOO_LONG"), ("city", "TOO_LONG"), ("titles", "NO_TITLE"));
        var values = refused.Errors.ToDictionary(e => e!["extensions"]!["field"]!.GetValue<string>(), e => e!["extensions"]!["values"]);
        Assert.Equal("200", values["venue"]!["max"]!.GetValue<string>());
        Assert.Equal("100", values["city"]!["max"]!.GetValue<string>());
        Assert.Null(values["titles"]);
    }

    [Fact]
    public async Task A_meeting_change_reports_a_bad_time_beside_every_other_bad_field()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var refused = await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { updateMeetingDetails(id: $id, expectedVersion: $v, details: { startsLocal: \"\", timeZone: \"Mars/Olympus\", hostCountry: \"ZZ\", workingLanguages: [\"de\"], onlineMeetingUrl: \"http://x\" }) { meeting { version } } }",
            new { id = meeting["id"]!.GetValue<string>(), v = meeting["version"]!.GetValue<int>() });

        AssertProblems(refused, ("startsLocal", "NOT_A_LOCAL_TIME"), ("timeZone", "UNKNOWN_TIME_ZONE"), ("hostCountry", "INVALID_COUNTRY"),
            ("workingLanguages", "NOT_A_WORKING_LANGUAGE"), ("titles", "NOT_A_MEETING_LANGUAGE"), ("onlineMeetingUrl", "ONLINE_LINK_IN_PERSON"));
        Assert.Equal(meeting["version"]!.GetValue<int>(), (await world.ReadAsync(meeting["id"]!.GetValue<string>()))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_working_session_with_bad_fields_is_refused_with_each_of_them()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var refused = await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!, $m: [ID!]) { addWorkingSession(id: $id, expectedVersion: $v, session: { titles: [{ language: \"en\", text: \"Return\" }, { language: \"en\", text: \"Again\" }, { language: \"de\", text: \"Rückkehr\" }], startsLocal: \"2012-05-22T12:00\", endsLocal: \"2012-05-22T11:00\", moderatorIds: $m }) { meeting { version } } }",
            new { id = meeting["id"]!.GetValue<string>(), v = meeting["version"]!.GetValue<int>(), m = new[] { "nobody" } });

        AssertProblems(refused, ("titles", "DUPLICATE_LANGUAGE"), ("titles", "NOT_A_MEETING_LANGUAGE"), ("endsLocal", "ENDS_BEFORE_START"), ("moderatorIds", "NOT_A_MEMBER"));
    }

    [Fact]
    public async Task A_new_member_with_a_bad_address_language_and_state_is_refused_with_each_and_not_registered()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var refused = await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { addMember(key: $k, person: { name: \"New Delegate\", email: \"not-an-address\", preferredLanguage: \"de\" }, membership: { roles: [DELEGATE], partnerStateCode: \"FR\" }) { version } }",
            new { k = world.Key });

        AssertProblems(refused, ("email", "INVALID_EMAIL"), ("preferredLanguage", "UNKNOWN_LANGUAGE"), ("partnerStateCode", "NOT_A_PARTNER_STATE"));
        var members = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { personId } } }", new { k = world.Key })).Data("dialogue", "members");
        Assert.Equal(world.People.Count, members.AsArray().Count);
    }

    [Fact]
    public async Task Dialogue_settings_partner_states_working_groups_and_profiles_report_every_bad_field()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var version = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { version } }", new { k = world.Key })).Data("dialogue", "version").GetValue<int>();

        var settings = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $v: Int!) { updateDialogue(key: $k, expectedVersion: $v, settings: { name: \"\", workingLanguages: [\"de\"], coChairsPerMeeting: 5 }) { version } }",
            new { k = world.Key, v = version });
        var state = await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { addPartnerState(key: $k, partnerState: { code: \"ZZ\", name: \"Nowhere\", regionalGroup: \"Nordic\", yearJoined: 1800 }) { version } }",
            new { k = world.Key });
        var group = await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { createWorkingGroup(key: $k, groupKey: \"wg\", group: { name: \"\", mandate: \"A mandate.\", partnerStateCodes: [\"FR\"], organisationKeys: [\"nobody\"] }) { id } }",
            new { k = world.Key });
        var me = await world.AsAsync("eg1");
        var profileVersion = (await me.GraphQLAsync("{ viewer { person { version } } }")).Data("viewer", "person", "version").GetValue<int>();
        var profile = await me.GraphQLAsync(
            "mutation($v: Int!) { updateMyProfile(expectedVersion: $v, profile: { name: \"\", preferredLanguage: \"de\", timeZone: \"Atlantis/Capital\" }) { person { name } } }",
            new { v = profileVersion });

        AssertProblems(settings, ("name", "REQUIRED"), ("workingLanguages", "UNKNOWN_LANGUAGE"), ("coChairsPerMeeting", "CO_CHAIRS_RANGE"));
        AssertProblems(state, ("code", "INVALID_COUNTRY"), ("regionalGroup", "UNKNOWN_REGIONAL_GROUP"), ("yearJoined", "YEAR_RANGE"));
        AssertProblems(group, ("name", "REQUIRED"), ("partnerStateCodes", "NOT_A_PARTNER_STATE"), ("organisationKeys", "UNKNOWN_ORGANISATION"));
        AssertProblems(profile, ("name", "REQUIRED"), ("preferredLanguage", "UNKNOWN_LANGUAGE"), ("timeZone", "UNKNOWN_TIME_ZONE"));
        Assert.Equal(version, (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { version } }", new { k = world.Key })).Data("dialogue", "version").GetValue<int>());
        Assert.Equal("Egyptian Delegate", (await me.GraphQLAsync("{ viewer { person { name } } }")).Data("viewer", "person", "name").GetValue<string>());
    }

    [Fact]
    public async Task Exchange_requests_partnerships_and_priorities_report_every_bad_field()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var request = await (await world.AsAsync("ma1")).GraphQLAsync(
            "mutation($k: String!, $r: ExchangeRequestInput!) { requestExpertExchange(key: $k, request: $r) { id } }",
            new
            {
                k = world.Key,
                r = new
                {
                    requestingStateCode = "MA", requestingExpertId = world.People["eg1"], kind = "STUDY_VISIT", topic = "Astronomy", objectives = "Learn.",
                    preferredFrom = "2031-03-01", preferredTo = "2031-04-01", durationDays = 90, language = "en",
                },
            });
        var cities = new List<string>();
        foreach (var (key, name) in new[] { ("tangier", "Tangier"), ("rabat", "Rabat") })
            cities.Add((await world.Administrator.GraphQLAsync("mutation($k: String!, $c: String!, $n: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: \"MA\") { id } }",
                new { k = world.Key, c = key, n = name })).EnsureNoErrors().Data("createCity", "id").GetValue<string>());
        var partnership = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $c: [ID!]!) { createCityPartnership(key: $k, cityIds: $c, theme: \"\", roadmapStart: \"2031-12-31\", roadmapEnd: \"2031-01-01\") { id } }",
            new { k = world.Key, c = cities });
        var priority = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $x: [ID!]) { addPriority(key: $k, partnerStateCode: \"MA\", expectedVersion: 0, priority: { kind: NEED, topic: \"Astronomy\", description: \"\", languages: [\"de\"], contactExpertIds: $x }) { version } }",
            new { k = world.Key, x = new[] { world.People["eg1"] } });
        var city = await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { createCity(key: $k, cityKey: \"nowhere\", name: \"\", countryCode: \"ZZ\", population: 0) { id } }", new { k = world.Key });

        AssertProblems(request, ("requestingExpertId", "EXPERT_NOT_OF_STATE"), ("topic", "UNKNOWN_TOPIC"), ("durationDays", "DURATION_RANGE"));
        AssertProblems(partnership, ("cityIds", "CITIES_IN_ONE_COUNTRY"), ("roadmapEnd", "ENDS_BEFORE_START"), ("theme", "REQUIRED"));
        AssertProblems(priority, ("topic", "UNKNOWN_TOPIC"), ("description", "REQUIRED"), ("languages", "UNKNOWN_LANGUAGE"), ("contactExpertIds", "EXPERT_NOT_OF_STATE"));
        AssertProblems(city, ("name", "REQUIRED"), ("countryCode", "INVALID_COUNTRY"), ("population", "POPULATION_RANGE"));
    }
}
