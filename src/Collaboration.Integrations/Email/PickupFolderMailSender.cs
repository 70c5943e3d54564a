using Collaboration.Mail;
using MimeKit;

namespace Collaboration.Integrations.Email;

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file into a folder (by default <c>data/mail</c>), where a
/// person or a mail server's pickup service can take it. Files appear whole: written aside, then moved in.
/// </summary>
public sealed class PickupFolderMailSender(PickupFolderOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(new MailboxAddress(null, options.FromAddress).Domain);
        message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        await WriteAsync(message, options.Directory, cancellationToken);
    }

    /// <summary>Writes a message into the folder as a whole file: aside first, then moved in.</summary>
    public static async Task WriteAsync(MimeMessage message, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(FormatOptions.Default, temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}

/// <summary>Where the pickup folder is and whom mail comes from.</summary>
public sealed class PickupFolderOptions
{
    public string Directory { get; set; } = Path.Combine("data", "mail");

    public string FromAddress { get; set; } = "secretariat@collaboration.localhost";

    public string FromName { get; set; } = "Collaboration";
}
