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

    internal static (string? Code, string? Field, string? Reason) Problem(JsonNode error) =>
        (error["extensions"]?["code"]?.GetValue<string>(), error["extensions"]?["field"]?.GetValue<string>(), error["extensions"]?["reason"]?.GetValue<string>());
}
