namespace Collaboration.Server.Tests;

/// <summary>
/// A wrong setting stops the server as it starts, with one line that names the setting. Each case starts the
/// real server process: a host that fails to start inside the test process would share its metrics.
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be a TCP port from 1 to 65535.")]
    [InlineData("Storage:Provider", "Mongo", "'Storage:Provider'")]
    [InlineData("Storage:Provider", "7", "Storage:Provider must be one of Sqlite, PostgreSql.")]
    [InlineData("Collaboration:PublicBaseUrl", "localhost:5080", "Collaboration:PublicBaseUrl must be an absolute http or https address")]
    [InlineData("MicrosoftGraph:AuthorityHost", "http://login.example.org/", "MicrosoftGraph:AuthorityHost must be an absolute https address")]
    [InlineData("Outbox:RetryPeriod", "-00:01:00", "Outbox:RetryPeriod must be longer than zero")]
    [InlineData("GraphQL:MaxDepth", "0", "GraphQL:MaxDepth must be a whole number of at least 1.")]
    [InlineData("Network:TrustedProxies:0", "the proxy", "Network:TrustedProxies holds 'the proxy'")]
    public async Task A_wrong_setting_stops_the_start_and_names_the_setting(string setting, string value, string expected)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(
            typeof(Program).Assembly.Location, _folder.Path, $"--{setting}", value));

        Assert.StartsWith("The server exited with 3:", e.Message, StringComparison.Ordinal);
        var line = Assert.Single(e.Message.Split('\n'), l => l.StartsWith("Collaboration cannot start: ", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_process_says_what_is_wrong_in_one_line_and_exits()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(
            typeof(Program).Assembly.Location, _folder.Path, "--Smtp:Port", "0", "--Imap:PollInterval", "00:00:00"));

        Assert.StartsWith("The server exited with 3:", e.Message, StringComparison.Ordinal);
        Assert.Contains(
            "Collaboration cannot start: Smtp:Port must be a TCP port from 1 to 65535. Imap:PollInterval must be longer than zero (how often the mailbox is read), written like 00:01:00.",
            e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
    }
}
