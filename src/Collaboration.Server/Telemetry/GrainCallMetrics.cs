using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collaboration.Server.Telemetry;

/// <summary>Counts and times every grain call this silo serves, by grain interface, method and outcome.</summary>
public sealed class GrainCallMetrics : IIncomingGrainCallFilter
{
    public const string MeterName = "Collaboration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
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
