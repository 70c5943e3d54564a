using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;

namespace Collaboration.Integrations.Email;

/// <summary>The mailbox that receives answers to invitations (section <c>Imap</c>); off while no host is set.</summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>How often the mailbox is read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Reads invitation answers from an IMAP mailbox with MailKit. Only unread messages that carry a calendar
/// part are downloaded; a message whose answers were all applied is marked read, anything else (a person's
/// own mail to the secretariat, say) is left as it was, so the mailbox can be a human one too.
/// </summary>
public sealed class ImapReplyMailbox(ImapOptions options)
{
    private uint _validity;
    private uint _lastSeen; // UIDs start at 1

    /// <summary>Reads new messages once and hands each answer to <paramref name="apply"/>; answers how many messages were applied.</summary>
    public async Task<int> PollAsync(Func<CalendarReply, Task> apply, CancellationToken cancellationToken)
    {
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        var folder = await client.GetFolderAsync(options.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        if (folder.UidValidity != _validity)
        {
            _validity = folder.UidValidity;
            _lastSeen = 0;
        }

        var applied = 0;
        var unread = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        var fresh = unread.Where(uid => uid.Id > _lastSeen).ToList();
        if (fresh.Count > 0)
        {
            var summaries = await folder.FetchAsync(fresh, MessageSummaryItems.UniqueId | MessageSummaryItems.BodyStructure, cancellationToken);
            foreach (var summary in summaries.OrderBy(s => s.UniqueId))
            {
                if (summary.BodyParts.Any(p => p.ContentType.IsMimeType("text", "calendar") || p.ContentType.IsMimeType("application", "ics")))
                {
                    var message = await folder.GetMessageAsync(summary.UniqueId, cancellationToken);
                    var replies = CalendarReplies.Read(message);
                    foreach (var reply in replies)
                        await apply(reply);
                    if (replies.Count > 0)
                    {
                        await folder.AddFlagsAsync(summary.UniqueId, MessageFlags.Seen, true, cancellationToken);
                        applied++;
                    }
                }
                _lastSeen = summary.UniqueId.Id;
            }
        }
        await client.DisconnectAsync(true, cancellationToken);
        return applied;
    }
}
