using System.Collections.Concurrent;
using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Server.Tests;

/// <summary>
/// The real server in memory: its own SQLite file, mail folder and silo ports, a clock tests move, and the
/// setup link captured instead of printed. Shared by the API tests through <see cref="ApiCollection"/>.
/// </summary>
public class CollaborationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>The server's clock: it starts at the real time and then stands still until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>GraphQL requests and hub calls per minute per person; 0 switches the limits off.</summary>
    protected virtual int RateLimitPerMinute => 0;

    /// <summary>Sign-in links one client may ask for per hour; 0 switches the limit off.</summary>
    protected virtual int SignInLinksPerClientPerHour => 0;

    /// <summary>Whether the server runs on <see cref="Clock"/> (tests move it) or on the system clock.</summary>
    protected virtual bool UsesTestClock => true;

    public CapturedSetupLinks SetupLinks { get; } = new();

    public string MailFolder => _folder.Combine("mail");

    public string DatabasePath => _folder.Combine("data", "collaboration.db");

    /// <summary>Every log message the server wrote, as formatted text with its structured values.</summary>
    public CapturedLogs Logs => _logs ??= new CapturedLogs(LogCapacity);

    private CapturedLogs? _logs;

    /// <summary>How many log messages are kept (the oldest go first).</summary>
    protected virtual int LogCapacity => 20_000;

    /// <summary>An access token of the first administrator, made through the setup link.</summary>
    public string AdministratorToken { get; private set; } = "";

    public string AdministratorId { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={_folder.Combine("data", "collaboration.db")}");
        builder.UseSetting("Mail:Directory", MailFolder);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting("Collaboration:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Logging:LogLevel:Collaboration", "Debug");
        // As verbose as an operator could make it: the leak test checks that note text still stays out.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.SignalR", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Http.Connections", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", "Trace");
        builder.UseSetting("Documents:Directory", _folder.Combine("documents"));
        // The suite shares one administrator across many tests; RateLimitTests checks the limits themselves.
        builder.UseSetting("RateLimits:GraphQLPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:HubCallsPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignInLinksPerClientPerHour", SignInLinksPerClientPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (UsesTestClock)
                services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ISetupLinkSink>(SetupLinks);
        });
    }

    public virtual async ValueTask InitializeAsync()
    {
        _ = Server; // Starts the host, the silo and the startup tasks.
        var link = SetupLinks.Latest ?? throw new InvalidOperationException("The server printed no setup link.");
        var session = CreateClient();
        var setup = await session.GraphQLAsync(
            "mutation($t: String!) { completeSetup(token: $t, administrator: { name: \"Ada Administrator\", email: \"ada@example.org\" }) { person { id } } }",
            new { t = TokenOf(link) });
        AdministratorId = setup.Data("completeSetup", "person", "id").GetValue<string>();
        var token = await session.GraphQLAsync("mutation { createAccessToken(name: \"tests\") { token } }");
        AdministratorToken = token.Data("createAccessToken", "token").GetValue<string>();
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Administrator() => WithToken(AdministratorToken);

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static string TokenOf(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

    /// <summary>The mail an address received, newest first (the pickup folder here; the SMTP server's mailbox in <see cref="SmtpFactory"/>).</summary>
    public virtual IEnumerable<MimeKit.MimeMessage> MailTo(string email) =>
        !Directory.Exists(MailFolder)
            ? []
            : new DirectoryInfo(MailFolder).GetFiles("*.eml").OrderByDescending(f => f.Name)
                .Select(f => MimeKit.MimeMessage.Load(f.FullName))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == email));

    /// <summary>
    /// Waits until the outbox holds nothing still waiting to go to these addresses: every message to them is
    /// delivered or failed. Mail is queued before a mutation answers, so after this the mailboxes hold all the
    /// mail there will be, and a test can check that something did not arrive without sleeping first.
    /// </summary>
    public async Task WaitForOutboxToDrainAsync(params string[] addresses)
    {
        using var administrator = Administrator();
        await Eventually.Async(async () =>
        {
            var outbox = (await administrator.GraphQLAsync("{ outbox { to status } }")).EnsureNoErrors().Data("outbox").AsArray();
            return outbox.Any(m => m!["status"]!.GetValue<string>() == "PENDING" && addresses.Contains(m["to"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase))
                ? null
                : (object)true;
        }, $"the outbox to send everything to {string.Join(", ", addresses)}");
    }

    /// <summary>The newest sign-in link mailed to an address so far, if any.</summary>
    public string? LatestSignInLink(string email) =>
        MailTo(email)
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", @"http://localhost/sign-in\?token=[A-Za-z0-9_-]+"))
            .FirstOrDefault(m => m.Success)?.Value;

    /// <summary>Waits for a sign-in link (mail leaves through the outbox, a moment after the request).</summary>
    public async Task<string> WaitForSignInLinkAsync(string email, string? notThis = null)
    {
        for (var i = 0; i < 200; i++)
        {
            if (LatestSignInLink(email) is { } link && link != notThis)
                return link;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"No sign-in mail reached {email}.");
    }

    /// <summary>Signs a person in the way a person does: request a link, open the mail, redeem the token.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient();
        var previous = LatestSignInLink(email);
        await client.GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email });
        var link = await WaitForSignInLinkAsync(email, previous);
        (await client.GraphQLAsync("mutation($t: String!) { signIn(token: $t) { person { id } } }", new { t = TokenOf(link) })).EnsureNoErrors();
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

public sealed class CapturedLogs(int capacity) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly int _capacity = capacity;

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            logs._messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            while (logs._messages.Count > logs._capacity && logs._messages.TryDequeue(out _))
            {
            }
        }
    }
}

public sealed class CapturedSetupLinks : ISetupLinkSink
{
    private readonly ConcurrentQueue<string> _links = new();

    public string? Latest => _links.LastOrDefault();

    public void Announce(string link) => _links.Enqueue(link);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<CollaborationFactory>
{
    public const string Name = "api";
}

