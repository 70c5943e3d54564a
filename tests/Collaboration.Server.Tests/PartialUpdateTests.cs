namespace Collaboration.Server.Tests;

/// <summary>
/// No silent overwrite: every mutation that changes an existing object changes the fields it is sent and keeps
/// every other (a field left out is not a field reset to its default), through the API.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PartialUpdateTests(CollaborationFactory factory)
{
    private const string Details = """
        titles { language text } descriptions { language text } type pillar hostCountry city venue timeZone startsLocal endsLocal
        workingLanguages interpretation capacity visibility liveNotesForParticipants attributionGuard format onlineMeetingUrl version
        """;

    [Fact]
    public async Task A_meeting_updated_with_only_a_venue_keeps_every_other_detail()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var created = (await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $d: MeetingDetailsInput!) {{ createMeeting(key: $k, details: $d) {{ meeting {{ id {Details} }} }} }}",
            new
            {
                k = world.Key,
                d = new
                {
                    titles = new[] { new { language = "en", text = "Expert meeting on return" }, new { language = "fr", text = "Réunion d'experts sur le retour" } },
                    descriptions = new[] { new { language = "en", text = "Two days on return and reintegration." } },
                    type = "EXPERT_MEETING", pillar = "Irregular and Mixed Migration", hostCountry = "MT", city = "Valletta", venue = "Old venue",
                    timeZone = "Europe/Malta", startsLocal = "2031-05-20T09:00", endsLocal = "2031-05-21T17:00", workingLanguages = new[] { "ar", "en", "fr" },
                    interpretation = true, capacity = 80, visibility = "PUBLIC", liveNotesForParticipants = true, attributionGuard = "STRICT",
                    format = "HYBRID", onlineMeetingUrl = "https://meet.example.org/return",
                },
            })).EnsureNoErrors().Data("createMeeting", "meeting");

        var updated = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $v: Int!) {{ updateMeetingDetails(id: $id, expectedVersion: $v, details: {{ venue: \"Mediterranean Conference Centre\" }}) {{ meeting {{ {Details} }} }} }}",
            new { id = created["id"]!.GetValue<string>(), v = created["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateMeetingDetails", "meeting");

        Assert.Equal("Mediterranean Conference Centre", updated["venue"]!.GetValue<string>());
        foreach (var field in new[] { "titles", "descriptions", "type", "pillar", "hostCountry", "city", "timeZone", "startsLocal", "endsLocal", "workingLanguages",
            "interpretation", "capacity", "visibility", "liveNotesForParticipants", "attributionGuard", "format", "onlineMeetingUrl" })
            Assert.True(JsonNode.DeepEquals(created[field], updated[field]), $"{field} changed: {created[field]?.ToJsonString()} → {updated[field]?.ToJsonString()}");
    }

    [Fact]
    public async Task A_meeting_field_sent_as_null_is_cleared_where_a_meeting_may_be_without_it_and_refused_where_not()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        const string Update = "mutation($id: ID!, $v: Int!, $d: MeetingChangesInput!) { updateMeetingDetails(id: $id, expectedVersion: $v, details: $d) { meeting { venue capacity pillar city } } }";
        var id = meeting["id"]!.GetValue<string>();
        var version = meeting["version"]!.GetValue<int>();

        var cleared = (await world.Administrator.GraphQLAsync(Update, new { id, v = version, d = new { venue = (string?)null, capacity = (int?)null, pillar = (string?)null } }))
            .EnsureNoErrors().Data("updateMeetingDetails", "meeting");
        var refused = await world.Administrator.GraphQLAsync(Update, new { id, v = version + 1, d = new { city = (string?)null } });

        Assert.Null(cleared["venue"]);
        Assert.Null(cleared["capacity"]);
        Assert.Null(cleared["pillar"]);
        Assert.Equal("Valletta", cleared["city"]!.GetValue<string>());
        Assert.Equal(("VALIDATION", "city", "REQUIRED"), Problem(refused.Errors.Single()!));
    }

    [Fact]
    public async Task Notes_settings_and_chairs_change_only_what_they_name()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (id, _) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["staff"], details: MeetingWorld.Details(capacity: 10, attributionGuard: "STRICT"));
        var version = (await world.ReadAsync(id))["version"]!.GetValue<int>();

        var notes = (await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { setNotesSettings(id: $id, expectedVersion: $v, liveNotesForParticipants: false) { meeting { attributionGuard liveNotesForParticipants version } } }",
            new { id, v = version })).EnsureNoErrors().Data("setNotesSettings", "meeting");
        var chairs = (await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!, $c: [ID!]) { setMeetingChairs(id: $id, expectedVersion: $v, coChairIds: $c) { meeting { coChairs { personId } rapporteurs { personId } } } }",
            new { id, v = notes["version"]!.GetValue<int>(), c = new[] { world.People["it1"], world.People["eg1"] } })).EnsureNoErrors().Data("setMeetingChairs", "meeting");

        Assert.Equal("STRICT", notes["attributionGuard"]!.GetValue<string>());
        Assert.False(notes["liveNotesForParticipants"]!.GetValue<bool>());
        Assert.Equal([world.People["staff"]], chairs["rapporteurs"]!.AsArray().Select(r => r!["personId"]!.GetValue<string>()));
        Assert.Equal(2, chairs["coChairs"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_working_session_updated_with_only_a_description_keeps_its_title_times_and_moderators()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var id = meeting["id"]!.GetValue<string>();
        const string Session = "id titles { language text } title startsAt endsAt description moderators { personId }";
        var added = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $v: Int!, $m: [ID!]) {{ addWorkingSession(id: $id, expectedVersion: $v, session: {{ title: \"Return and reintegration\", startsLocal: \"2012-05-22T09:30\", endsLocal: \"2012-05-22T11:00\", moderatorIds: $m, description: \"First\" }}) {{ meeting {{ version sessions {{ {Session} }} }} }} }}",
            new { id, v = meeting["version"]!.GetValue<int>(), m = new[] { world.People["it1"] } })).EnsureNoErrors().Data("addWorkingSession", "meeting");
        var before = added["sessions"]![0]!;

        var after = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $s: ID!, $v: Int!) {{ updateWorkingSession(id: $id, sessionId: $s, expectedVersion: $v, session: {{ description: \"Second\" }}) {{ meeting {{ sessions {{ {Session} }} }} }} }}",
            new { id, s = before["id"]!.GetValue<string>(), v = added["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateWorkingSession", "meeting", "sessions")[0]!;

        Assert.Equal("Second", after["description"]!.GetValue<string>());
        foreach (var field in new[] { "title", "titles", "startsAt", "endsAt", "moderators" })
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"{field} changed: {before[field]?.ToJsonString()} → {after[field]?.ToJsonString()}");
    }

    [Fact]
    public async Task A_dialogue_renamed_keeps_its_chairing_rule_pillars_topics_and_description()
    {
        var world = await MeetingWorld.CreateAsync(factory, strictBalance: true);
        const string Fields = "name description workingLanguages regionalGroups pillars topics coChairsPerMeeting strictCoChairBalance coChairPairing version";
        var before = (await world.Administrator.GraphQLAsync($"query($k: String!) {{ dialogue(key: $k) {{ {Fields} }} }}", new { k = world.Key })).EnsureNoErrors().Data("dialogue");
        var set = (await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $v: Int!) {{ updateDialogue(key: $k, expectedVersion: $v, settings: {{ coChairsPerMeeting: 3, description: \"The MTM Dialogue.\", coChairPairing: [\"European\", \"Arab\"] }}) {{ {Fields} }} }}",
            new { k = world.Key, v = before["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateDialogue");

        var after = (await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $v: Int!) {{ updateDialogue(key: $k, expectedVersion: $v, settings: {{ name: \"MTM Dialogue\" }}) {{ {Fields} }} }}",
            new { k = world.Key, v = set["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateDialogue");

        Assert.Equal("MTM Dialogue", after["name"]!.GetValue<string>());
        foreach (var field in new[] { "description", "workingLanguages", "regionalGroups", "pillars", "topics", "coChairsPerMeeting", "strictCoChairBalance", "coChairPairing" })
            Assert.True(JsonNode.DeepEquals(set[field], after[field]), $"{field} changed: {set[field]?.ToJsonString()} → {after[field]?.ToJsonString()}");
        Assert.True(after["strictCoChairBalance"]!.GetValue<bool>());
        Assert.Equal(3, after["coChairsPerMeeting"]!.GetValue<int>());
        Assert.Equal(["European", "Arab"], after["coChairPairing"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task A_partner_state_renamed_keeps_its_year_group_and_other_names()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var version = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { version } }", new { k = world.Key })).Data("dialogue", "version").GetValue<int>();
        var state = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $v: Int!) { updatePartnerState(key: $k, expectedVersion: $v, partnerState: { code: \"MA\", name: \"Kingdom of Morocco\" }) { partnerStates { code name yearJoined regionalGroup otherNames } } }",
            new { k = world.Key, v = version })).EnsureNoErrors().Data("updatePartnerState", "partnerStates").AsArray().Single(s => s!["code"]!.GetValue<string>() == "MA")!;

        Assert.Equal("Kingdom of Morocco", state["name"]!.GetValue<string>());
        Assert.Equal(2002, state["yearJoined"]!.GetValue<int>());
        Assert.Equal("Arab", state["regionalGroup"]!.GetValue<string>());
        Assert.Equal(["Maroc", "المغرب"], state["otherNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_membership_given_a_new_role_keeps_the_state_it_represents()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var member = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $p: ID!) { setMembership(key: $k, personId: $p, membership: { roles: [DELEGATE, FOCAL_POINT] }) { members { personId roles partnerStateCode } } }",
            new { k = world.Key, p = world.People["it2"] })).EnsureNoErrors().Data("setMembership", "members").AsArray().Single(m => m!["personId"]!.GetValue<string>() == world.People["it2"])!;

        Assert.Equal(["FOCAL_POINT", "DELEGATE"], member["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("IT", member["partnerStateCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_working_group_and_its_series_keep_what_a_change_does_not_name()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        const string Fields = "id name mandate partnerStateCodes organisationKeys chairs { personId } version series { recurrenceRule timeZone firstStartsLocal durationMinutes hostCountry city venue format }";
        var group = (await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $c: [ID!]) {{ createWorkingGroup(key: $k, groupKey: \"silk-routes\", group: {{ name: \"Silk Routes\", mandate: \"Exchange on the Silk Routes.\", partnerStateCodes: [\"EG\", \"SN\"], organisationKeys: [\"iom\"], chairIds: $c }}) {{ {Fields} }} }}",
            new { k = world.Key, c = new[] { world.People["ma1"] } })).EnsureNoErrors().Data("createWorkingGroup");
        var id = group["id"]!.GetValue<string>();
        var withSeries = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $v: Int!) {{ setWorkingGroupSeries(id: $id, expectedVersion: $v, series: {{ recurrenceRule: \"FREQ=MONTHLY;BYDAY=2TU\", timeZone: \"Europe/Malta\", firstStartsLocal: \"2031-01-14T10:00\", durationMinutes: 120, hostCountry: \"MT\", city: \"Valletta\", venue: \"Room 1\", format: IN_PERSON }}) {{ {Fields} }} }}",
            new { id, v = group["version"]!.GetValue<int>() })).EnsureNoErrors().Data("setWorkingGroupSeries");

        var renamed = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $v: Int!) {{ updateWorkingGroup(id: $id, expectedVersion: $v, group: {{ name: \"Silk Routes working group\" }}) {{ {Fields} }} }}",
            new { id, v = withSeries["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateWorkingGroup");
        var moved = (await world.Administrator.GraphQLAsync(
            $"mutation($id: ID!, $v: Int!) {{ setWorkingGroupSeries(id: $id, expectedVersion: $v, series: {{ durationMinutes: 90 }}) {{ {Fields} }} }}",
            new { id, v = renamed["version"]!.GetValue<int>() })).EnsureNoErrors().Data("setWorkingGroupSeries");

        Assert.Equal("Silk Routes working group", renamed["name"]!.GetValue<string>());
        foreach (var field in new[] { "mandate", "partnerStateCodes", "organisationKeys", "chairs", "series" })
            Assert.True(JsonNode.DeepEquals(withSeries[field], renamed[field]), $"{field} changed: {withSeries[field]?.ToJsonString()} → {renamed[field]?.ToJsonString()}");
        Assert.Equal(90, moved["series"]!["durationMinutes"]!.GetValue<int>());
        Assert.Equal("IN_PERSON", moved["series"]!["format"]!.GetValue<string>());
        Assert.Equal("Room 1", moved["series"]!["venue"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_city_profile_saved_with_one_section_keeps_the_others_and_its_visibility()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var city = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!) { createCity(key: $k, cityKey: \"tangier\", name: \"Tangier\", countryCode: \"MA\") { id version } }", new { k = world.Key })).EnsureNoErrors().Data("createCity");
        const string Save = "mutation($id: ID!, $v: Int!, $p: CityMigrationProfileInput!, $s: MeetingVisibility) { saveCityProfile(id: $id, expectedVersion: $v, profile: $p, visibility: $s) { version profile { number overview flows actors visibility } } }";
        var first = (await world.Administrator.GraphQLAsync(Save, new
        {
            id = city["id"]!.GetValue<string>(), v = city["version"]!.GetValue<int>(), s = "PARTICIPANTS",
            p = new { overview = "A port city.", flows = "Transit north.", actors = "Municipality." },
        })).EnsureNoErrors().Data("saveCityProfile");

        var second = (await world.Administrator.GraphQLAsync(Save, new { id = city["id"]!.GetValue<string>(), v = first["version"]!.GetValue<int>(), p = new { flows = "Arrivals and transit." } }))
            .EnsureNoErrors().Data("saveCityProfile", "profile");

        Assert.Equal(2, second["number"]!.GetValue<int>());
        Assert.Equal("Arrivals and transit.", second["flows"]!.GetValue<string>());
        Assert.Equal("A port city.", second["overview"]!.GetValue<string>());
        Assert.Equal("Municipality.", second["actors"]!.GetValue<string>());
        Assert.Equal("PARTICIPANTS", second["visibility"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ones_own_profile_changes_only_what_is_sent()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var me = await world.AsAsync("sn1");
        const string Fields = "person { name jobTitle organisation preferredLanguage timeZone version }";
        var before = (await me.GraphQLAsync($"{{ viewer {{ {Fields} }} }}")).EnsureNoErrors().Data("viewer", "person");
        var set = (await me.GraphQLAsync(
            $"mutation($v: Int!) {{ updateMyProfile(expectedVersion: $v, profile: {{ jobTitle: \"Director of Migration Affairs\", organisation: \"Ministry of the Interior\" }}) {{ {Fields} }} }}",
            new { v = before["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateMyProfile", "person");

        var after = (await me.GraphQLAsync(
            $"mutation($v: Int!) {{ updateMyProfile(expectedVersion: $v, profile: {{ organisation: null }}) {{ {Fields} }} }}",
            new { v = set["version"]!.GetValue<int>() })).EnsureNoErrors().Data("updateMyProfile", "person");

        Assert.Equal("Director of Migration Affairs", after["jobTitle"]!.GetValue<string>());
        Assert.Null(after["organisation"]);
        Assert.Equal(("Senegalese Delegate", "fr", "Africa/Dakar"),
            (after["name"]!.GetValue<string>(), after["preferredLanguage"]!.GetValue<string>(), after["timeZone"]!.GetValue<string>()));
    }

    internal static (string? Code, string? Field, string? Reason) Problem(JsonNode error) =>
        (error["extensions"]?["code"]?.GetValue<string>(), error["extensions"]?["field"]?.GetValue<string>(), error["extensions"]?["reason"]?.GetValue<string>());
}
