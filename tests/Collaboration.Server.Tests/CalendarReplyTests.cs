using Collaboration.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MailKit;
using MailKit.Search;
using MimeKit;

namespace Collaboration.Server.Tests;

/// <summary>The server reading a real IMAP mailbox (Dovecot on loopback) for answers to its invitations.</summary>
public sealed class ImapFactory : CollaborationFactory
{
    public ImapServer Imap { get; } = new();

    /// <summary>The poller runs on real time.</summary>
    protected override bool UsesTestClock => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imap:Host", "127.0.0.1");
        builder.UseSetting("Imap:Port", Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Imap:Security", "None");
        builder.UseSetting("Imap:UserName", ImapServer.UserName);
        builder.UseSetting("Imap:Password", ImapServer.Password);
        builder.UseSetting("Imap:PollInterval", "00:00:00.500");
    }

    public override async ValueTask InitializeAsync()
    {
        await Imap.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Imap.DisposeAsync();
    }
}

public sealed class CalendarReplyTests(ImapFactory factory) : IClassFixture<ImapFactory>
{
    /// <summary>An iMIP REPLY as Outlook sends it when someone clicks Accept, Tentative or Decline.</summary>
    private static MimeMessage Reply(string from, string attendee, string meetingId, string partStat, string method = "REPLY")
    {
        var calendar = new Ical.Net.Calendar { Method = method };
        var answer = new CalendarEvent { Uid = CalendarUid.Of(meetingId), Sequence = 1, DtStamp = new CalDateTime(DateTime.UtcNow), Summary = "Accepted: MTM" };
        answer.Attendees.Add(new Attendee($"mailto:{attendee}") { ParticipationStatus = partStat });
        calendar.Events.Add(answer);
        var part = new TextPart("calendar") { Text = new CalendarSerializer().SerializeToString(calendar) ?? "" };
        part.ContentType.Parameters.Add("method", method);
        var message = new MimeMessage { Subject = $"{partStat}: MTM 10-Year Anniversary Event" };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("secretariat@collaboration.localhost"));
        message.Body = new MultipartAlternative { new TextPart("plain") { Text = partStat }, part };
        return message;
    }

    [Fact]
    public async Task An_Accept_clicked_in_a_mail_client_answers_the_invitation_and_forged_or_foreign_mail_changes_nothing()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();

        using var imap = await factory.Imap.ConnectAsync();
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        // The first delegate accepts. Then the second tries to decline in the first one's name, an uninvited
        // member tries to accept, a request (not a reply) and a note to the secretariat arrive, and last the
        // second delegate answers "tentative" for themself.
        await inbox.AppendAsync(Reply(world.Emails["eg1"], world.Emails["eg1"], id, "ACCEPTED"));
        await inbox.AppendAsync(Reply(world.Emails["eg2"], world.Emails["eg1"], id, "DECLINED"));
        await inbox.AppendAsync(Reply(world.Emails["outsider"], world.Emails["outsider"], id, "ACCEPTED"));
        await inbox.AppendAsync(Reply(world.Emails["eg2"], world.Emails["eg2"], id, "DECLINED", method: "REQUEST"));
        var note = new MimeMessage { Subject = "Thank you for the invitation", Body = new TextPart("plain") { Text = "We look forward to it." } };
        note.From.Add(MailboxAddress.Parse(world.Emails["eg2"]));
        await inbox.AppendAsync(note);
        await inbox.AppendAsync(Reply(world.Emails["eg2"], world.Emails["eg2"], id, "TENTATIVE"));

        string StatusOf(System.Text.Json.Nodes.JsonArray invitations, string alias) =>
            invitations.Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People[alias])!["status"]!.GetValue<string>();
        var answered = await Eventually.Async(async () =>
        {
            var invitations = (await world.ReadAsync(id))["invitations"]!.AsArray();
            return StatusOf(invitations, "eg2") == "TENTATIVE" ? invitations : null;
        }, "the last answer in the mailbox");

        Assert.Equal("ACCEPTED", StatusOf(answered, "eg1"));
        Assert.DoesNotContain(answered, i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People["outsider"]);
        // Applied replies are marked read; what is no answer is left for a person to read.
        await Eventually.Async(async () => (await inbox.SearchAsync(SearchQuery.Seen)).Count == 3 ? "" : null, "three replies marked read");
        var unread = (await inbox.FetchAsync(await inbox.SearchAsync(SearchQuery.NotSeen), MessageSummaryItems.Envelope))
            .Select(m => m.Envelope?.Subject).Order().ToList();
        Assert.Equal(["DECLINED: MTM 10-Year Anniversary Event", "DECLINED: MTM 10-Year Anniversary Event", "Thank you for the invitation"], unread);
        Assert.Contains(factory.Logs.Messages, m => m.Contains("Applied invitation answers", StringComparison.Ordinal));
    }
}
