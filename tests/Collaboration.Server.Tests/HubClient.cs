using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Collaboration.Notes;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>A SignalR connection to the notes hub through the test server, recording every event it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Channel<(string Name, JsonElement[] Arguments)> _events = Channel.CreateUnbounded<(string, JsonElement[])>();

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var (name, arity) in (ValueTuple<string, int>[])[
            (nameof(INotesClient.EntryAdded), 2), (nameof(INotesClient.EntryEdited), 2), (nameof(INotesClient.EntryDeleted), 2),
            (nameof(INotesClient.EditingStarted), 2), (nameof(INotesClient.EditingStopped), 2), (nameof(INotesClient.NoteTakersOnline), 2),
            (nameof(INotesClient.NotesFinalized), 1), (nameof(INotesClient.PresenceChanged), 2), (nameof(INotesClient.NotesAccessRevoked), 1),
            (nameof(INotesClient.NotesReopened), 1), (nameof(INotesClient.SignOffChanged), 2)])
        {
            var types = Enumerable.Repeat(typeof(JsonElement), arity).ToArray();
            connection.On(name, types, arguments =>
            {
                var values = arguments.Select(a => (JsonElement)a!).ToArray();
                _events.Writer.TryWrite((name, values));
                Raw.Enqueue($"{name}({string.Join(", ", values.Select(v => v.GetRawText()))})");
                return Task.CompletedTask;
            });
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Every payload received, as raw JSON: what the leak test searches.</summary>
    public ConcurrentQueue<string> Raw { get; } = new();

    public static async Task<HubClient> ConnectAsync(CollaborationFactory factory, string? token, bool start = true)
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, NotesHub.Path), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (token is not null)
                        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var hub = new HubClient(connection);
        if (start)
            await connection.StartAsync(TestContext.Current.CancellationToken);
        return hub;
    }

    public Task<NotesJoined> JoinAsync(string meetingId, long afterChange = 0) =>
        Connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetingId, afterChange, TestContext.Current.CancellationToken);

    public Task<NoteResult> AppendAsync(string meetingId, string sessionId, string text, Guid? clientId = null, bool notAttribution = false) =>
        Connection.InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), meetingId, clientId ?? Guid.NewGuid(), sessionId, text, notAttribution, TestContext.Current.CancellationToken);

    public Task<NoteResult> EditAsync(string meetingId, long seq, int version, string text, bool notAttribution = false) =>
        Connection.InvokeAsync<NoteResult>(nameof(NotesHub.EditEntry), meetingId, seq, version, text, notAttribution, TestContext.Current.CancellationToken);

    public Task<AttributionCheckResult> CheckAsync(string meetingId, string text) =>
        Connection.InvokeAsync<AttributionCheckResult>(nameof(NotesHub.CheckEntry), meetingId, text, TestContext.Current.CancellationToken);

    public Task<NoteResult> ReviewAsync(string meetingId, long seq, int version) =>
        Connection.InvokeAsync<NoteResult>(nameof(NotesHub.ReviewEntry), meetingId, seq, version, TestContext.Current.CancellationToken);

    public Task<NotesStanding> CloseSessionAsync(string meetingId, string sessionId) =>
        Connection.InvokeAsync<NotesStanding>(nameof(NotesHub.CloseSession), meetingId, sessionId, TestContext.Current.CancellationToken);

    public Task<NotesStanding> ReopenSessionAsync(string meetingId, string sessionId) =>
        Connection.InvokeAsync<NotesStanding>(nameof(NotesHub.ReopenSession), meetingId, sessionId, TestContext.Current.CancellationToken);

    public Task<NotesStanding> ApproveAsync(string meetingId) =>
        Connection.InvokeAsync<NotesStanding>(nameof(NotesHub.ApproveNotes), meetingId, TestContext.Current.CancellationToken);

    public Task<NotesStanding> ReopenNotesAsync(string meetingId, string reason) =>
        Connection.InvokeAsync<NotesStanding>(nameof(NotesHub.ReopenNotes), meetingId, reason, TestContext.Current.CancellationToken);

    /// <summary>Closes every session and has each co-chair approve: the notes become final.</summary>
    public static async Task FinalizeAsync(string meetingId, IReadOnlyList<string> sessionIds, params HubClient[] coChairs)
    {
        foreach (var session in sessionIds)
            await coChairs[0].CloseSessionAsync(meetingId, session);
        foreach (var coChair in coChairs)
            await coChair.ApproveAsync(meetingId);
    }

    public Task<NoteResult> DeleteAsync(string meetingId, long seq, int version) =>
        Connection.InvokeAsync<NoteResult>(nameof(NotesHub.DeleteEntry), meetingId, seq, version, TestContext.Current.CancellationToken);

    /// <summary>The next event of one of these names, skipping others.</summary>
    public async Task<JsonElement[]> NextAsync(params string[] names)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var (name, arguments) = await _events.Reader.ReadAsync(timeout.Token);
            if (names.Contains(name))
                return arguments;
        }
    }

    /// <summary>The next <paramref name="count"/> entry events (added, edited, deleted), as entries.</summary>
    public async Task<List<NoteEntry>> NextEntriesAsync(int count)
    {
        var entries = new List<NoteEntry>();
        while (entries.Count < count)
        {
            var arguments = await NextAsync(nameof(INotesClient.EntryAdded), nameof(INotesClient.EntryEdited), nameof(INotesClient.EntryDeleted));
            entries.Add(arguments[1].Deserialize<NoteEntry>(NotesJson.Options)!);
        }
        return entries;
    }

    /// <summary>Whether an entry event arrived in the next moment (after draining what came before).</summary>
    public async Task<bool> ReceivesEntryWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await NextAsync(nameof(INotesClient.EntryAdded)).WaitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
