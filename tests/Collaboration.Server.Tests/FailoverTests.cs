using Collaboration.Notes;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>
/// A cluster of three real server processes on loopback with PostgreSQL (a private instance the tests start):
/// a note-taker on silo A, viewers on B and C; B is killed with SIGKILL mid-stream; its viewer moves to C and
/// catches up; every acknowledged entry and meeting change is there afterwards, in order, once.
/// </summary>
public sealed class FailoverTests : IAsyncDisposable
{
    private readonly List<TemporaryFolder> _folders = [];
    private readonly List<ServerProcess> _servers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        foreach (var folder in _folders)
            folder.Dispose();
    }

    private async Task<ServerProcess> StartSiloAsync(string connectionString, string clusterId, bool demo = false)
    {
        var folder = new TemporaryFolder();
        _folders.Add(folder);
        string[] arguments = [
            "--Storage:Provider", "PostgreSql",
            "--Storage:ConnectionString", connectionString,
            "--Orleans:ClusterId", clusterId,
            // Declare a dead silo dead within seconds, not the production default of about a minute.
            "--Orleans:Membership:ProbeTimeout", "00:00:01",
            "--Orleans:Membership:NumMissedProbesLimit", "2",
            "--Orleans:Membership:NumVotesForDeathDeclaration", "1",
            "--Orleans:Membership:TableRefreshTimeout", "00:00:02",
            .. demo ? (string[])["--demo"] : []];
        var server = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, folder.Path, arguments);
        _servers.Add(server);
        return server;
    }

    /// <summary>A viewer: every entry event it receives, by change number.</summary>
    private sealed class Viewer
    {
        public System.Collections.Concurrent.ConcurrentDictionary<long, NoteEntry> Seen { get; } = new();

        public void Listen(HubConnection connection)
        {
            foreach (var name in (string[])[nameof(INotesClient.EntryAdded), nameof(INotesClient.EntryEdited), nameof(INotesClient.EntryDeleted)])
                connection.On<string, NoteEntry>(name, (_, entry) => Seen[entry.Change] = entry);
        }
    }

    /// <summary>Appends until acknowledged: while the cluster notices a dead silo, a call may fail; the client id makes a retry harmless.</summary>
    private static async Task<NoteEntry> AppendAsync(Func<Task<HubConnection>> connect, HubConnection[] writer, string meetingId, string sessionId, string text)
    {
        var clientId = Guid.NewGuid();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                var result = await writer[0].InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), meetingId, clientId, sessionId, text, false, TestContext.Current.CancellationToken);
                if (result.Entry is { } entry)
                    return entry;
                throw new InvalidOperationException($"{result.Code}: {result.Message}");
            }
            catch (Exception e) when (e is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
                if (writer[0].State != HubConnectionState.Connected)
                    writer[0] = await connect();
            }
        }
    }

    /// <summary>Joins as a client does after a reconnect: while the cluster notices a dead silo, a call may fail and is tried again.</summary>
    private static async Task<NotesJoined> JoinAsync(HubConnection connection, string meetingId, long afterChange)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetingId, afterChange, TestContext.Current.CancellationToken);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task Live_notes_survive_the_loss_of_a_silo_and_its_viewers_catch_up_on_another()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("cluster");
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var a = await StartSiloAsync(database, clusterId, demo: true);
        var browser = a.CreateClient();
        var me = (await browser.GraphQLAsync(
            "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Ada\", email: \"ada@example.org\" }) { person { id } } }",
            new { t = CollaborationFactory.TokenOf(a.SetupLink ?? throw new InvalidOperationException(a.Output)) })).EnsureNoErrors().Data("completeSetup", "person", "id").GetValue<string>();
        var token = (await browser.GraphQLAsync("mutation { createAccessToken(name: \"cluster\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
        var b = await StartSiloAsync(database, clusterId);
        var c = await StartSiloAsync(database, clusterId);

        // Several meetings, made through different silos, so their grains spread over the three.
        var admin = a.CreateClient(token);
        (await admin.GraphQLAsync("mutation { addMember(key: \"mtm\", person: { name: \"Ada\", email: \"ada@example.org\" }, membership: { roles: [SECRETARIAT] }) { version } }")).EnsureNoErrors();
        var meetings = new List<(string Id, string Session)>();
        foreach (var (server, i) in new[] { a, b, c, a, b, c }.Select((s, i) => (s, i)))
        {
            var client = server.CreateClient(token);
            var meeting = (await client.GraphQLAsync(
                "mutation($d: MeetingDetailsInput!) { createMeeting(key: \"mtm\", details: $d) { meeting { id version } } }",
                new { d = MeetingWorld.Details($"2031-0{1 + i}-10T09:00", $"2031-0{1 + i}-10T17:00") })).EnsureNoErrors().Data("createMeeting", "meeting");
            var id = meeting["id"]!.GetValue<string>();
            var session = (await client.GraphQLAsync(
                "mutation($id: ID!, $v: Int!) { addWorkingSession(id: $id, expectedVersion: $v, session: { title: \"Opening\", startsLocal: \"" + $"2031-0{1 + i}-10T09:00" + "\", endsLocal: \"" + $"2031-0{1 + i}-10T12:00" + "\" }) { meeting { version sessions { id } } } }",
                new { id, v = meeting["version"]!.GetValue<int>() })).EnsureNoErrors().Data("addWorkingSession", "meeting");
            (await client.GraphQLAsync(
                "mutation($id: ID!, $v: Int!, $me: ID!) { setMeetingChairs(id: $id, expectedVersion: $v, coChairIds: [], rapporteurIds: [$me]) { meeting { id } } }",
                new { id, v = session["version"]!.GetValue<int>(), me })).EnsureNoErrors();
            (await client.GraphQLAsync("mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", new { id })).EnsureNoErrors();
            meetings.Add((id, session["sessions"]![0]!["id"]!.GetValue<string>()));
        }
        var (meetingId, sessionId) = meetings[0];

        // The note-taker writes through A; viewers follow through B and C.
        var writer = new[] { await ServerHub.ConnectAsync(a, token) };
        var viewerB = new Viewer();
        var onB = await ServerHub.ConnectAsync(b, token);
        viewerB.Listen(onB);
        await onB.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetingId, 0L, TestContext.Current.CancellationToken);
        var viewerC = new Viewer();
        var onC = await ServerHub.ConnectAsync(c, token);
        viewerC.Listen(onC);
        await onC.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetingId, 0L, TestContext.Current.CancellationToken);

        var acknowledged = new List<NoteEntry>();
        for (var i = 1; i <= 10; i++)
            acknowledged.Add(await AppendAsync(() => ServerHub.ConnectAsync(a, token), writer, meetingId, sessionId, $"Entry {i}"));
        await Eventually.Async(() => Task.FromResult(viewerB.Seen.Count >= 10 && viewerC.Seen.Count >= 10 ? "" : null), "the first ten entries on B and C");

        // Silo B dies mid-stream; the note-taker goes on.
        await b.KillAsync();
        for (var i = 11; i <= 20; i++)
            acknowledged.Add(await AppendAsync(() => ServerHub.ConnectAsync(a, token), writer, meetingId, sessionId, $"Entry {i}"));

        // B's viewer reconnects to C and asks for everything after the last change it saw.
        var movedB = await ServerHub.ConnectAsync(c, token);
        viewerB.Listen(movedB);
        var lastSeen = viewerB.Seen.Keys.DefaultIfEmpty(0).Max();
        var missed = await JoinAsync(movedB, meetingId, lastSeen);
        foreach (var entry in missed.Entries)
            viewerB.Seen[entry.Change] = entry;
        for (var i = 21; i <= 25; i++)
            acknowledged.Add(await AppendAsync(() => ServerHub.ConnectAsync(a, token), writer, meetingId, sessionId, $"Entry {i}"));

        var expected = acknowledged.Select(e => e.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Entry {i}"), expected);
        foreach (var (viewer, name) in new[] { (viewerB, "B"), (viewerC, "C") })
        {
            await Eventually.Async(() => Task.FromResult(viewer.Seen.Count >= 25 ? "" : null),
                $"all 25 entries at viewer {name} (it has {string.Join(",", viewer.Seen.Keys.Order())}; B saw up to {lastSeen} before; C output: {c.Output[^Math.Min(3000, c.Output.Length)..]})", 30);
            Assert.Equal(expected, viewer.Seen.OrderBy(p => p.Key).Select(p => p.Value.Text));
        }
        var all = await JoinAsync(onC, meetingId, 0L);
        Assert.Equal(expected, all.Entries.Select(e => e.Text));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), all.Entries.Select(e => e.Seq));

        // Every meeting, wherever its grain lived, is there with its state, read through a surviving silo.
        var survivor = c.CreateClient(token);
        foreach (var (id, _) in meetings)
        {
            var read = (await survivor.GraphQLAsync("query($id: ID!) { meeting(id: $id) { status sessions { title } rapporteurs { name } } }", new { id }))
                .EnsureNoErrors().Data("meeting");
            Assert.Equal("SCHEDULED", read["status"]!.GetValue<string>());
            Assert.Equal("Opening", read["sessions"]![0]!["title"]!.GetValue<string>());
            Assert.Equal("Ada", read["rapporteurs"]![0]!["name"]!.GetValue<string>());
        }
        await writer[0].DisposeAsync();
        await movedB.DisposeAsync();
        await onC.DisposeAsync();
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_server_with_one_line_and_a_non_zero_exit()
    {
        var folder = new TemporaryFolder();
        _folders.Add(folder);
        var port = FreePorts.Next();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(typeof(Program).Assembly.Location, folder.Path,
            "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", $"Host=127.0.0.1;Port={port};Database=none;Username=none;Timeout=3"));

        Assert.Contains("The server exited with 3", failure.Message, StringComparison.Ordinal);
        var line = Assert.Single(failure.Message.Split('\n'), l => l.StartsWith("Collaboration cannot start:", StringComparison.Ordinal));
        Assert.Contains("database", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failure.Message, StringComparison.Ordinal);
    }
}
