using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collaboration.Server.Telemetry;

/// <summary>The product's own instruments, beside those of ASP.NET Core, SignalR and Orleans.</summary>
public static class CollaborationMetrics
{
    public const string MeterName = "Collaboration";

    internal static readonly Meter Meter = new(MeterName);

    /// <summary>Live connections to the notes hub on this server.</summary>
    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>(
        "collaboration.hub.connections", "{connection}", "Connections open to the notes hub.");
}

/// <summary>Counts and times every grain call this silo serves, by grain interface, method and outcome.</summary>
public sealed class GrainCallMetrics : IIncomingGrainCallFilter
{
    private static readonly Histogram<double> Duration = CollaborationMetrics.Meter.CreateHistogram<double>(
        "collaboration.grain.call.duration", "s", "Time a grain took to answer a call.");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await context.Invoke();
        }
        catch (Errors.CollaborationException)
        {
            outcome = "refused";
            throw;
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("grain", context.InterfaceName),
                new KeyValuePair<string, object?>("method", context.MethodName),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
