namespace Collaboration.Server.Tests;

/// <summary>A person keeps their own profile; a new name shows wherever they are named.</summary>
[Collection(ApiCollection.Name)]
public sealed class OwnProfileTests(CollaborationFactory factory)
{
    [Fact]
    public async Task A_renamed_person_shows_with_the_new_name_in_the_directory_meetings_and_working_groups()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (meetingId, _) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["staff"], invitedStates: ["IT"]);
        (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $c: [ID!]) { createWorkingGroup(key: $k, groupKey: \"wg\", group: { name: \"Silk Routes\", mandate: \"Exchange.\", chairIds: $c }) { id } }",
            new { k = world.Key, c = new[] { world.People["it1"] } })).EnsureNoErrors();
        var me = await world.AsAsync("it1");
        var version = (await me.GraphQLAsync("{ viewer { person { version } } }")).Data("viewer", "person", "version").GetValue<int>();

        (await me.GraphQLAsync("mutation($v: Int!) { updateMyProfile(expectedVersion: $v, profile: { name: \"Giulia Rossi\" }) { person { name } } }", new { v = version })).EnsureNoErrors();

        var meeting = await world.ReadAsync(meetingId);
        Assert.Contains(meeting["coChairs"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "Giulia Rossi");
        Assert.Contains(meeting["invitations"]!.AsArray(), i => i!["invitee"]!["name"]!.GetValue<string>() == "Giulia Rossi");
        var group = (await world.Administrator.GraphQLAsync("query($id: ID!) { workingGroup(id: $id) { chairs { name } } }", new { id = $"{world.Key}/wg" })).EnsureNoErrors();
        Assert.Equal("Giulia Rossi", group.Data("workingGroup", "chairs")[0]!["name"]!.GetValue<string>());
        var listed = (await world.Administrator.GraphQLAsync("query($k: String!) { meetings(key: $k) { nodes { coChairs { name } } } }", new { k = world.Key })).EnsureNoErrors();
        Assert.Contains("Giulia Rossi", listed.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_signed_in_person_changes_a_profile_and_only_their_own()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var anonymous = await factory.Anonymous().GraphQLAsync("mutation { updateMyProfile(expectedVersion: 1, profile: { name: \"X\" }) { person { name } } }");
        var stale = await (await world.AsAsync("eg1")).GraphQLAsync("mutation { updateMyProfile(expectedVersion: 99, profile: { name: \"X\" }) { person { name } } }");
        var email = await (await world.AsAsync("eg1")).GraphQLAsync("mutation { updateMyProfile(expectedVersion: 1, profile: { email: \"x@example.org\" }) { person { name } } }");

        Assert.Equal("UNAUTHENTICATED", anonymous.Code);
        Assert.Equal("CONFLICT", stale.Code);
        Assert.Equal("VALIDATION", email.Code); // the address is no field of one's own profile
        Assert.Equal("Egyptian Delegate", (await (await world.AsAsync("eg1")).GraphQLAsync("{ viewer { person { name } } }")).Data("viewer", "person", "name").GetValue<string>());
    }
}
