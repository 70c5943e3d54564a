using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Collaboration.Notes;
using Collaboration.Server.Hubs;
using Collaboration.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Collaboration.Benchmarks;

/// <summary>One fan-out run's figures.</summary>
public sealed record FanOutResult(string System, int Viewers, int Meetings, int Rate, TimeSpan Duration, int Appends, long Expected, Latencies Latencies, double ServerCpuPercent, long ServerRssBytes, Latencies? Acknowledgements = null, long? Duplicates = null)
{
    public double DeliveredPerSecond => Latencies.Count / Duration.TotalSeconds;
}

/// <summary>
/// Writers append to M meetings at a steady rate; N viewers spread over the meetings measure how long each
/// entry takes to reach them. The same payloads go through the real server and through a minimal Kestrel
/// WebSocket broadcast (the floor).
/// </summary>
public static class FanOut
{
    /// <summary>Appends before measuring, so that JIT compilation and grain activation do not count.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public const string Embedded = "Collaboration (SignalR, Orleans, SQLite)";

    public const string Cluster = "Collaboration, three silos on PostgreSQL (writers on one, viewers spread over all)";

    /// <summary>
    /// The notes hub under load: writers on the first silo, viewers spread over every silo (one silo in the
    /// embedded profile), so on a cluster most entries cross from the silo that wrote them to the viewer's.
    /// </summary>
    public static async Task<FanOutResult> RunNotesAsync(BenchServer server, int viewers, BenchmarkOptions options, string system = Embedded)
    {
        var silos = server.Silos;
        var meetings = new List<(string Id, string Session)>();
        for (var i = 0; i < options.Meetings; i++)
            meetings.Add(await server.CreateMeetingAsync());
        var latencies = new Latencies();
        long duplicates = 0;

        var viewerConnections = new List<HubConnection>();
        foreach (var batch in Enumerable.Range(0, viewers).Chunk(50))
        {
            viewerConnections.AddRange(await Task.WhenAll(batch.Select(async i =>
            {
                var connection = Connect(server, silos[i % silos.Count]);
                // Each viewer notes the entries it got, so an entry delivered twice shows up as a duplicate.
                var seen = new HashSet<long>();
                connection.On<string, NoteEntry>(nameof(INotesClient.EntryAdded), (_, entry) =>
                {
                    lock (seen)
                    {
                        if (!seen.Add(entry.Seq))
                            Interlocked.Increment(ref duplicates);
                    }
                    latencies.RecordSince(TimestampOf(entry.Text));
                });
                await connection.StartAsync();
                await connection.InvokeAsync<NotesJoined>(nameof(NotesHub.JoinMeeting), meetings[i % meetings.Count].Id, 0L);
                return connection;
            })));
        }
        var writers = await Task.WhenAll(meetings.Select(async m =>
        {
            var connection = Connect(server, server.Process);
            await connection.StartAsync();
            return connection;
        }));

        var acknowledgements = new Latencies();
        async Task Append(int index, string text)
        {
            var sent = Stopwatch.GetTimestamp();
            await writers[index].InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), meetings[index].Id, Guid.NewGuid(), meetings[index].Session, text, false);
            acknowledgements.RecordSince(sent);
        }
        latencies.Paused = acknowledgements.Paused = true;
        await RunWritersAsync(options with { Duration = WarmUp }, meetings.Count, Append);
        await Task.Delay(TimeSpan.FromSeconds(1));
        latencies.Paused = acknowledgements.Paused = false;

        TimeSpan CpuTime() => silos.Aggregate(TimeSpan.Zero, (sum, silo) => sum + ProcessMeter.CpuTime(silo.ProcessId));
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        var appends = await RunWritersAsync(options, meetings.Count, Append);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var elapsed = clock.Elapsed;
        var cpu = (CpuTime() - cpuBefore).TotalSeconds / elapsed.TotalSeconds * 100;
        var rss = silos.Sum(silo => ProcessMeter.ResidentBytes(silo.ProcessId));

        if (Environment.GetEnvironmentVariable("BENCH_GRAIN_METRICS") == "1")
        {
            using var http = server.Process.CreateClient();
            foreach (var line in (await http.GetStringAsync("/metrics")).Split('\n').Where(l => !l.Contains("_bucket", StringComparison.Ordinal) && (l.StartsWith("collaboration_grain_call_duration_seconds_", StringComparison.Ordinal) || l.StartsWith("collaboration_storage_", StringComparison.Ordinal))))
                Console.Error.WriteLine(line);
        }
        await Task.WhenAll(viewerConnections.Concat(writers).Select(c => c.DisposeAsync().AsTask()));
        return new FanOutResult(system, viewers, meetings.Count, options.AppendsPerSecond, options.Duration, appends,
            (long)appends * viewers / meetings.Count, latencies, cpu, rss, acknowledgements, Interlocked.Read(ref duplicates));
    }

    public static async Task<FanOutResult> RunBaselineAsync(int viewers, BenchmarkOptions options)
    {
        await using var floor = await WebSocketFloor.StartAsync();
        var latencies = new Latencies();
        var viewerSockets = new List<ClientWebSocket>();
        var receiving = new List<Task>();
        foreach (var batch in Enumerable.Range(0, viewers).Chunk(50))
        {
            var sockets = await Task.WhenAll(batch.Select(i => floor.ConnectAsync(i % options.Meetings)));
            viewerSockets.AddRange(sockets);
            receiving.AddRange(sockets.Select(s => ReceiveAsync(s, latencies)));
        }
        var writers = await Task.WhenAll(Enumerable.Range(0, options.Meetings).Select(floor.ConnectAsync));

        async Task Append(int index, string text)
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(new { meetingId = $"bench/{index}", entry = new NoteEntry(1, "session", text, 1, 1, false) });
            await writers[index].SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        latencies.Paused = true;
        await RunWritersAsync(options with { Duration = WarmUp }, options.Meetings, Append);
        await Task.Delay(TimeSpan.FromSeconds(1));
        latencies.Paused = false;

        var cpuBefore = ProcessMeter.CpuTime(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        var appends = await RunWritersAsync(options, options.Meetings, Append);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var elapsed = clock.Elapsed;
        var cpu = (ProcessMeter.CpuTime(Environment.ProcessId) - cpuBefore).TotalSeconds / elapsed.TotalSeconds * 100;

        foreach (var socket in viewerSockets.Concat(writers))
            socket.Abort();
        await Task.WhenAll(receiving.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return new FanOutResult("Floor (minimal Kestrel WebSocket broadcast, in the benchmark process)", viewers, options.Meetings, options.AppendsPerSecond, options.Duration, appends,
            (long)appends * viewers / options.Meetings, latencies, cpu, ProcessMeter.ResidentBytes(Environment.ProcessId));
    }

    /// <summary>One loop per meeting appending at the rate; answers how many appends were sent.</summary>
    private static async Task<int> RunWritersAsync(BenchmarkOptions options, int meetings, Func<int, string, Task> append)
    {
        var padding = new string('x', Math.Max(0, options.PayloadChars - 30));
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, meetings).Select(async index =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / options.AppendsPerSecond));
            var stop = Stopwatch.StartNew();
            // Spread the writers over the first period so they do not all fire at once.
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 / options.AppendsPerSecond * index / meetings));
            while (stop.Elapsed < options.Duration && await timer.WaitForNextTickAsync())
            {
                await append(index, $"t={Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture)};{padding}");
                Interlocked.Increment(ref count);
            }
        }));
        return count;
    }

    private static long TimestampOf(string text) => long.Parse(text.AsSpan(2, text.IndexOf(';', StringComparison.Ordinal) - 2), CultureInfo.InvariantCulture);

    private static HubConnection Connect(BenchServer server, Collaboration.Tests.ServerProcess silo) => new HubConnectionBuilder()
        .WithUrl(new Uri(silo.BaseAddress, "/hubs/notes"), o =>
        {
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
            o.Headers["Authorization"] = "Bearer " + server.Token;
        })
        .AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions))
        .Build();

    private static async Task ReceiveAsync(ClientWebSocket socket, Latencies latencies)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var received = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(received), CancellationToken.None);
                received += result.Count;
            }
            while (!result.EndOfMessage);
            using var json = JsonDocument.Parse(buffer.AsMemory(0, received));
            latencies.RecordSince(TimestampOf(json.RootElement.GetProperty("entry").GetProperty("Text").GetString()!));
        }
    }

    /// <summary>The floor: a Kestrel WebSocket endpoint that sends every message it gets to the other sockets of the same room.</summary>
    private sealed class WebSocketFloor : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<int, ConcurrentDictionary<WebSocket, byte>> _rooms = new();
        private WebApplication? _app;
        private Uri _address = null!;

        public static async Task<WebSocketFloor> StartAsync()
        {
            var floor = new WebSocketFloor();
            var builder = WebApplication.CreateSlimBuilder();
            floor._address = new Uri($"ws://127.0.0.1:{FreePorts.Next()}");
            builder.WebHost.UseUrls(floor._address.ToString().Replace("ws://", "http://", StringComparison.Ordinal));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.UseWebSockets();
            app.Map("/ws/{room:int}", async (HttpContext context, int room) =>
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var members = floor._rooms.GetOrAdd(room, _ => new ConcurrentDictionary<WebSocket, byte>());
                members[socket] = 0;
                var buffer = new byte[64 * 1024];
                try
                {
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                        if (result.MessageType == WebSocketMessageType.Close)
                            break;
                        foreach (var other in members.Keys)
                        {
                            if (other != socket && other.State == WebSocketState.Open)
                                await other.SendAsync(buffer.AsMemory(0, result.Count), WebSocketMessageType.Text, true, CancellationToken.None);
                        }
                    }
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    // The benchmark aborts its sockets when a run ends.
                }
                members.TryRemove(socket, out _);
            });
            await app.StartAsync();
            floor._app = app;
            return floor;
        }

        public async Task<ClientWebSocket> ConnectAsync(int room)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(_address, $"/ws/{room}"), CancellationToken.None);
            return socket;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
                await _app.DisposeAsync();
        }
    }
}
