using System.Diagnostics;
using System.Text.Json;
using Collaboration.Tests;

namespace Collaboration.Benchmarks;

/// <summary>
/// The peers: a stock Hocuspocus (Yjs) server from the npm registry as a child process, loaded by the same
/// writers and viewers (Node.js clients in <c>hocuspocus/load.mjs</c>) with the same payloads and rates;
/// once keeping documents in memory, once storing every change with its SQLite extension.
/// </summary>
public static class Hocuspocus
{
    public const string InMemory = "Peer (Hocuspocus 4.7 server, Yjs Y.Array per meeting, Node.js)";

    public const string Persistent = "Peer, persistent (the same, with @hocuspocus/extension-sqlite storing every change)";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "hocuspocus");

    public static async Task<FanOutResult> RunAsync(int viewers, BenchmarkOptions options, bool persistent = false)
    {
        await EnsureInstalledAsync();
        using var data = new TemporaryFolder();
        using var server = persistent ? Start("server.mjs", $"--sqlite={data.Combine("hocuspocus.sqlite")}") : Start("server.mjs");
        var port = 0;
        while (await server.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                port = int.Parse(line["listening ".Length..]);
                break;
            }
        }
        if (port == 0)
            throw new InvalidOperationException("The Hocuspocus server did not start: " + await server.StandardError.ReadToEndAsync());

        try
        {
            using var load = Start("load.mjs",
                $"--url=ws://127.0.0.1:{port}", $"--run=v{viewers}", $"--meetings={options.Meetings}", $"--viewers={viewers}",
                $"--rate={options.AppendsPerSecond}", $"--seconds={options.Duration.TotalSeconds}", $"--warmup={FanOut.WarmUp.TotalSeconds}",
                $"--payload={options.PayloadChars}");
            var errors = load.StandardError.ReadToEndAsync();
            TimeSpan cpuBefore = default;
            var clock = new Stopwatch();
            string? result = null;
            while (await load.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == "measuring")
                {
                    cpuBefore = ProcessMeter.CpuTime(server.Id);
                    clock.Start();
                }
                else if (line == "done")
                {
                    clock.Stop();
                }
                else if (line.StartsWith('{'))
                {
                    result = line;
                }
            }
            await load.WaitForExitAsync();
            if (result is null || !clock.IsRunning && clock.Elapsed == TimeSpan.Zero)
                throw new InvalidOperationException("The Hocuspocus load script failed: " + await errors);
            var cpu = (ProcessMeter.CpuTime(server.Id) - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds * 100;
            var rss = ProcessMeter.ResidentBytes(server.Id);
            using var json = JsonDocument.Parse(result);
            var latencies = new Latencies();
            foreach (var value in json.RootElement.GetProperty("latencies").EnumerateArray())
                latencies.Record(value.GetDouble());
            var appends = json.RootElement.GetProperty("appends").GetInt32();
            return new FanOutResult(persistent ? Persistent : InMemory, viewers, options.Meetings, options.AppendsPerSecond, options.Duration, appends,
                (long)appends * viewers / options.Meetings, latencies, cpu, rss);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>
    /// <c>npm ci</c> from the pinned lock file, once; then better-sqlite3 (the SQLite extension's driver) is
    /// compiled against the local Node.js headers, since npm runs no install scripts and its prebuilt
    /// binaries are downloaded from GitHub, which these machines cannot reach.
    /// </summary>
    private static async Task EnsureInstalledAsync()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@hocuspocus", "extension-sqlite")))
            await RunAsync("npm", "ci --no-audit --no-fund", Folder);
        var driver = Path.Combine(Folder, "node_modules", "better-sqlite3");
        if (!File.Exists(Path.Combine(driver, "build", "Release", "better_sqlite3.node")))
        {
            var node = Path.GetDirectoryName(Path.GetDirectoryName(Which("node")))!;
            await RunAsync("npx", $"--yes node-gyp rebuild --release --nodedir={node}", driver);
        }
    }

    private static string Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists) is { } found
            ? new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found
            : throw new InvalidOperationException($"{program} is not on the PATH.");

    private static async Task RunAsync(string program, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed in {folder} with {process.ExitCode}.");
    }

    private static Process Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
    }
}
