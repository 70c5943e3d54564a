namespace Collaboration.Server.Tests;

/// <summary>City-to-City through GraphQL: cities, profiles, partnerships, and city officials invited like everyone else.</summary>
[Collection(ApiCollection.Name)]
public sealed class CityApiTests(CollaborationFactory factory)
{
    [Fact]
    public async Task Partnerships_join_cities_of_different_countries_and_city_officials_are_invited_through_the_same_flow()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        const string Create = "mutation($k: String!, $c: String!, $n: String!, $cc: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: $cc, languages: [\"Arabic\"]) { id } }";
        async Task<string> City(string key, string name, string country) =>
            (await world.Administrator.GraphQLAsync(Create, new { k = world.Key, c = key, n = name, cc = country })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        var tangier = await City("tangier", "Tangier", "MA");
        var rabat = await City("rabat", "Rabat", "MA");
        var turin = await City("turin", "Turin", "IT");

        const string Partner = "mutation($k: String!, $c: [ID!]!) { createCityPartnership(key: $k, cityIds: $c, theme: \"Reception of newcomers\", roadmapStart: \"2031-01-01\", roadmapEnd: \"2031-12-31\") { id version } }";
        var oneCountry = await world.Administrator.GraphQLAsync(Partner, new { k = world.Key, c = new[] { tangier, rabat } });
        Assert.Equal(("VALIDATION", "CITIES_IN_ONE_COUNTRY"), (oneCountry.Code, oneCountry.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        var partnership = (await world.Administrator.GraphQLAsync(Partner, new { k = world.Key, c = new[] { tangier, turin } })).EnsureNoErrors().Data("createCityPartnership");
        var id = partnership["id"]!.GetValue<string>();
        var outside = await world.Administrator.GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { addMilestone(id: $id, title: \"Peer visit\", dueDate: \"2032-02-01\", expectedVersion: $v) { version } }",
            new { id, v = partnership["version"]!.GetValue<int>() });
        Assert.Equal(("VALIDATION", "MILESTONE_OUTSIDE_ROADMAP"), (outside.Code, outside.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));

        // A city official of Tangier keeps its profile and is invited to a meeting through the city, landing on their own account.
        var email = $"official-{Guid.NewGuid():N}@example.org";
        var official = (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $e: String!, $c: ID!) { addMember(key: $k, person: { name: \"Tangier Official\", email: $e }, membership: { roles: [CITY_OFFICIAL], cityId: $c }) { members { personId person { email } } } }",
            new { k = world.Key, e = email, c = tangier })).EnsureNoErrors().Data("addMember", "members").AsArray().Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!["personId"]!.GetValue<string>();
        var officialSession = await factory.SignInAsync(email);
        var saved = (await officialSession.GraphQLAsync(
            "mutation($id: ID!) { saveCityProfile(id: $id, profile: { overview: \"A port city of transit and arrival.\" }, expectedVersion: 1) { profile { number overview } officials { personId } viewerMayEdit } }",
            new { id = tangier })).EnsureNoErrors().Data("saveCityProfile");
        Assert.Equal(1, saved["profile"]!["number"]!.GetValue<int>());
        Assert.Equal(official, saved["officials"]![0]!["personId"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("it2")).GraphQLAsync(
            "mutation($id: ID!) { saveCityProfile(id: $id, profile: { overview: \"x\" }, expectedVersion: 2) { id } }", new { id = tangier })).Code);

        var meeting = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id = meeting, t = new object[] { new { cityId = tangier } } })).EnsureNoErrors();
        var invited = (await officialSession.GraphQLAsync("query($id: ID!) { meeting(id: $id) { myInvitation { status } } }", new { id = meeting })).EnsureNoErrors();
        Assert.Equal("INVITED", invited.Data("meeting", "myInvitation", "status").GetValue<string>());
        (await world.Administrator.GraphQLAsync("mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", new { id = meeting })).EnsureNoErrors();
        var joined = await MeetingWorld.ChangeAsync(officialSession, "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id = meeting });
        Assert.Equal("ACCEPTED", joined.EnsureNoErrors().Data("result", "meeting", "myInvitation", "status").GetValue<string>());

        // The partnership links that meeting and one the official is not invited to: they see the first by title, the other only counted.
        var elsewhere = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        var version = (await world.Administrator.GraphQLAsync("query($id: ID!) { cityPartnership(id: $id) { version } }", new { id })).EnsureNoErrors().Data("cityPartnership", "version").GetValue<int>();
        foreach (var linked in new[] { meeting, elsewhere })
            version = (await world.Administrator.GraphQLAsync(
                "mutation($id: ID!, $m: ID!, $v: Int!) { linkPartnershipMeeting(id: $id, meetingId: $m, expectedVersion: $v) { version } }",
                new { id, m = linked, v = version })).EnsureNoErrors().Data("linkPartnershipMeeting", "version").GetValue<int>();
        const string Linked = "query($id: ID!) { cityPartnership(id: $id) { meetingIds meetings { id titles { text } } } }";
        var seen = (await officialSession.GraphQLAsync(Linked, new { id })).EnsureNoErrors().Data("cityPartnership");
        Assert.Equal([meeting, elsewhere], seen["meetingIds"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([meeting], seen["meetings"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        var all = (await world.Administrator.GraphQLAsync(Linked, new { id })).EnsureNoErrors().Data("cityPartnership", "meetings");
        Assert.Equal(new[] { meeting, elsewhere }.Order(StringComparer.Ordinal), all.AsArray().Select(m => m!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // Finding a meeting to link by its title, in any of its languages, whatever the case and accents; only among the meetings the caller sees.
        const string Find = "query($k: String!, $t: String) { meetings(key: $k, filter: { titleContains: $t }, first: 50) { nodes { id } } }";
        async Task<string[]> FindAsync(HttpClient who, string text) =>
            [.. (await who.GraphQLAsync(Find, new { k = world.Key, t = text })).EnsureNoErrors().Data("meetings", "nodes").AsArray().Select(m => m!["id"]!.GetValue<string>())];
        Assert.Equal([meeting], await FindAsync(officialSession, "EVENEMENT du 10e"));
        Assert.Equal(new[] { meeting, elsewhere }.Order(StringComparer.Ordinal), (await FindAsync(world.Administrator, "anniversary event")).Order(StringComparer.Ordinal));
        Assert.Empty(await FindAsync(world.Administrator, "Study visit"));
        var tooLong = await world.Administrator.GraphQLAsync(Find, new { k = world.Key, t = new string('x', 201) });
        Assert.Equal(("VALIDATION", "titleContains"), (tooLong.Code, tooLong.Errors[0]!["extensions"]!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Outside_the_dialogue_its_cities_and_partnerships_do_not_exist()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var member = await world.AsAsync("outsider");
        // A member of another dialogue only.
        var stranger = await (await MeetingWorld.CreateAsync(factory)).AsAsync("eg1");

        foreach (var field in (string[])["cities(key: $k) { id }", "cityPartnerships(key: $k) { id }"])
        {
            Assert.Equal("NOT_FOUND", (await stranger.GraphQLAsync($"query($k: String!) {{ {field} }}", new { k = world.Key })).Code);
            Assert.Null((await member.GraphQLAsync($"query($k: String!) {{ {field} }}", new { k = world.Key })).Code);
        }
    }
}
