using MimeKit;

namespace Collaboration.Integrations.Email;

/// <summary>Where mail goes when no SMTP server is set (by default <c>data/mail</c>), and whom it comes from.</summary>
public sealed class PickupFolderOptions
{
    public string Directory { get; set; } = Path.Combine("data", "mail");

    public string FromAddress { get; set; } = "secretariat@collaboration.localhost";

    public string FromName { get; set; } = "Collaboration";
}

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file into a folder, where a person or a mail server's
/// pickup service can take it. Files appear whole: written aside, then moved in.
/// </summary>
public static class PickupFolder
{
    public static async Task WriteAsync(MimeMessage message, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(FormatOptions.Default, temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}
