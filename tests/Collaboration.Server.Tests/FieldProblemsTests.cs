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
}
