namespace Collaboration.Server.Tests;

/// <summary>Cities are chosen, never typed: a member's city and an invitation's city are one of the dialogue's cities, by id.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChosenCityTests(CollaborationFactory factory)
{
    private static async Task<string> CityAsync(MeetingWorld world, string key, string name, string country) =>
        (await world.Administrator.GraphQLAsync("mutation($k: String!, $c: String!, $n: String!, $cc: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: $cc) { id } }",
            new { k = world.Key, c = key, n = name, cc = country })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();

    [Fact]
    public async Task A_city_official_represents_a_city_of_the_dialogue_shown_by_id_and_name_and_is_invited_through_it()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var tangier = await CityAsync(world, "tangier", "Tangier", "MA");
        var other = await MeetingWorld.CreateAsync(factory);
        var elsewhere = await CityAsync(other, "turin", "Turin", "IT");
        const string Add = "mutation($k: String!, $e: String!, $c: ID) { addMember(key: $k, person: { name: \"Tangier Official\", email: $e }, membership: { roles: [CITY_OFFICIAL], cityId: $c }) { members { personId cityId city person { email } } } }";
        var email = $"official-{Guid.NewGuid():N}@example.org";

        var unknown = await world.Administrator.GraphQLAsync(Add, new { k = world.Key, e = email, c = $"{world.Key}/atlantis" });
        var otherDialogues = await world.Administrator.GraphQLAsync(Add, new { k = world.Key, e = email, c = elsewhere });
        var none = await world.Administrator.GraphQLAsync(Add, new { k = world.Key, e = email, c = (string?)null });
        var typed = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Typed\", email: $e }, membership: { roles: [CITY_OFFICIAL], city: \"Tangier\" }) { version } }",
            new { k = world.Key, e = email });
        var member = (await world.Administrator.GraphQLAsync(Add, new { k = world.Key, e = email, c = tangier })).EnsureNoErrors()
            .Data("addMember", "members").AsArray().Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!;

        Assert.Equal(("VALIDATION", "cityId", "UNKNOWN_CITY"), PartialUpdateTests.Problem(unknown.Errors.Single()!));
        Assert.Equal(("VALIDATION", "cityId", "UNKNOWN_CITY"), PartialUpdateTests.Problem(otherDialogues.Errors.Single()!));
        Assert.Equal(("VALIDATION", "cityId", "REQUIRED"), PartialUpdateTests.Problem(none.Errors.Single()!));
        Assert.Equal("VALIDATION", typed.Code); // free text is no longer an input
        Assert.Equal((tangier, "Tangier"), (member["cityId"]!.GetValue<string>(), member["city"]!.GetValue<string>()));

        var meeting = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        const string Invite = "inviteToMeeting(id: $id, targets: $t)";
        var refused = await MeetingWorld.ChangeAsync(world.Administrator, Invite, "($id: ID!, $t: [InvitationTargetInput!]!)", new { id = meeting, t = new[] { new { cityId = elsewhere } } });
        var invited = (await MeetingWorld.ChangeAsync(world.Administrator, Invite, "($id: ID!, $t: [InvitationTargetInput!]!)", new { id = meeting, t = new[] { new { cityId = tangier } } }))
            .EnsureNoErrors().Data("result", "meeting", "invitations").AsArray();

        Assert.Equal(("VALIDATION", "cityId", "UNKNOWN_CITY"), PartialUpdateTests.Problem(refused.Errors.Single()!));
        Assert.Equal([member["personId"]!.GetValue<string>()], invited.Select(i => i!["invitee"]!["personId"]!.GetValue<string>()));
        Assert.Equal("Tangier", invited[0]!["invitee"]!["affiliation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_import_names_cities_by_name_and_a_name_that_is_no_city_of_the_dialogue_is_a_bad_line()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var tangier = await CityAsync(world, "tangier", "Tangier", "MA");
        const string Import = "mutation($k: String!, $csv: String!, $dry: Boolean) { importMembers(key: $k, csv: $csv, dryRun: $dry) { imported problems { line field message } } }";
        var known = $"official-{Guid.NewGuid():N}@example.org";
        var csv = $"email,name,preferredLanguage,roles,partnerStateCode,organisationKey,city\n{known},Tangier Official,fr,CITY_OFFICIAL,,,tangier\n";

        var bad = (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = csv + $"other-{Guid.NewGuid():N}@example.org,Typed Official,en,CITY_OFFICIAL,,,Atlantis\n", dry = false }))
            .EnsureNoErrors().Data("importMembers");
        var good = (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv, dry = false })).EnsureNoErrors().Data("importMembers");
        var members = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { cityId city person { email } } } }", new { k = world.Key }))
            .EnsureNoErrors().Data("dialogue", "members").AsArray();

        Assert.Equal((3, "city"), (bad["problems"]![0]!["line"]!.GetValue<int>(), bad["problems"]![0]!["field"]!.GetValue<string>()));
        Assert.Equal(1, good["imported"]!.GetValue<int>());
        var official = members.Single(m => m!["person"]!["email"]!.GetValue<string>() == known)!;
        Assert.Equal((tangier, "Tangier"), (official["cityId"]!.GetValue<string>(), official["city"]!.GetValue<string>()));
    }
}
