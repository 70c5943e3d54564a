using Collaboration.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Collaboration.Integrations.Email;

/// <summary>SMTP settings (section <c>Smtp</c>); with no host, mail goes to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one delivery may take before it counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Delivers outbox messages: through an SMTP server with MailKit when one is configured, otherwise into the
/// pickup folder. The message is composed from the outbox item alone, so every retry sends the same bytes
/// under the same Message-ID.
/// </summary>
public sealed class MailTransport(SmtpOptions smtp, PickupFolderOptions pickup, string publicBaseUrl) : IMailTransport
{
    public async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken = default)
    {
        var message = MailComposer.Compose(item, new MailboxAddress(pickup.FromName, pickup.FromAddress), publicBaseUrl);
        if (!smtp.Enabled)
        {
            await PickupFolder.WriteAsync(message, pickup.Directory, cancellationToken);
            return;
        }
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
        {
            throw new UndeliverableException($"The mail server refused {item.To}: {e.Message}", e);
        }
        await client.DisconnectAsync(true, cancellationToken);
    }
}
