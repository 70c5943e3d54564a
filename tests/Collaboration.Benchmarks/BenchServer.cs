using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collaboration.Tests;

namespace Collaboration.Benchmarks;

/// <summary>The real server as a child process, set up with a dialogue whose administrator takes notes.</summary>
public sealed class BenchServer : IAsyncDisposable
{
    /// <summary>
    /// The abuse limits are off: one benchmark person makes thousands of calls a minute, and the figures are
    /// about the work of serving them, not about refusing them.
    /// </summary>
    private static readonly string[] Arguments = ["--RateLimits:GraphQLPerMinute", "0", "--RateLimits:HubCallsPerMinute", "0"];

    private readonly TemporaryFolder _folder;
    private readonly List<(ServerProcess Process, TemporaryFolder Folder)> _moreSilos = [];
    private int _meetings;

    private BenchServer(ServerProcess process, TemporaryFolder folder, string token, string personId)
    {
        Process = process;
        _folder = folder;
        Token = token;
        PersonId = personId;
    }

    public ServerProcess Process { get; private set; }

    /// <summary>Every server process: <see cref="Process"/> first, then the other silos of a cluster.</summary>
    public IReadOnlyList<ServerProcess> Silos => [Process, .. _moreSilos.Select(s => s.Process)];

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Collaboration.Server.dll");

    /// <summary>The server on an empty data folder, with the meeting-page floor loaded (<see cref="MeetingPageFloor"/>).</summary>
    public static Task<ServerProcess> StartProcessAsync(string dataFolder) =>
        ServerProcess.StartAsync(ServerDll, dataFolder, MeetingPageFloor.Environment, Arguments);

    /// <summary>Kills the server (SIGKILL) and starts it again on the same data: every grain is cold afterwards.</summary>
    public async Task RestartAsync()
    {
        await Process.DisposeAsync();
        Process = await StartProcessAsync(_folder.Path);
    }

    public string Token { get; }

    public string PersonId { get; }

    public Uri HubUrl => new(Process.BaseAddress, "/hubs/notes");

    public static async Task<BenchServer> StartAsync()
    {
        var folder = new TemporaryFolder();
        return await SetUpAsync(await StartProcessAsync(folder.Path), folder);
    }

    /// <summary>
    /// A cluster of <paramref name="silos"/> servers on one PostgreSQL database (a private instance on
    /// 127.0.0.1, as the tests start it: default durability, every commit synced), set up through the first.
    /// </summary>
    public static async Task<BenchServer> StartClusterAsync(int silos)
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("bench");
        string[] arguments = [.. Arguments,
            "--Storage:Provider", "PostgreSql", "--Storage:ConnectionString", database,
            "--Orleans:ClusterId", "bench-" + Guid.NewGuid().ToString("N")[..8]];
        var folder = new TemporaryFolder();
        var server = await SetUpAsync(await ServerProcess.StartAsync(ServerDll, folder.Path, arguments), folder);
        for (var i = 1; i < silos; i++)
        {
            var more = new TemporaryFolder();
            server._moreSilos.Add((await ServerProcess.StartAsync(ServerDll, more.Path, arguments), more));
        }
        return server;
    }

    private static async Task<BenchServer> SetUpAsync(ServerProcess process, TemporaryFolder folder)
    {
        using var browser = process.CreateClient();
        var setup = await GraphQLAsync(browser,
            "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Bench Admin\", email: \"bench@example.org\" }) { person { id } } }",
            new { t = process.SetupLink![(process.SetupLink!.IndexOf("token=", StringComparison.Ordinal) + 6)..] });
        var personId = setup["completeSetup"]!["person"]!["id"]!.GetValue<string>();
        var token = (await GraphQLAsync(browser, "mutation { createAccessToken(name: \"bench\") { token } }"))["createAccessToken"]!["token"]!.GetValue<string>();
        var server = new BenchServer(process, folder, token, personId);
        using var admin = process.CreateClient(token);
        await GraphQLAsync(admin, "mutation { createDialogue(key: \"bench\", settings: { name: \"Benchmark Dialogue\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }) { key } }");
        await GraphQLAsync(admin, "mutation { addPartnerState(key: \"bench\", partnerState: { code: \"MT\", name: \"Malta\", regionalGroup: \"European\" }) { version } }");
        await GraphQLAsync(admin, "mutation { addMember(key: \"bench\", person: { name: \"Bench Admin\", email: \"bench@example.org\" }, membership: { roles: [SECRETARIAT] }) { version } }");
        return server;
    }

    /// <summary>A scheduled meeting with one working session, the administrator as rapporteur (a note-taker).</summary>
    public async Task<(string MeetingId, string SessionId)> CreateMeetingAsync()
    {
        using var admin = Process.CreateClient(Token);
        var day = 1 + Interlocked.Increment(ref _meetings) % 27;
        var created = await GraphQLAsync(admin,
            "mutation($d: MeetingDetailsInput!) { createMeeting(key: \"bench\", details: $d) { meeting { id version } } }",
            new
            {
                d = new
                {
                    titles = new[] { new { language = "en", text = "Benchmark meeting" } },
                    type = "EXPERT_MEETING", hostCountry = "MT", city = "Valletta", timeZone = "Europe/Malta",
                    startsLocal = $"2040-01-{day:00}T08:00", endsLocal = $"2040-01-{day:00}T20:00", workingLanguages = new[] { "en" },
                },
            });
        var id = created["createMeeting"]!["meeting"]!["id"]!.GetValue<string>();
        var session = await GraphQLAsync(admin,
            "mutation($id: ID!, $v: Int!) { addWorkingSession(id: $id, expectedVersion: $v, session: { title: \"Session\", startsLocal: \"" + $"2040-01-{day:00}T09:00" + "\", endsLocal: \"" + $"2040-01-{day:00}T18:00" + "\" }) { meeting { version sessions { id } } } }",
            new { id, v = created["createMeeting"]!["meeting"]!["version"]!.GetValue<int>() });
        var meeting = session["addWorkingSession"]!["meeting"]!;
        await GraphQLAsync(admin, "mutation($id: ID!, $v: Int!, $me: ID!) { setMeetingChairs(id: $id, expectedVersion: $v, coChairIds: [], rapporteurIds: [$me]) { meeting { id } } }",
            new { id, v = meeting["version"]!.GetValue<int>(), me = PersonId });
        await GraphQLAsync(admin, "mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", new { id });
        return (id, meeting["sessions"]![0]!["id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> GraphQLAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not null)
            throw new InvalidOperationException(body.ToJsonString());
        return body["data"]!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, folder) in _moreSilos)
        {
            await process.DisposeAsync();
            folder.Dispose();
        }
        await Process.DisposeAsync();
        _folder.Dispose();
    }
}
