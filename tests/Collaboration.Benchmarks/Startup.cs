using System.Diagnostics;
using Collaboration.Tests;

namespace Collaboration.Benchmarks;

/// <summary>Fresh start of the embedded profile: a new, empty data folder, process start to <c>/health/ready</c> answering 200.</summary>
public static class Startup
{
    public static async Task<List<double>> RunAsync(int runs)
    {
        var seconds = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            using var folder = new TemporaryFolder();
            var clock = Stopwatch.StartNew();
            await using var server = await ServerProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Collaboration.Server.dll"), folder.Path);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        return seconds;
    }
}
