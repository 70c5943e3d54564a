using System.Diagnostics;

namespace Collaboration.Server.Tests;

/// <summary>
/// A real IMAP server on 127.0.0.1: Debian's Dovecot (the test command installs dovecot-imapd) with a
/// private configuration, one mailbox and plain-text login, in a folder of its own.
/// </summary>
public sealed class ImapServer : IAsyncDisposable
{
    public const string UserName = "replies@mtm.example";
    public const string Password = "stand-in-imap-secret";

    private readonly TemporaryFolder _folder = new();
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    public async Task StartAsync()
    {
        var root = _folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(root, "home"), (UnixFileMode)0x1FF);
        File.WriteAllText(Path.Combine(root, "users"), $"{UserName}:{{PLAIN}}{Password}\n");
        // As root, Dovecot runs mail processes as nobody; as anyone else, everything runs as that user.
        var isRoot = Environment.UserName == "root";
        var user = Environment.UserName;
        var ids = isRoot ? "uid=65534 gid=65534" : $"uid={Id("-u")} gid={Id("-g")}";
        var unprivileged = isRoot ? "" : $"default_internal_user = {user}\ndefault_login_user = {user}\n";
        File.WriteAllText(Path.Combine(root, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{root}}/home/%u
            {{unprivileged}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/users
            }
            userdb {
              driver = static
              args = {{ids}} home={{root}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service stats {
              unix_listener stats-reader {
                mode = 0666
              }
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/dovecot") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-F", "-c", Path.Combine(root, "dovecot.conf")])
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Dovecot did not start; the test command installs dovecot-imapd.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await LoopbackPort.WaitForAsync(_process, Port, "Dovecot");
    }

    /// <summary>A MailKit client signed in to the mailbox, for the tests to drop mail in and look at it.</summary>
    public async Task<MailKit.Net.Imap.ImapClient> ConnectAsync()
    {
        var client = new MailKit.Net.Imap.ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(UserName, Password);
        return client;
    }

    private static string Id(string option)
    {
        using var id = Process.Start(new ProcessStartInfo("id", option) { RedirectStandardOutput = true })!;
        var value = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _folder.Dispose();
    }
}
