using System.Text.RegularExpressions;

namespace Collaboration.Server.Tests;

/// <summary>
/// A warning reaches the client with its code and the values its sentence takes, named as the placeholders of
/// the web app's <c>reason_{code}</c> message, so the app says it in Arabic, English or French.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class WarningValuesTests(CollaborationFactory factory)
{
    /// <summary>The warning of this code in an answer, with its values by name.</summary>
    private static Dictionary<string, string> ValuesOf(JsonNode warnings, string code)
    {
        var warning = Assert.Single(warnings.AsArray(), w => w!["code"]!.GetValue<string>() == code)!;
        return warning["values"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());
    }

    /// <summary>The placeholders of the web app's English message for a reason.</summary>
    private static string[] PlaceholdersOf(string reason)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            folder = folder.Parent;
        Assert.NotNull(folder);
        var messages = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.FullName, "clients", "web", "src", "i18n", "en.json")))!;
        var message = messages[$"reason_{reason}"]?.GetValue<string>();
        Assert.True(message is not null, $"clients/web/src/i18n/en.json has no reason_{reason}.");
        return [.. Placeholder().Matches(message).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    private static void AssertValuesFit(Dictionary<string, string> values, string code) =>
        Assert.Equal(PlaceholdersOf(code), values.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_taken_venue_and_a_booked_person_carry_the_venue_the_name_and_the_other_meetings_title()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var first = (await world.CreateMeetingAsync(MeetingWorld.Details("2034-02-14T09:00", "2034-02-14T17:00")))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id = first })).EnsureNoErrors();
        var v = (await world.ReadAsync(first))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = first, v, c = new[] { world.People["it1"], world.People["ma1"] } })).EnsureNoErrors();

        var second = await MeetingWorld.ChangeAsync(world.Administrator, "createMeeting(key: $k, details: $d)", "($k: String!, $d: MeetingDetailsInput!)",
            new { k = world.Key, d = MeetingWorld.Details("2034-02-14T15:00", "2034-02-15T12:00") });
        var venue = ValuesOf(second.EnsureNoErrors().Data("result", "warnings"), "VENUE_TAKEN");
        Assert.Equal(("Mediterranean Conference Centre", "MTM 10-Year Anniversary Event"), (venue["venue"], venue["title"]));
        AssertValuesFit(venue, "VENUE_TAKEN");

        var meeting = second.Data("result", "meeting");
        var chairs = await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = meeting["id"]!.GetValue<string>(), v = meeting["version"]!.GetValue<int>(), c = new[] { world.People["it1"], world.People["eg1"] } });
        var booked = ValuesOf(chairs.EnsureNoErrors().Data("result", "warnings"), "PERSON_BOOKED");
        Assert.Equal(("Italian Co-chair", "MTM 10-Year Anniversary Event"), (booked["name"], booked["title"]));
        AssertValuesFit(booked, "PERSON_BOOKED");
    }

    [Fact]
    public async Task An_invitation_of_an_agency_with_nobody_registered_and_co_chairs_of_one_group_carry_the_target_and_the_group()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var id = meeting["id"]!.GetValue<string>();

        var chairs = await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id, v = meeting["version"]!.GetValue<int>(), c = new[] { world.People["ma1"], world.People["eg1"] } });
        var balance = ValuesOf(chairs.EnsureNoErrors().Data("result", "warnings"), "CO_CHAIR_BALANCE");
        Assert.Equal("Arab", balance["group"]);
        AssertValuesFit(balance, "CO_CHAIR_BALANCE");

        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        var invited = await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { organisationKey = "iom" }, new { organisationKey = "unhcr" } } });
        var nobody = ValuesOf(invited.EnsureNoErrors().Data("result", "warnings"), "NO_INVITEES");
        Assert.Equal("IOM", nobody["target"]);
        AssertValuesFit(nobody, "NO_INVITEES");
    }
}
