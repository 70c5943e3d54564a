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
    private HubConnection Connect(string? token)
    {
        var server = factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, NotesHub.Path), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                if (token is not null)
                    o.Headers["Authorization"] = "Bearer " + token;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (token is not null)
                        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
    }

    /// <summary>A meeting with its co-chairs named, Italy and Egypt invited, and a bearer token for each person of the world.</summary>
    private async Task<(MeetingWorld World, string MeetingId, Func<string, Task<string>> TokenOf)> NewMeetingAsync(bool liveNotes = true)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(liveNotes: liveNotes)))["id"]!.GetValue<string>();
        var v = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: $v)",
            "($id: ID!, $c: [ID!]!, $r: [ID!], $v: Int!)", new { id, v, c = new[] { world.People["it1"], world.People["ma1"] }, r = new[] { world.People["staff"] } })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { partnerStateCode = "IT" }, new { partnerStateCode = "EG" } } })).EnsureNoErrors();
        async Task<string> TokenOf(string alias) =>
            (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"hub\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
        return (world, id, TokenOf);
    }

    [Fact]
    public async Task A_connection_without_credentials_is_refused()
    {
        await using var connection = Connect(token: null);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Members_join_a_meeting_and_everyone_in_it_hears_the_presence_count()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        var first = await tokenOf("it1");
        var second = await tokenOf("eg1");
        await using var a = Connect(first);
        var heard = Channel.CreateUnbounded<int>();
        a.On<string, int>(nameof(INotesClient.PresenceChanged), (id, count) => heard.Writer.TryWrite(count));
        await a.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await a.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meeting, TestContext.Current.CancellationToken));
        Assert.Equal(1, await heard.Reader.ReadAsync(TestContext.Current.CancellationToken));

        await using (var b = Connect(second))
        {
            await b.StartAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, await b.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meeting, TestContext.Current.CancellationToken));
            Assert.Equal(2, await heard.Reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(2, await a.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, await heard.Reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await a.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Hub_connections_show_in_the_metrics()
    {
        var (_, _, tokenOf) = await NewMeetingAsync();
        await using var connection = Connect(await tokenOf("staff"));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var metrics = await factory.Anonymous().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("collaboration_hub_connections", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_the_caller_may_not_see_does_not_exist_for_them()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        await using var connection = Connect(await tokenOf("outsider"));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        foreach (var id in (string[])[meeting, meeting[..meeting.IndexOf('/')] + "/no-such-meeting", "no-such-dialogue/meeting"])
        {
            var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), id, TestContext.Current.CancellationToken));
            Assert.Contains("HubException: NOT_FOUND:", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Participants_follow_live_only_when_the_meeting_allows_it_and_organisers_always_do()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync(liveNotes: false);
        await using var participant = Connect(await tokenOf("it2"));
        await participant.StartAsync(TestContext.Current.CancellationToken);
        await using var coChair = Connect(await tokenOf("ma1"));
        await coChair.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => participant.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meeting, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: FORBIDDEN:", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, await coChair.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meeting, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/meeting")]
    [InlineData("dialogue/")]
    [InlineData("a/b/c")]
    public async Task A_malformed_meeting_id_is_a_validation_error_and_keeps_the_connection(string meetingId)
    {
        var (_, _, tokenOf) = await NewMeetingAsync();
        await using var connection = Connect(await tokenOf("staff"));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meetingId, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: VALIDATION:", e.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Presence_is_only_for_meetings_the_caller_joined()
    {
        var (_, meeting, tokenOf) = await NewMeetingAsync();
        await using var connection = Connect(await tokenOf("staff"));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), meeting, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: INVALID_STATE:", e.Message, StringComparison.Ordinal);
    }
}
