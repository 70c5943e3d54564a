using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Collaboration.Notes;
using Collaboration.Server.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Benchmarks;

/// <summary>Whether one append costs more as a meeting's notes grow: acknowledged-append latency by how many entries were already stored.</summary>
public static class AppendCost
{
    public const int Bucket = 500;

    public static async Task<IReadOnlyList<(int From, int To, Latencies Latencies)>> RunAsync(BenchServer server, BenchmarkOptions options)
    {
        var (meetingId, sessionId) = await server.CreateMeetingAsync();
        await using var writer = new HubConnectionBuilder()
            .WithUrl(server.HubUrl, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Authorization"] = "Bearer " + server.Token;
            })
            .AddJsonProtocol(o => NotesJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await writer.StartAsync();
        var text = new string('x', options.PayloadChars);
        var buckets = new List<(int, int, Latencies)>();
        for (var start = 1; start <= options.AppendCostEntries; start += Bucket)
        {
            var latencies = new Latencies();
            for (var i = start; i < start + Bucket && i <= options.AppendCostEntries; i++)
            {
                var sent = Stopwatch.GetTimestamp();
                await writer.InvokeAsync<NoteResult>(nameof(NotesHub.AppendEntry), meetingId, Guid.NewGuid(), sessionId, text, false);
                latencies.RecordSince(sent);
            }
            buckets.Add((start, Math.Min(start + Bucket - 1, options.AppendCostEntries), latencies));
        }
        return buckets;
    }
}
