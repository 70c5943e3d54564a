using System.Threading.Channels;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>The notes hub over WebSockets through the test server: authentication, joining, presence.</summary>
[Collection(ApiCollection.Name)]
public sealed class NotesHubTests(CollaborationFactory factory)
{
    /// <summary>A meeting with its co-chairs named, Italy and Egypt invited, and a bearer token for each person of the world.</summary>
    private async Task<(MeetingWorld World, string MeetingId, Func<string, Task<string>> TokenOf)> NewMeetingAsync(bool liveNotes = true)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(liveNotes: liveNotes)))["id"]!.GetValue<string>();
        var v = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: $v)",
            "($id: ID!, $c: [ID!]!, $r: [ID!], $v: Int!)", new { id, v, c = new[] { world.People["it1"], world.People["ma1"] }, r = new[] { world.People["staff"] } })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "IT", "EG");
        async Task<string> TokenOf(string alias) =>
            (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"hub\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
        return (world, id, TokenOf);
    }

    [Fact]
    public async Task A_connection_without_credentials_is_refused()
    {
        await using var connection = (await HubClient.ConnectAsync(factory, null, start: false)).Connection;

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Members_join_a_meeting_and_everyone_in_it_hears_the_presence_count()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        var first = await tokenOf("it1");
        var second = await tokenOf("eg1");
        await using var a = await HubClient.ConnectAsync(factory, first);
        async Task<int> PresenceHeard() => (await a.NextAsync(nameof(INotesClient.PresenceChanged)))[1].GetInt32();

        Assert.Equal(1, (await a.JoinAsync(meeting)).Following);
        Assert.Equal(1, await PresenceHeard());

        await using (var b = await HubClient.ConnectAsync(factory, second))
        {
            var joined = await b.JoinAsync(meeting);
            Assert.Equal(2, joined.Following);
            Assert.Equal(1, joined.NoteTakersOnline);
            Assert.Equal(2, await PresenceHeard());
            Assert.Equal(2, await a.Connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, await PresenceHeard());
        Assert.Equal(1, await a.Connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Hub_connections_show_in_the_metrics()
    {
        var (_, _, tokenOf) = await NewMeetingAsync();
        await using var connectionClient = await HubClient.ConnectAsync(factory, await tokenOf("staff"));
        var connection = connectionClient.Connection;

        var metrics = await factory.Anonymous().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("collaboration_hub_connections", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_the_caller_may_not_see_does_not_exist_for_them()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        await using var connectionClient = await HubClient.ConnectAsync(factory, await tokenOf("outsider"));
        var connection = connectionClient.Connection;

        foreach (var id in (string[])[meeting, meeting[..meeting.IndexOf('/')] + "/no-such-meeting", "no-such-dialogue/meeting"])
        {
            var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), id, 0L, TestContext.Current.CancellationToken));
            Assert.Contains("HubException: NOT_FOUND:", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Participants_follow_live_only_when_the_meeting_allows_it_and_organisers_always_do()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync(liveNotes: false);
        await using var participantClient = await HubClient.ConnectAsync(factory, await tokenOf("it2"));
        var participant = participantClient.Connection;
        await using var coChairClient = await HubClient.ConnectAsync(factory, await tokenOf("ma1"));
        var coChair = coChairClient.Connection;

        var e = await Assert.ThrowsAsync<HubException>(() => participant.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meeting, 0L, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: FORBIDDEN:", e.Message, StringComparison.Ordinal);
        Assert.True((await coChairClient.JoinAsync(meeting)).MayWrite);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/meeting")]
    [InlineData("dialogue/")]
    [InlineData("a/b/c")]
    [InlineData(" /meeting")]
    [InlineData("dialogue/\t")]
    public async Task A_malformed_meeting_id_is_a_validation_error_and_keeps_the_connection(string meetingId)
    {
        var (_, _, tokenOf) = await NewMeetingAsync();
        await using var connectionClient = await HubClient.ConnectAsync(factory, await tokenOf("staff"));
        var connection = connectionClient.Connection;

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetingId, 0L, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: VALIDATION:", e.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Presence_is_only_for_meetings_the_caller_joined()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        await using var connectionClient = await HubClient.ConnectAsync(factory, await tokenOf("staff"));
        var connection = connectionClient.Connection;

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: INVALID_STATE:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_of_the_wrong_type_or_number_and_unknown_methods_answer_VALIDATION_and_keep_the_connection()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        await using var coChair = await HubClient.ConnectAsync(factory, await tokenOf("ma1"));
        var connection = coChair.Connection;
        await coChair.JoinAsync(meeting);
        (string Method, object?[] Arguments)[] calls =
        [
            (nameof(NotesHub.AppendEntry), [meeting, "not-a-guid", "session", "Text.", false]),
            (nameof(NotesHub.AppendEntry), [meeting, new JsonObject { ["id"] = 1 }, "session", "Text.", false]),
            (nameof(NotesHub.EditEntry), [meeting, "one", 1, "Text.", false]),
            (nameof(NotesHub.DeleteEntry), [meeting, 1L, 1.5]),
            (nameof(NotesHub.ApproveNotes), [new JsonArray(meeting)]),
            (nameof(NotesHub.JoinMeeting), [meeting, 0L, "one too many"]),
            (nameof(NotesHub.EditEntry), [meeting]),
            ("NoSuchMethod", [meeting]),
        ];

        foreach (var (method, arguments) in calls)
        {
            var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(method, typeof(object), arguments, TestContext.Current.CancellationToken));

            Assert.True(e.Message.Contains("HubException: VALIDATION:", StringComparison.Ordinal), $"{method}: {e.Message}");
            Assert.Contains(method, e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal(1, await connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));
    }
}
