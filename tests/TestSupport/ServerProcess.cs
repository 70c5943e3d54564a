using System.Diagnostics;
using System.Text;
using System.Net;
using System.Text.RegularExpressions;

namespace Collaboration.Tests;

/// <summary>
/// The real server as a child process (a built Collaboration.Server.dll under <c>dotnet</c>) on loopback
/// ports of its own, with a data folder that outlives the process so a test can kill it and start it again.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>Where the server listens: a port the system picked as the server bound it (port 0), read back from its output.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    /// <summary>The setup link the server printed, when it printed one.</summary>
    public string? SetupLink => SetupLinkPattern().Match(Output) is { Success: true } m ? m.Value : null;

    /// <summary>The process id, for reading its CPU time and memory.</summary>
    public int ProcessId => _process.Id;

    public static Task<ServerProcess> StartAsync(string serverDll, string dataFolder, params string[] extraArguments) =>
        StartAsync(serverDll, dataFolder, new Dictionary<string, string>(), extraArguments);

    /// <summary>As above, with environment variables of its own (the benchmark loads code into the server this way).</summary>
    public static async Task<ServerProcess> StartAsync(string serverDll, string dataFolder, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            serverDll,
            // Port 0: no port is picked before the server binds it, so no other process can take it in between.
            "--urls", "http://127.0.0.1:0",
            "--Collaboration:PublicBaseUrl", "http://127.0.0.1",
            // A silo's ports must be known before it starts (they are its address in the cluster).
            "--Orleans:SiloPort", FreePorts.Next().ToString(),
            "--Orleans:GatewayPort", FreePorts.Next().ToString(),
            "--Logging:LogLevel:Default", "Warning",
            // "Now listening on: …" says which port the server bound.
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
            .. extraArguments])
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    public HttpClient CreateClient(string? bearer = null)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    /// <summary>SIGKILL: the process gets no chance to flush or shut down.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        var listening = DateTime.UtcNow.AddSeconds(90);
        Match address;
        while (!(address = ListeningPattern().Match(Output)).Success)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > listening)
                throw new TimeoutException($"The server did not say where it listens:\n{Output}");
            await Task.Delay(50);
        }
        BaseAddress = new Uri(address.Groups["url"].Value);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(50); // short: the start-up benchmark times this wait
        }
        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1(:\d+)?/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLinkPattern();

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
