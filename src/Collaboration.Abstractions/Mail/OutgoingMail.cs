namespace Collaboration.Mail;

/// <summary>A message to one recipient, already written in their language.</summary>
public sealed record OutgoingMail(
    string To,
    string ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    string Language);

/// <summary>Hands mail to whatever delivers it (the pickup folder until SMTP is configured).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
