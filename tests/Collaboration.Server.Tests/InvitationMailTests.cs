using System.Net;
using Ical.Net;
using MimeKit;

namespace Collaboration.Server.Tests;

/// <summary>
/// Invitations through a real SMTP server: iMIP REQUEST on scheduling and every change, CANCEL on
/// cancellation, in each invitee's language; an SMTP outage delays mail and never loses or doubles it.
/// </summary>
[Collection(SmtpCollection.Name)]
public sealed class InvitationMailTests(SmtpFactory factory)
{
    private static Calendar CalendarOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar");
        return Calendar.Load(part.Text)!;
    }

    private async Task<(MeetingWorld World, string Id)> ScheduledWithInviteesAsync()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync();
        var id = meeting["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "addWorkingSession(id: $id, session: $s, expectedVersion: $v)", "($id: ID!, $s: WorkingSessionInput!, $v: Int!)",
            new { id, v = meeting["version"]!.GetValue<int>(), s = new { title = "Opening session", startsLocal = "2012-05-22T09:30", endsLocal = "2012-05-22T11:00" } })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG", "SN");
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        return (world, id);
    }

    [Fact]
    public async Task Scheduling_sends_each_invitee_an_iMIP_request_in_their_language()
    {
        var (world, id) = await ScheduledWithInviteesAsync();
        var revision = (await world.ReadAsync(id))["revision"]!.GetValue<int>();

        var arabic = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Count >= 1));
        var french = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["sn1"], m => m.Count >= 1));

        Assert.Equal("ar", arabic.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.StartsWith("دعوة: ", arabic.Subject, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", arabic.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("fr", french.Body!.Headers[HeaderId.ContentLanguage]);
        var calendar = CalendarOf(arabic);
        Assert.Equal("REQUEST", calendar.Method);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal(revision, invitation.Sequence);
        Assert.Equal("Europe/Malta", invitation.DtStart!.TzId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Malta");
        Assert.Equal("mailto:secretariat@collaboration.localhost", invitation.Organizer!.Value!.ToString());
        var attendee = Assert.Single(invitation.Attendees);
        Assert.Equal($"mailto:{world.Emails["eg1"]}", attendee.Value!.ToString());
        Assert.True(attendee.Rsvp);
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
        Assert.Contains("Opening session", invitation.Description, StringComparison.Ordinal);
        Assert.Equal(invitation.Uid, CalendarOf(french).Events.Single().Uid);
    }

    [Fact]
    public async Task A_rescheduled_meeting_sends_a_higher_sequence_and_a_cancelled_one_a_cancel_with_the_same_uid()
    {
        var (world, id) = await ScheduledWithInviteesAsync();
        var to = world.Emails["sn1"];
        var first = CalendarOf(Assert.Single(await factory.Smtp.WaitForAsync(to, m => m.Count >= 1))).Events.Single();

        var before = await world.ReadAsync(id);
        (await MeetingWorld.ChangeAsync(world.Administrator, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id, v = before["version"]!.GetValue<int>(), d = MeetingWorld.Details("2012-05-23T09:00", "2012-05-23T18:00") })).EnsureNoErrors();
        var updateMail = (await factory.Smtp.WaitForAsync(to, m => m.Count >= 2)).OrderBy(m => CalendarOf(m).Events.Single().Sequence).Last();
        var update = CalendarOf(updateMail);
        Assert.Equal("REQUEST", update.Method);
        Assert.Equal(first.Uid, update.Events.Single().Uid);
        Assert.True(update.Events.Single().Sequence > first.Sequence);
        Assert.Equal(new DateTime(2012, 5, 23, 9, 0, 0), update.Events.Single().DtStart!.Value);

        (await MeetingWorld.ChangeAsync(world.Administrator, "cancelMeeting(id: $id, reason: $r)", "($id: ID!, $r: String!)", new { id, r = "The host asked to postpone." })).EnsureNoErrors();
        var cancelMail = (await factory.Smtp.WaitForAsync(to, m => m.Count >= 3)).Single(m => CalendarOf(m).Method == "CANCEL");
        var cancel = CalendarOf(cancelMail);
        Assert.Equal(first.Uid, cancel.Events.Single().Uid);
        Assert.True(cancel.Events.Single().Sequence > update.Events.Single().Sequence);

        // Each names the meeting in the invitee's language, with its new dates in the meeting's zone, and links to its page.
        var page = MeetingPage(world, id);
        Assert.Equal("Mise à jour: Événement du 10e anniversaire du MTM", updateMail.Subject);
        Assert.Contains("Quand: 2012-05-23 09:00 – 2012-05-23 18:00 (Europe/Malta)", updateMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"La page de la réunion: {page}", updateMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{page}\">La page de la réunion</a>", WebUtility.HtmlDecode(updateMail.HtmlBody), StringComparison.Ordinal);
        Assert.Equal("Annulé: Événement du 10e anniversaire du MTM", cancelMail.Subject);
        Assert.Contains("Motif: The host asked to postpone.", cancelMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"La page de la réunion: {page}", cancelMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\"", cancelMail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/rsvp?", cancelMail.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The meeting's page in the web app (clients/web/src/App.tsx: /meetings/:dialogue/:id).</summary>
    private static string MeetingPage(MeetingWorld world, string id) => $"http://localhost/meetings/{world.Key}/{id.Split('/')[1]}";

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient browser, string pathAndQuery, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await browser.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_invitation_names_the_meeting_in_the_invitee_s_language_and_its_answer_page_too()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-05-22T09:00", "2031-05-22T18:00", capacity: 20)))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG", "SN");
        var page = MeetingPage(world, id);

        // The mail: the title in French for the Senegalese delegate; in Arabic the meeting has none, so its first title.
        var french = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["sn1"], m => m.Count >= 1));
        Assert.Equal("Invitation: Événement du 10e anniversaire du MTM", french.Subject);
        Assert.StartsWith("Événement du 10e anniversaire du MTM\n", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("Quand: 2031-05-22 09:00 – 2031-05-22 18:00 (Europe/Malta)", french.TextBody, StringComparison.Ordinal);
        Assert.Contains($"La page de la réunion: {page}", french.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{page}\">La page de la réunion</a>", WebUtility.HtmlDecode(french.HtmlBody), StringComparison.Ordinal);
        var arabic = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Count >= 1));
        Assert.Equal("دعوة: MTM 10-Year Anniversary Event", arabic.Subject);
        Assert.Contains($"صفحة الاجتماع: {page}", arabic.TextBody, StringComparison.Ordinal);

        // The answer link opens a page in the invitee's language that names the meeting and links to it.
        var accept = new Uri(System.Text.RegularExpressions.Regex.Match(french.TextBody!, @"http://localhost/rsvp\?\S*response=accept\S*").Value);
        Assert.EndsWith("&lang=fr", accept.Query, StringComparison.Ordinal);
        var browser = factory.Anonymous();
        var (status, html) = await PageAsync(browser, accept.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Événement du 10e anniversaire du MTM", text, StringComparison.Ordinal);
        Assert.Contains("<bdi>Senegalese Delegate</bdi>, vous êtes invité(e) à :", text, StringComparison.Ordinal);
        Assert.Contains("2031-05-22 09:00 – 2031-05-22 18:00", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Malta", text, StringComparison.Ordinal);
        Assert.Contains("Oui, je serai présent(e)", text, StringComparison.Ordinal);
        Assert.Contains("pas encore de réponse", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{new Uri(page).AbsolutePath}\"", html, StringComparison.Ordinal);

        // Without lang, the browser's language: Arabic, right to left; English when asked.
        var withoutLanguage = accept.PathAndQuery.Replace("&lang=fr", string.Empty, StringComparison.Ordinal);
        var (_, inArabic) = await PageAsync(browser, withoutLanguage, acceptLanguage: "ar-EG,ar;q=0.9");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", inArabic, StringComparison.Ordinal);
        Assert.Contains("نعم، سأحضر", inArabic, StringComparison.Ordinal);
        Assert.Contains("MTM 10-Year Anniversary Event", inArabic, StringComparison.Ordinal);
        var (_, inEnglish) = await PageAsync(browser, withoutLanguage + "&lang=en", acceptLanguage: "fr");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Yes, I will attend", inEnglish, StringComparison.Ordinal);
        Assert.Contains("MTM 10-Year Anniversary Event", inEnglish, StringComparison.Ordinal);
        // With neither, the invitee's own language.
        var (_, unasked) = await PageAsync(browser, withoutLanguage);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", unasked, StringComparison.Ordinal);

        // The answer is confirmed in the form's language, naming the meeting again.
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(accept.Query);
        using (var answered = await browser.PostAsync("/rsvp", new FormUrlEncodedContent(
            [new("meeting", query["meeting"].ToString()), new("token", query["token"].ToString()), new("response", "accept"), new("lang", "ar")]), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var confirmation = await answered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("dir=\"rtl\"", confirmation, StringComparison.Ordinal);
            Assert.Contains("شكرًا لكم. سُجّل ردّكم: قبول الدعوة.", confirmation, StringComparison.Ordinal);
            Assert.Contains("MTM 10-Year Anniversary Event", confirmation, StringComparison.Ordinal);
        }
        Assert.Equal("ACCEPTED", (await world.ReadAsync(id))["invitations"]!.AsArray().Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People["sn1"])!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_damaged_or_forged_answer_link_is_explained_in_the_page_s_language_and_never_echoed_raw()
    {
        var browser = factory.Anonymous();
        const string Hostile = "\"><script>alert(1)</script>";
        var (damaged, html) = await PageAsync(browser, $"/rsvp?meeting={Uri.EscapeDataString(Hostile)}&token=x&response={Uri.EscapeDataString(Hostile)}&lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, damaged);
        Assert.Contains("Ce lien de réponse est incomplet", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        var (forged, arabic) = await PageAsync(browser, $"/rsvp?meeting=mtm%2Fabc&token={Uri.EscapeDataString(Hostile)}&response=accept", acceptLanguage: "ar");
        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.Contains("dir=\"rtl\"", arabic, StringComparison.Ordinal);
        Assert.Contains("رابط الرد هذا لا يعمل", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", arabic, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", arabic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_in_Casablanca_during_Ramadan_arrives_at_ten_o_clock_UTC_plus_0_in_ical_js()
    {
        // Morocco leaves UTC+1 for UTC+0 during Ramadan (7 February to 14 March 2027); a VTIMEZONE that repeats
        // last year's changes had Thunderbird show this meeting an hour early.
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details("2027-02-22T10:00", "2027-02-22T17:00", timeZone: "Africa/Casablanca", host: "MA")))["id"]!.GetValue<string>();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        var mail = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Count >= 1));
        var ics = mail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text;

        var invitation = Assert.Single((await IcalJs.ReadAsync([("invitation", ics)], TestContext.Current.CancellationToken))["invitation"].Events!);

        Assert.Equal("Africa/Casablanca", invitation.Start.Tzid);
        Assert.True(invitation.Start.FromFile);
        Assert.Equal("2027-02-22T10:00:00", invitation.Start.Local);
        Assert.Equal(new DateTimeOffset(2027, 2, 22, 10, 0, 0, TimeSpan.Zero), invitation.Start.Utc);
        Assert.Equal(new DateTimeOffset(2027, 2, 22, 17, 0, 0, TimeSpan.Zero), invitation.End.Utc);
    }

    [Fact]
    public async Task An_SMTP_outage_delays_invitations_and_each_arrives_once_afterwards()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        var it2 = await world.AsAsync("it2");

        await factory.Smtp.StopAsync();
        try
        {
            var invited = await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
                new { id, t = new object[] { new { partnerStateCode = "IT" }, new { organisationKey = "unhcr" } } });
            invited.EnsureNoErrors();
            await StateInvitations.NominateAllAsync(world.Administrator, id, "IT");

            var pending = Array.Empty<JsonNode?>();
            for (var i = 0; i < 100 && !pending.Any(p => p!["attempts"]!.GetValue<int>() >= 1 && p["to"]!.GetValue<string>() == world.Emails["it2"]); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
                pending = [.. (await world.Administrator.GraphQLAsync("{ outbox { to status attempts lastError } }")).EnsureNoErrors().Data("outbox").AsArray()];
            }
            var waiting = pending.Single(p => p!["to"]!.GetValue<string>() == world.Emails["it2"])!;
            Assert.Equal("PENDING", waiting["status"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(waiting["lastError"]!.GetValue<string>()));
            Assert.Equal("FORBIDDEN", (await it2.GraphQLAsync("{ outbox { to } }")).Code);
        }
        finally
        {
            await factory.Smtp.StartAsync();
        }

        static bool IsInvitation(MimeMessage m) => m.BodyParts.OfType<TextPart>().Any(p => p.ContentType.MimeType == "text/calendar");
        foreach (var alias in (string[])["it1", "it2", "unhcr1"])
        {
            var received = await factory.Smtp.WaitForAsync(world.Emails[alias], m => m.Any(IsInvitation));
            Assert.Single(received, IsInvitation);
        }
        // Retries after the outage could send one twice: once nothing waits to go, each must still have one.
        await factory.WaitForOutboxToDrainAsync([.. ((string[])["it1", "it2", "unhcr1"]).Select(a => world.Emails[a])]);
        foreach (var alias in (string[])["it1", "it2", "unhcr1"])
            Assert.Single(factory.Smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == world.Emails[alias]) && IsInvitation(m));
    }

    [Fact]
    public async Task The_signed_links_in_an_invitation_answer_it_without_a_password_and_a_forged_one_changes_nothing()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-05-22T09:00", "2031-05-22T18:00")))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        var mail = Assert.Single(await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Count >= 1));
        var accept = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"http://localhost/rsvp\?\S*response=accept").Value);
        Assert.Contains("response=decline", mail.HtmlBody, StringComparison.Ordinal);
        var browser = factory.Anonymous();

        var page = await browser.GetStringAsync(accept.PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Contains("action=\"/rsvp\"", page, StringComparison.Ordinal);
        Assert.Equal("INVITED", (await world.ReadAsync(id))["invitations"]!.AsArray().Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People["eg1"])!["status"]!.GetValue<string>());

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(accept.Query);
        async Task<HttpResponseMessage> Post(string token) => await browser.PostAsync("/rsvp", new FormUrlEncodedContent(
            [new("meeting", query["meeting"].ToString()), new("token", token), new("response", "accept")]), TestContext.Current.CancellationToken);

        var forged = query["token"].ToString()[..^3] + (query["token"].ToString().EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        using (var refused = await Post(forged))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("forged", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        Assert.Equal("INVITED", (await world.ReadAsync(id))["invitations"]!.AsArray().Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People["eg1"])!["status"]!.GetValue<string>());

        using (var answered = await Post(query["token"].ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Contains("Accepted", await answered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        Assert.Equal("ACCEPTED", (await world.ReadAsync(id))["invitations"]!.AsArray().Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == world.People["eg1"])!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_place_freed_from_the_waitlist_is_announced_in_the_invitee_s_language()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-09-01T09:00", "2031-09-01T17:00", capacity: 1)))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "IT", "SN");
        (await MeetingWorld.ChangeAsync(await world.AsAsync("it2"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(await world.AsAsync("sn1"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();

        (await MeetingWorld.ChangeAsync(await world.AsAsync("it2"), "respondToInvitation(id: $id, response: DECLINE)", "($id: ID!)", new { id })).EnsureNoErrors();

        var notices = await factory.Smtp.WaitForAsync(world.Emails["sn1"], m => m.Any(x => (x.Subject ?? "").StartsWith("Une place pour vous", StringComparison.Ordinal)));
        var notice = Assert.Single(notices, m => (m.Subject ?? "").StartsWith("Une place pour vous", StringComparison.Ordinal));
        Assert.Contains("Événement du 10e anniversaire du MTM", notice.Subject, StringComparison.Ordinal);
        Assert.Contains($"La page de la réunion: {MeetingPage(world, id)}", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{MeetingPage(world, id)}\"", notice.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participants_are_reminded_once_before_the_meeting()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var malta = TimeZoneInfo.FindSystemTimeZoneById("Europe/Malta");
        var starts = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1).AddSeconds(8), malta).DateTime;
        var format = "yyyy-MM-dd'T'HH:mm:ss";
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(
            starts.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            starts.AddHours(8).ToString(format, System.Globalization.CultureInfo.InvariantCulture))))["id"]!.GetValue<string>();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(await world.AsAsync("eg1"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();

        // The meeting starts a day and eight seconds from now: its one-day reminder is due in eight seconds.
        static bool IsReminder(MimeMessage m) => (m.Subject ?? "").StartsWith("تذكير: ", StringComparison.Ordinal);
        for (var i = 0; i < 120 && !factory.MailTo(world.Emails["eg1"]).Any(IsReminder); i++)
            await Task.Delay(500, TestContext.Current.CancellationToken);
        var received = await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Any(IsReminder));
        Assert.True(received.Any(IsReminder), string.Join("\n", factory.Logs.Messages.Where(l => l.Contains("remind", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(20)));
        Assert.Single(received, IsReminder);
        await factory.WaitForOutboxToDrainAsync(world.Emails["eg1"], world.Emails["eg2"]);
        Assert.Single(factory.Smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == world.Emails["eg1"]) && IsReminder(m));
        Assert.DoesNotContain(factory.Smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == world.Emails["eg2"]) && IsReminder(m));
    }

    [Fact]
    public async Task A_refused_address_is_reported_on_the_invitation_and_nothing_else_stops()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var email = $"{SmtpServer.UnknownMailboxPrefix}-{Guid.NewGuid():N}@example.org";
        var added = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Gone Away\", email: $e }, membership: { roles: [DELEGATE], partnerStateCode: \"MT\" }) { members { personId person { email } } } }",
            new { k = world.Key, e = email });
        var personId = added.EnsureNoErrors().Data("addMember", "members").AsArray().Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!["personId"]!.GetValue<string>();
        var id = (await world.CreateMeetingAsync())["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();

        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { personId } } })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");

        string? problem = null;
        for (var i = 0; i < 100 && problem is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            problem = (await world.ReadAsync(id))["invitations"]!.AsArray()
                .Single(x => x!["invitee"]!["personId"]!.GetValue<string>() == personId)!["deliveryProblem"]?.GetValue<string>();
        }
        Assert.Contains("refused", problem, StringComparison.Ordinal);
        var failed = (await world.Administrator.GraphQLAsync("{ outbox { to status } }")).Data("outbox").AsArray().Single(x => x!["to"]!.GetValue<string>() == email)!;
        Assert.Equal("FAILED", failed["status"]!.GetValue<string>());
        Assert.NotEmpty(await factory.Smtp.WaitForAsync(world.Emails["eg1"], m => m.Count >= 1));
    }
}
