using System.Diagnostics;

namespace Collaboration.Tests;

/// <summary>
/// A private PostgreSQL instance on 127.0.0.1 for the tests, from Debian's packages (the test command installs
/// postgresql): initdb into a folder of its own, started with pg_ctl on a free port, trust authentication for
/// the loopback user <c>collaboration</c>. As root it runs as the <c>postgres</c> system user, as PostgreSQL
/// requires. One instance serves a whole test assembly; each test class makes its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly TemporaryFolder _folder = new();
    private readonly string _bin;
    private int _databases;

    private PostgresServer(string bin) => _bin = bin;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The instance of this test process, started on first use and stopped when the process exits.</summary>
    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new, empty database and its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await RunAsync(Path.Combine(_bin, "createdb"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "collaboration", name);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=collaboration;Pooling=true;Timeout=15";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: the README's test command installs Debian's postgresql package.");
        var server = new PostgresServer(bin);
        var data = server._folder.Combine("data");
        Directory.CreateDirectory(data);
        if (IsRoot)
            await RunAsync("chown", "-R", "postgres:postgres", server._folder.Path);
        await server.AsOwnerAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", "collaboration", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.AsOwnerAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", server._folder.Combine("postgres.log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -k {server._folder.Path} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsOwnerAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsOwnerAsync(Path.Combine(_bin, "pg_ctl"), "-D", _folder.Combine("data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        _folder.Dispose();
    }
}
