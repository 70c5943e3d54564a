using Microsoft.Extensions.DependencyInjection;
using System.Threading.Channels;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>Live meeting pages over the meetings hub: who hears that a meeting changed, and who may follow a dialogue.</summary>
[Collection(ApiCollection.Name)]
public sealed class MeetingsHubTests(CollaborationFactory factory)
{
    /// <summary>A connection to the meetings hub that records the meeting changes it hears.</summary>
    private sealed class MeetingsClient : IAsyncDisposable
    {
        private readonly Channel<(string MeetingId, int Version)> _heard = Channel.CreateUnbounded<(string, int)>();

        private MeetingsClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<string, int>(nameof(IMeetingsClient.MeetingChanged), (id, version) => _heard.Writer.TryWrite((id, version)));
        }

        public HubConnection Connection { get; }

        public static async Task<MeetingsClient> ConnectAsync(CollaborationFactory factory, string token)
        {
            var server = factory.Server;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server.BaseAddress, MeetingsHub.Path), o =>
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.WebSocketFactory = async (context, cancellationToken) =>
                    {
                        var client = server.CreateWebSocketClient();
                        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
                        return await client.ConnectAsync(context.Uri, cancellationToken);
                    };
                })
                .AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions))
                .Build();
            await connection.StartAsync(TestContext.Current.CancellationToken);
            return new MeetingsClient(connection);
        }

        public Task FollowAsync(string dialogueKey) =>
            Connection.InvokeAsync(nameof(MeetingsHub.FollowDialogue), dialogueKey, TestContext.Current.CancellationToken);

        /// <summary>The next meeting change heard (20 seconds at most).</summary>
        public async Task<(string MeetingId, int Version)> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            return await _heard.Reader.ReadAsync(timeout.Token);
        }

        /// <summary>
        /// Waits for this meeting's change to this version, and answers what was heard before it (the invitation
        /// mail, sent meanwhile, may change a meeting too).
        /// </summary>
        public async Task<List<(string MeetingId, int Version)>> UntilAsync(string meetingId, int version)
        {
            var before = new List<(string, int)>();
            for (var heard = await NextAsync(); heard != (meetingId, version); heard = await NextAsync())
                before.Add(heard);
            return before;
        }

        public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
    }

    private static async Task<string> TokenOf(MeetingWorld world, string alias) =>
        (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"meetings-hub\") { token } }"))
        .EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();

    /// <summary>A scheduled meeting with these details, an Italian delegate (it2) invited in person; answers its id.</summary>
    private static async Task<string> ScheduledAsync(MeetingWorld world, object details)
    {
        var id = (await world.CreateMeetingAsync(details))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { personId = world.People["it2"] } } })).EnsureNoErrors();
        return id;
    }

    private static async Task<int> MoveVenueAsync(MeetingWorld world, string id, string venue)
    {
        var v = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        return (await MeetingWorld.ChangeAsync(world.Administrator, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id, v, d = new { venue } })).EnsureNoErrors().Data("result", "meeting", "version").GetValue<int>();
    }

    [Fact]
    public async Task A_participant_hears_that_their_meeting_changed_and_a_member_who_may_not_see_it_does_not()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var closed = await ScheduledAsync(world, MeetingWorld.Details(visibility: "PARTICIPANTS"));
        var open = await ScheduledAsync(world, MeetingWorld.Details("2012-06-22T09:00", "2012-06-22T18:00", visibility: "DIALOGUE_MEMBERS", venue: "Auberge de Castille"));
        await using var participant = await MeetingsClient.ConnectAsync(factory, await TokenOf(world, "it2"));
        await using var member = await MeetingsClient.ConnectAsync(factory, await TokenOf(world, "sn1"));
        await participant.FollowAsync(world.Key);
        await member.FollowAsync(world.Key);

        var version = await MoveVenueAsync(world, closed, "Hilton Malta");
        await participant.UntilAsync(closed, version);

        // The member may see the second meeting: by the time its change arrives, the first one would have.
        var openVersion = await MoveVenueAsync(world, open, "Palazzo Parisio");
        Assert.DoesNotContain((await member.UntilAsync(open, openVersion)), heard => heard.MeetingId == closed);
        await participant.UntilAsync(open, openVersion);
    }

    [Fact]
    public async Task Someone_outside_the_dialogue_cannot_follow_it()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var elsewhere = await MeetingWorld.CreateAsync(factory);
        await using var outsider = await MeetingsClient.ConnectAsync(factory, await TokenOf(elsewhere, "it1"));

        foreach (var key in (string[])[world.Key, "no-such-dialogue"])
        {
            var e = await Assert.ThrowsAsync<HubException>(() => outsider.FollowAsync(key));
            Assert.Contains("HubException: NOT_FOUND:", e.Message, StringComparison.Ordinal);
        }
        var malformed = await Assert.ThrowsAsync<HubException>(() => outsider.FollowAsync("Not a key/"));
        Assert.Contains("HubException: VALIDATION/INVALID_KEY:", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, outsider.Connection.State);
        await outsider.FollowAsync(elsewhere.Key);
    }
}
