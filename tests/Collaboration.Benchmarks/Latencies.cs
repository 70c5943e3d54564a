using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Benchmarks;

/// <summary>Delivery latencies in milliseconds, recorded from many threads.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _values = [];

    public int Count => _values.Count;

    /// <summary>While paused (warming up), nothing is recorded.</summary>
    public bool Paused { get; set; }

    public void RecordSince(long sentTimestamp)
    {
        if (!Paused)
            _values.Add(Stopwatch.GetElapsedTime(sentTimestamp).TotalMilliseconds);
    }

    public void Record(double milliseconds) => _values.Add(milliseconds);

    public double Percentile(double p)
    {
        var sorted = _values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public double Max => _values.IsEmpty ? double.NaN : _values.Max();

    public double Mean => _values.IsEmpty ? double.NaN : _values.Average();
}

/// <summary>CPU time and resident memory of a process, from /proc.</summary>
public static class ProcessMeter
{
    public static TimeSpan CpuTime(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
