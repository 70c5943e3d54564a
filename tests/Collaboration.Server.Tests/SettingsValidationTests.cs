using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Tests;

/// <summary>A wrong setting stops the server as it starts, with a message that names the setting.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The server in memory with one setting laid over otherwise good ones (its own database, folders and silo ports).</summary>
    private sealed class OneSettingFactory(TemporaryFolder folder, string setting, string value) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:ConnectionString", $"Data Source={folder.Combine("collaboration.db")}");
            builder.UseSetting("Mail:Directory", folder.Combine("mail"));
            builder.UseSetting("Documents:Directory", folder.Combine("documents"));
            builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting(setting, value);
        }
    }

    /// <summary>What a start-up failure says: each message down the chain, and each failure of a validation.</summary>
    private static string Said(Exception e) => string.Join(" | ", Flatten(e));

    private static IEnumerable<string> Flatten(Exception e) => e switch
    {
        AggregateException many => many.InnerExceptions.SelectMany(Flatten),
        OptionsValidationException invalid => invalid.Failures,
        _ when e.InnerException is { } inner => [e.Message, .. Flatten(inner)],
        _ => [e.Message],
    };

    [Theory]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be a TCP port from 1 to 65535.")]
    [InlineData("Storage:Provider", "Mongo", "'Storage:Provider'")]
    [InlineData("Storage:Provider", "7", "Storage:Provider must be one of Sqlite, PostgreSql.")]
    [InlineData("Collaboration:PublicBaseUrl", "localhost:5080", "Collaboration:PublicBaseUrl must be an absolute http or https address")]
    [InlineData("MicrosoftGraph:AuthorityHost", "http://login.example.org/", "MicrosoftGraph:AuthorityHost must be an absolute https address")]
    [InlineData("Outbox:RetryPeriod", "-00:01:00", "Outbox:RetryPeriod must be longer than zero")]
    [InlineData("GraphQL:MaxDepth", "0", "GraphQL:MaxDepth must be a whole number of at least 1.")]
    [InlineData("Network:TrustedProxies:0", "the proxy", "Network:TrustedProxies holds 'the proxy'")]
    public void A_wrong_setting_stops_the_start_and_names_the_setting(string setting, string value, string expected)
    {
        using var factory = new OneSettingFactory(_folder, setting, value);

        var e = Record.Exception(() => factory.Server);

        Assert.NotNull(e);
        Assert.Contains(expected, Said(e), StringComparison.Ordinal);
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
