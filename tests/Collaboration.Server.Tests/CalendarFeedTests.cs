using Ical.Net;

namespace Collaboration.Server.Tests;

/// <summary>Calendar subscriptions: a person's secret, revocable feed of their meetings, and a dialogue's public feed.</summary>
[Collection(ApiCollection.Name)]
public sealed class CalendarFeedTests(CollaborationFactory factory)
{
    private static async Task<string> ScheduledAsync(MeetingWorld world, object details)
    {
        var id = (await world.CreateMeetingAsync(details))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        return id;
    }

    [Fact]
    public async Task A_person_s_feed_holds_their_meetings_and_stops_working_when_replaced_or_revoked()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var mine = await ScheduledAsync(world, MeetingWorld.Details("2031-06-02T09:00", "2031-06-03T17:00"));
        var other = await ScheduledAsync(world, MeetingWorld.Details("2031-06-09T09:00", "2031-06-10T17:00", venue: "Elsewhere"));
        await StateInvitations.InviteStatesAsync(world.Administrator, mine, "EG");
        var delegateClient = await world.AsAsync("eg1");
        var url = new Uri((await delegateClient.GraphQLAsync("mutation { createCalendarFeed }")).EnsureNoErrors().Data("createCalendarFeed").GetValue<string>());

        using var response = await factory.Anonymous().GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal($"{mine.Replace('/', '-')}@collaboration", meeting.Uid);
        Assert.Equal("Europe/Malta", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2031, 6, 2, 9, 0, 0), meeting.DtStart.Value);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Malta");
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith(other.Replace('/', '-'), StringComparison.Ordinal));

        var replacement = new Uri((await delegateClient.GraphQLAsync("mutation { createCalendarFeed }")).Data("createCalendarFeed").GetValue<string>());
        using (var old = await factory.Anonymous().GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        (await delegateClient.GraphQLAsync("mutation { revokeCalendarFeed }")).EnsureNoErrors();
        using (var revoked = await factory.Anonymous().GetAsync(replacement.PathAndQuery, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        using (var guessed = await factory.Anonymous().GetAsync("/calendar/not-a-real-secret.ics", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
    }

    [Fact]
    public async Task A_dialogue_s_public_feed_lists_only_its_public_meetings()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var open = await ScheduledAsync(world, MeetingWorld.Details("2031-07-02T09:00", "2031-07-02T17:00", visibility: "PUBLIC"));
        await ScheduledAsync(world, MeetingWorld.Details("2031-07-09T09:00", "2031-07-09T17:00", visibility: "DIALOGUE_MEMBERS", venue: "Closed room"));

        var calendar = Calendar.Load(await factory.Anonymous().GetStringAsync($"/calendar/public/{world.Key}.ics", TestContext.Current.CancellationToken))!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal($"{open.Replace('/', '-')}@collaboration", Assert.Single(calendar.Events).Uid);
    }

    [Fact]
    public async Task A_draft_is_never_public_not_even_marked_public()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var draft = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-08-02T09:00", "2031-08-02T17:00", visibility: "PUBLIC")))["id"]!.GetValue<string>();
        const string Read = "query($id: ID!) { meeting(id: $id) { id } }";
        const string List = "query($k: String!) { meetings(key: $k) { nodes { id } } }";

        Assert.Equal("NOT_FOUND", (await factory.Anonymous().GraphQLAsync(Read, new { id = draft })).Code);
        Assert.Equal("NOT_FOUND", (await (await world.AsAsync("eg1")).GraphQLAsync(Read, new { id = draft })).Code);
        Assert.DoesNotContain(draft, (await factory.Anonymous().GraphQLAsync(List, new { k = world.Key })).Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, (await (await world.AsAsync("outsider")).GraphQLAsync(List, new { k = world.Key })).Raw, StringComparison.Ordinal);
        Assert.Empty(Calendar.Load(await factory.Anonymous().GetStringAsync($"/calendar/public/{world.Key}.ics", TestContext.Current.CancellationToken))!.Events);

        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id = draft })).EnsureNoErrors();

        Assert.Equal(draft, (await factory.Anonymous().GraphQLAsync(Read, new { id = draft })).EnsureNoErrors().Data("meeting", "id").GetValue<string>());
        Assert.Single(Calendar.Load(await factory.Anonymous().GetStringAsync($"/calendar/public/{world.Key}.ics", TestContext.Current.CancellationToken))!.Events);
    }
}
