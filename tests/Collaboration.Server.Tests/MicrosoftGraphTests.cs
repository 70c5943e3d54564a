using System.Text.Json.Nodes;
using Collaboration.Mail;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Server.Tests;

/// <summary>The server with Microsoft Graph configured against <see cref="GraphStandIn"/>: the real Graph SDK and Azure.Identity on loopback.</summary>
public sealed class GraphFactory : CollaborationFactory
{
    public GraphStandIn Graph { get; private set; } = null!;

    /// <summary>The outbox retries on real time, as Orleans' reminder timers do.</summary>
    protected override bool UsesTestClock => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MicrosoftGraph:Mailbox", GraphStandIn.Mailbox);
        builder.UseSetting("MicrosoftGraph:TenantId", GraphStandIn.TenantId);
        builder.UseSetting("MicrosoftGraph:ClientId", GraphStandIn.ClientId);
        builder.UseSetting("MicrosoftGraph:ClientSecret", GraphStandIn.ClientSecret);
        builder.UseSetting("MicrosoftGraph:AuthorityHost", Graph.Authority);
        builder.UseSetting("MicrosoftGraph:BaseUrl", Graph.GraphUrl);
        builder.UseSetting("Outbox:RetryPeriod", "00:00:01");
        builder.UseSetting("Outbox:MaxBackoff", "00:00:02");
        builder.ConfigureTestServices(services => services.AddSingleton<Azure.Core.TokenCredential>(Graph.Credential()));
    }

    public override async ValueTask InitializeAsync()
    {
        Graph = await GraphStandIn.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GraphCollection : ICollectionFixture<GraphFactory>
{
    public const string Name = "microsoft-graph";
}

[Collection(GraphCollection.Name)]
public sealed class MicrosoftGraphTests(GraphFactory factory)
{
    private async Task<(MeetingWorld World, string Id)> ScheduledHybridAsync(string? ownLink = null, Action<string>? beforeScheduling = null)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var meeting = await world.CreateMeetingAsync(MeetingWorld.Details(format: "HYBRID", onlineMeetingUrl: ownLink, visibility: "DIALOGUE_MEMBERS"));
        var id = meeting["id"]!.GetValue<string>();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        beforeScheduling?.Invoke(id);
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        return (world, id);
    }

    private Task<JsonObject> EventOfAsync(string meetingId, Func<JsonObject, bool>? until = null) => Eventually.Async(() => Task.FromResult(
        factory.Graph.Events.Values.FirstOrDefault(e => e["transactionId"]?.GetValue<string>() == SecretariatEvent.TransactionIdOf(meetingId) && (until?.Invoke(e) ?? true))),
        $"the secretariat's event of {meetingId}");

    private IEnumerable<Ical.Net.Calendar> CalendarsTo(string email) =>
        factory.MailTo(email).Where(m => m.BodyParts.OfType<MimeKit.TextPart>().Any(p => p.ContentType.MediaSubtype == "calendar")).Select(CalendarOf);

    private static Ical.Net.Calendar CalendarOf(MimeKit.MimeMessage message) =>
        Ical.Net.Calendar.Load(message.BodyParts.OfType<MimeKit.TextPart>().Single(p => p.ContentType.MediaSubtype == "calendar").Text)!;

    [Fact]
    public async Task A_scheduled_hybrid_meeting_becomes_one_Teams_event_despite_a_429_and_its_link_reaches_the_invitations()
    {
        var (world, id) = await ScheduledHybridAsync(beforeScheduling: id => factory.Graph.ThrottleOnce(SecretariatEvent.TransactionIdOf(id)));

        var calendarEvent = await EventOfAsync(id);
        // The stand-in stores the event before it records the answer it gave: wait for the record of the 201 too.
        var creations = await Eventually.Async(() => Task.FromResult(factory.Graph.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal) && r.Json["transactionId"]?.GetValue<string>() == SecretariatEvent.TransactionIdOf(id))
            .ToList() is { } found && found.Any(r => r.Status == 201) ? found : null), "the record of the event's creation");
        Assert.Equal([429, 201], creations.Select(r => r.Status));
        Assert.All(creations, r => Assert.StartsWith("Bearer graph-token-", r.Authorization, StringComparison.Ordinal));
        Assert.Single(factory.Graph.Events.Values, e => e["transactionId"]?.GetValue<string>() == SecretariatEvent.TransactionIdOf(id));
        Assert.Equal($"/v1.0/users/{GraphStandIn.Mailbox}/events", creations[^1].Path);
        Assert.Equal("MTM 10-Year Anniversary Event", calendarEvent["subject"]!.GetValue<string>());
        Assert.Equal("2012-05-22T09:00:00", calendarEvent["start"]!["dateTime"]!.GetValue<string>()[..19]);
        Assert.Equal("W. Europe Standard Time", calendarEvent["start"]!["timeZone"]!.GetValue<string>());
        Assert.Contains("Valletta", calendarEvent["location"]!["displayName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(calendarEvent["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", calendarEvent["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal(
            new[] { world.Emails["eg1"], world.Emails["eg2"] }.Order(),
            calendarEvent["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).Order());

        // The Teams link comes back to the meeting and reaches the invitees as an update of the same invitation.
        var joinUrl = calendarEvent["onlineMeeting"]!["joinUrl"]!.GetValue<string>();
        await Eventually.Async(async () => (await (await world.AsAsync("eg1")).GraphQLAsync("query($id: ID!) { meeting(id: $id) { onlineMeetingUrl } }", new { id }))
            .EnsureNoErrors().Data("meeting")["onlineMeetingUrl"]?.GetValue<string>() == joinUrl ? "" : null, "the join link on the meeting");
        var update = await Eventually.Async(() => Task.FromResult(CalendarsTo(world.Emails["eg1"])
            .FirstOrDefault(c => c.Events.Single().Url?.ToString() == joinUrl)), "an invitation with the join link");
        var first = CalendarsTo(world.Emails["eg1"]).MinBy(c => c.Events.Single().Sequence)!;
        Assert.Equal(first.Events.Single().Uid, update.Events.Single().Uid);
        Assert.True(update.Events.Single().Sequence > first.Events.Single().Sequence);
        Assert.Contains(joinUrl, update.Events.Single().Description, StringComparison.Ordinal);

        // Members who are not participants see the meeting, never the link to join it.
        var outsider = await (await world.AsAsync("outsider")).GraphQLAsync("query($id: ID!) { meeting(id: $id) { id onlineMeetingUrl } }", new { id });
        Assert.Null(outsider.EnsureNoErrors().Data("meeting")["onlineMeetingUrl"]);
    }

    [Fact]
    public async Task Rescheduling_updates_and_cancelling_cancels_the_same_event_and_the_secretariat_s_own_link_makes_no_Teams_meeting()
    {
        const string OwnLink = "https://meet.example.org/mtm-anniversary";
        var (world, id) = await ScheduledHybridAsync(OwnLink);
        var created = await EventOfAsync(id);
        var eventId = created["id"]!.GetValue<string>();
        Assert.False(created["isOnlineMeeting"]!.GetValue<bool>());
        var invitation = await Eventually.Async(() => Task.FromResult(factory.MailTo(world.Emails["eg2"]).FirstOrDefault()), "the invitation");
        Assert.Equal(OwnLink, CalendarOf(invitation).Events.Single().Url!.ToString());
        Assert.Contains($"Join online: {OwnLink}", invitation.TextBody, StringComparison.Ordinal);

        var version = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id, v = version, d = MeetingWorld.Details("2012-05-23T10:00", "2012-05-23T18:00", format: "HYBRID", onlineMeetingUrl: OwnLink, visibility: "DIALOGUE_MEMBERS") })).EnsureNoErrors();
        await EventOfAsync(id, e => e["start"]!["dateTime"]!.GetValue<string>().StartsWith("2012-05-23T10:00:00", StringComparison.Ordinal));
        await Eventually.Async(() => Task.FromResult(factory.Graph.Requests.FirstOrDefault(r => r.Method == "PATCH" && r.Path == $"/v1.0/users/{GraphStandIn.Mailbox}/events/{eventId}")),
            "the record of the event's update");

        (await MeetingWorld.ChangeAsync(world.Administrator, "cancelMeeting(id: $id, reason: $r)", "($id: ID!, $r: String!)", new { id, r = "The host asked to postpone." })).EnsureNoErrors();
        var cancelled = await EventOfAsync(id, e => e["isCancelled"]?.GetValue<bool>() == true);
        Assert.Equal("The host asked to postpone.", cancelled["cancellationComment"]!.GetValue<string>());
        // A sync that raced the creation may have posted again; the transactionId made that the same event.
        Assert.Single(factory.Graph.Events.Values, e => e["transactionId"]?.GetValue<string>() == SecretariatEvent.TransactionIdOf(id));
    }

    [Fact]
    public async Task The_event_s_id_coming_back_from_Graph_does_not_refuse_a_change_read_before_it()
    {
        const string OwnLink = "https://meet.example.org/mtm-anniversary";
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(format: "HYBRID", onlineMeetingUrl: OwnLink, visibility: "DIALOGUE_MEMBERS")))["id"]!.GetValue<string>();
        // The version as scheduling answered it: before Graph created the event.
        var version = (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id }))
            .EnsureNoErrors().Data("result", "meeting", "version").GetValue<int>();
        var eventId = (await EventOfAsync(id))["id"]!.GetValue<string>();
        // The sync is done once the outbox holds nothing pending for the calendar: the meeting has recorded the event's id.
        await factory.WaitForOutboxToDrainAsync("secretariat calendar");

        // The secretariat's change, checked against the version it read, goes through, and reaches the event it recorded.
        (await MeetingWorld.ChangeAsync(world.Administrator, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id, v = version, d = MeetingWorld.Details("2012-05-23T10:00", "2012-05-23T18:00", format: "HYBRID", onlineMeetingUrl: OwnLink, visibility: "DIALOGUE_MEMBERS") })).EnsureNoErrors();
        await Eventually.Async(() => Task.FromResult(factory.Graph.Requests.FirstOrDefault(r => r.Method == "PATCH" && r.Path == $"/v1.0/users/{GraphStandIn.Mailbox}/events/{eventId}")),
            "the update of the event Graph created");
    }

    [Fact]
    public async Task Changes_made_while_the_event_is_being_created_end_up_in_the_one_event()
    {
        var (world, id) = await ScheduledHybridAsync();
        // No waiting: these syncs may race the creation, and Graph dedupes creations by transactionId.
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "SN");
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "MA");

        var wanted = new[] { "eg1", "eg2", "sn1", "ma1", "ma2" }.Select(a => world.Emails[a]).Order().ToList();
        await EventOfAsync(id, e => e["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).Order().SequenceEqual(wanted));
        Assert.Single(factory.Graph.Events.Values, e => e["transactionId"]?.GetValue<string>() == SecretariatEvent.TransactionIdOf(id));
    }

    [Fact]
    public async Task The_scheduling_assistant_avoids_busy_times_from_Graph_and_falls_back_for_people_outside_the_tenant()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        // Staff is in the tenant and busy on the morning of Tuesday 8 March 2033 (08:00–12:00 UTC).
        factory.Graph.Knows(world.Emails["staff"], (new DateTime(2033, 3, 8, 8, 0, 0), new DateTime(2033, 3, 8, 12, 0, 0)));

        var slots = await world.Administrator.GraphQLAsync(
            "query($k: String!, $r: SlotRequestInput!) { suggestMeetingSlots(key: $k, request: $r) { startsAt endsAt } }",
            new
            {
                k = world.Key,
                r = new { personIds = new[] { world.People["staff"], world.People["sn1"] }, from = "2033-03-08", to = "2033-03-08", durationMinutes = 120, timeZone = "Europe/Malta", maxResults = 20 },
            });

        var starts = slots.EnsureNoErrors().Data("suggestMeetingSlots").AsArray().Select(s => DateTimeOffset.Parse(s!["startsAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(starts);
        Assert.All(starts, s => Assert.True(s >= new DateTimeOffset(2033, 3, 8, 12, 0, 0, TimeSpan.Zero), $"{s} overlaps the time Graph says is busy"));
        var asked = await Eventually.Async(() => Task.FromResult(factory.Graph.Requests.LastOrDefault(r => r.Path.EndsWith("/calendar/getSchedule", StringComparison.Ordinal))),
            "the record of the schedule asked");
        Assert.Equal(
            new[] { world.Emails["staff"], world.Emails["sn1"] }.Order(),
            asked.Json["schedules"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
    }
}

/// <summary>Graph switched on with its credentials missing, as an operator might leave it.</summary>
public sealed class MisconfiguredGraphFactory : CollaborationFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MicrosoftGraph:Mailbox", GraphStandIn.Mailbox);
        builder.UseSetting("MicrosoftGraph:TenantId", GraphStandIn.TenantId);
    }
}

public sealed class MisconfiguredGraphTests : IClassFixture<MisconfiguredGraphFactory>
{
    private readonly MisconfiguredGraphFactory factory;

    public MisconfiguredGraphTests(MisconfiguredGraphFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_Graph_misconfiguration_shows_in_health_and_in_the_outbox_and_scheduling_goes_on()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(format: "ONLINE")))["id"]!.GetValue<string>();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "SN");
        var scheduled = await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id });
        Assert.Equal("SCHEDULED", scheduled.EnsureNoErrors().Data("result", "meeting", "status").GetValue<string>());

        async Task<JsonNode> GraphCheckAsync(HttpClient client)
        {
            var report = JsonNode.Parse(await client.GetStringAsync("/health", TestContext.Current.CancellationToken))!;
            return report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "microsoft-graph")!;
        }
        var graph = await GraphCheckAsync(world.Administrator);
        Assert.Equal("Degraded", graph["status"]!.GetValue<string>());
        Assert.Contains("MicrosoftGraph:ClientId is not set", graph["description"]!.GetValue<string>(), StringComparison.Ordinal);
        // Anyone else sees the status, not the description (it names the mailbox and the settings).
        var anonymous = await GraphCheckAsync(factory.Anonymous());
        Assert.Equal(("Degraded", null), (anonymous["status"]!.GetValue<string>(), anonymous["description"]));
        Assert.Equal("Healthy", await factory.Anonymous().GetStringAsync("/health/ready", TestContext.Current.CancellationToken));

        // The calendar sync waits in the outbox with the reason; the invitation itself went out.
        var sync = await Eventually.Async(async () => (await world.Administrator.GraphQLAsync("{ outbox { description status lastError } }"))
            .EnsureNoErrors().Data("outbox").AsArray()
            .SingleOrDefault(m => m!["description"]!.GetValue<string>().Contains(id, StringComparison.Ordinal) && m["lastError"] is not null), "the failed sync in the outbox");
        Assert.Equal("PENDING", sync["status"]!.GetValue<string>());
        Assert.Contains("misconfigured", sync["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.Async(() => Task.FromResult(factory.MailTo(world.Emails["sn1"]).FirstOrDefault()), "the invitation");
    }
}
