using System.Diagnostics;
using MimeKit;

namespace Collaboration.Server.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's aiosmtpd, which the test command installs) that keeps what it
/// receives in a Maildir. It can be stopped and started again on the same port, to test outages.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public string Maildir => _folder.Combine("maildir");

    /// <summary>Mailboxes whose local part starts with this do not exist: the server refuses them with 550.</summary>
    public const string UnknownMailboxPrefix = "unreachable";

    /// <summary>aiosmtpd's Maildir handler, refusing unknown mailboxes as a real mail server does.</summary>
    private const string Handler = """
        from aiosmtpd.handlers import Mailbox

        class RefusingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("unreachable"):
                    return "550 5.1.1 No such mailbox here"
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    public async Task StartAsync()
    {
        File.WriteAllText(_folder.Combine("refusing_mailbox.py"), Handler);
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _folder.Path;
        foreach (var argument in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "refusing_mailbox.RefusingMailbox", Maildir])
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start; the test command installs python3-aiosmtpd.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await LoopbackPort.WaitForAsync(_process, Port, "aiosmtpd");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folders = new[] { Path.Combine(Maildir, "new"), Path.Combine(Maildir, "cur") }.Where(Directory.Exists);
        return [.. folders.SelectMany(Directory.GetFiles).Select(f => MimeMessage.Load(f))];
    }

    /// <summary>Waits until the messages to an address satisfy a condition, or a generous limit passes.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string to, Func<IReadOnlyList<MimeMessage>, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            var messages = Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == to)).ToList();
            if (done(messages))
                return messages;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return [.. Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == to))];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _folder.Dispose();
    }
}

/// <summary>The server in memory, sending mail through the SMTP server above with a quick retry period.</summary>
public sealed class SmtpFactory : CollaborationFactory
{
    public SmtpServer Smtp { get; } = new();

    /// <summary>Mail, retries and reminders here run on real time, as Orleans' reminder timers do.</summary>
    protected override bool UsesTestClock => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:Timeout", "00:00:05");
        builder.UseSetting("Outbox:RetryPeriod", "00:00:01");
        builder.UseSetting("Outbox:MaxBackoff", "00:00:02");
        builder.UseSetting("Meetings:Reminders:0", "1.00:00:00");
        builder.UseSetting("WorkingGroups:ActionItemCheck", "00:00:01");
    }

    public override IEnumerable<MimeMessage> MailTo(string email) =>
        Smtp.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == email)).OrderByDescending(m => m.Date);

    public override async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SmtpCollection : ICollectionFixture<SmtpFactory>
{
    public const string Name = "smtp";
}
