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

    private async Task<(string Key, string Token)> NewMemberTokenAsync(string? key = null)
    {
        var admin = factory.Administrator();
        if (key is null)
        {
            key = "h" + Guid.NewGuid().ToString("N")[..10];
            (await admin.GraphQLAsync(
                "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Hub\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }) { key } }",
                new { k = key })).EnsureNoErrors();
        }
        var email = $"hub-{Guid.NewGuid():N}@example.org";
        (await admin.GraphQLAsync(
            "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Hub Member\", email: $e }, membership: { roles: [SECRETARIAT] }) { version } }",
            new { k = key, e = email })).EnsureNoErrors();
        var client = await factory.SignInAsync(email);
        var token = (await client.GraphQLAsync("mutation { createAccessToken(name: \"hub\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
        return (key, token);
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
        var (key, first) = await NewMemberTokenAsync();
        var (_, second) = await NewMemberTokenAsync(key);
        var meeting = $"{key}/expert-meeting-rabat";
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
        var (_, token) = await NewMemberTokenAsync();
        await using var connection = Connect(token);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var metrics = await factory.Anonymous().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("signalr_server_active_connections", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_of_another_dialogue_does_not_exist_for_the_caller()
    {
        var (_, token) = await NewMemberTokenAsync();
        var (otherKey, _) = await NewMemberTokenAsync();
        await using var connection = Connect(token);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), $"{otherKey}/meeting", TestContext.Current.CancellationToken));

        Assert.Contains("HubException: NOT_FOUND:", e.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/meeting")]
    [InlineData("dialogue/")]
    public async Task A_malformed_meeting_id_is_a_validation_error_and_keeps_the_connection(string meetingId)
    {
        var (_, token) = await NewMemberTokenAsync();
        await using var connection = Connect(token);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.JoinMeeting), meetingId, TestContext.Current.CancellationToken));

        Assert.Contains("HubException: VALIDATION:", e.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Presence_is_only_for_meetings_the_caller_joined()
    {
        var (key, token) = await NewMemberTokenAsync();
        await using var connection = Connect(token);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<int>(nameof(NotesHub.GetPresence), $"{key}/meeting", TestContext.Current.CancellationToken));

        Assert.Contains("HubException: INVALID_STATE:", e.Message, StringComparison.Ordinal);
    }
}
