using Ical.Net;

namespace Collaboration.Server.Tests;

/// <summary>Working groups through GraphQL: series into meetings and feeds, action items and their reminder by mail.</summary>
[Collection(SmtpCollection.Name)]
public sealed class WorkingGroupApiTests(SmtpFactory factory)
{
    private const string Fields = "id name version viewerMayManage series { recurrenceRule } occurrences { startsLocal meetingId } actionItems { id title status ownerName dueDate }";

    private static async Task<(MeetingWorld World, string Id)> GroupAsync(SmtpFactory factory)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var created = await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $g: WorkingGroupInput!) {{ createWorkingGroup(key: $k, groupKey: \"silk-routes\", group: $g) {{ {Fields} }} }}",
            new
            {
                k = world.Key,
                g = new { name = "Silk Routes working group", mandate = "Exchange on migration along the Silk Routes.", partnerStateCodes = new[] { "EG", "SN" }, chairIds = new[] { world.People["ma1"] } },
            });
        return (world, created.EnsureNoErrors().Data("createWorkingGroup", "id").GetValue<string>());
    }

    [Fact]
    public async Task A_series_reaches_its_members_feeds_as_one_recurring_event_beside_the_meetings_already_scheduled()
    {
        var (world, id) = await GroupAsync(factory);
        var chair = await world.AsAsync("ma1");
        var version = (await chair.GraphQLAsync($"query($id: ID!) {{ workingGroup(id: $id) {{ {Fields} }} }}", new { id })).EnsureNoErrors().Data("workingGroup", "version").GetValue<int>();
        const string SetSeries = "mutation($id: ID!, $s: MeetingSeriesInput!, $v: Int!) { setWorkingGroupSeries(id: $id, series: $s, expectedVersion: $v) { version } }";
        var series = new { recurrenceRule = "FREQ=MONTHLY;BYDAY=2TU", timeZone = "Europe/Malta", firstStartsLocal = "2031-01-14T10:00", durationMinutes = 120, hostCountry = "MT", city = "Valletta" };

        var tooOften = await chair.GraphQLAsync(SetSeries, new { id, v = version, s = series with { recurrenceRule = "FREQ=MINUTELY" } });
        Assert.Equal(("VALIDATION", "RRULE_TOO_FREQUENT"), (tooOften.Code, tooOften.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        (await chair.GraphQLAsync(SetSeries, new { id, v = version, s = series })).EnsureNoErrors();
        var byDelegate = await (await world.AsAsync("eg1")).GraphQLAsync("mutation($id: ID!) { scheduleWorkingGroupMeetings(id: $id, count: 2) { id } }", new { id });
        Assert.Equal("FORBIDDEN", byDelegate.Code);
        var scheduled = (await world.Administrator.GraphQLAsync($"mutation($id: ID!) {{ scheduleWorkingGroupMeetings(id: $id, count: 2) {{ {Fields} }} }}", new { id }))
            .EnsureNoErrors().Data("scheduleWorkingGroupMeetings");
        Assert.Equal(["2031-01-14T10:00", "2031-02-11T10:00"], scheduled["occurrences"]!.AsArray().Select(o => o!["startsLocal"]!.GetValue<string>()));

        // A member through their partner state gets the series (RRULE, without the two scheduled dates) and the two meetings.
        var url = new Uri((await (await world.AsAsync("sn1")).GraphQLAsync("mutation { createCalendarFeed }")).EnsureNoErrors().Data("createCalendarFeed").GetValue<string>());
        var feed = Calendar.Load(await factory.Anonymous().GetStringAsync(url.PathAndQuery, TestContext.Current.CancellationToken))!;
        var seriesEvent = Assert.Single(feed.Events, e => e.RecurrenceRule is not null);
        Assert.Equal($"series-{id.Replace('/', '-')}@collaboration", seriesEvent.Uid);
        Assert.Equal("Silk Routes working group", seriesEvent.Summary);
        Assert.Equal(new DateTime(2031, 1, 14, 10, 0, 0), seriesEvent.DtStart!.Value);
        Assert.Equal("Europe/Malta", seriesEvent.DtStart.TzId);
        Assert.Contains("FREQ=MONTHLY", seriesEvent.RecurrenceRule!.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            [new DateTime(2031, 1, 14, 10, 0, 0), new DateTime(2031, 2, 11, 10, 0, 0)],
            seriesEvent.ExceptionDates.GetAllDates().Select(d => d.Value).Order());
        var occurrenceIds = scheduled["occurrences"]!.AsArray().Select(o => $"{o!["meetingId"]!.GetValue<string>().Replace('/', '-')}@collaboration");
        Assert.Equal(occurrenceIds.Order(), feed.Events.Where(e => e.RecurrenceRule is null).Select(e => e.Uid).Order());
        // The first occurrence the series still shows is the third Tuesday-rule date.
        Assert.Equal(new DateTime(2031, 3, 11, 10, 0, 0), seriesEvent.GetOccurrences(new Ical.Net.DataTypes.CalDateTime(2031, 1, 1)).First().Period.StartTime.Value);

        // A member outside the group has no series in their feed; a person of another dialogue does not see the group.
        var outsiderUrl = new Uri((await (await world.AsAsync("it2")).GraphQLAsync("mutation { createCalendarFeed }")).Data("createCalendarFeed").GetValue<string>());
        Assert.DoesNotContain("RRULE", await factory.Anonymous().GetStringAsync(outsiderUrl.PathAndQuery, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var stranger = await (await (await MeetingWorld.CreateAsync(factory)).AsAsync("eg1")).GraphQLAsync("query($id: ID!) { workingGroup(id: $id) { id } }", new { id });
        Assert.Equal("NOT_FOUND", stranger.Code);
    }

    [Fact]
    public async Task The_owner_of_an_action_item_is_reminded_once_by_mail_in_their_language()
    {
        var (world, id) = await GroupAsync(factory);
        var chair = await world.AsAsync("ma1");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string Add = "mutation($id: ID!, $i: ActionItemInput!) { addActionItem(id: $id, item: $i) { actionItems { id status ownerName } } }";

        var notMember = await chair.GraphQLAsync(Add, new { id, i = new { title = "Draft", ownerId = world.People["it2"], dueDate = tomorrow } });
        Assert.Equal(("VALIDATION", "ownerId"), (notMember.Code, notMember.Errors[0]!["extensions"]!["field"]!.GetValue<string>()));
        (await chair.GraphQLAsync(Add, new { id, i = new { title = "Circulate the draft conclusions", ownerId = world.People["sn1"], dueDate = tomorrow } })).EnsureNoErrors();

        var mail = await factory.Smtp.WaitForAsync(world.Emails["sn1"], m => m.Any(x => x.Subject?.StartsWith("Rappel", StringComparison.Ordinal) == true));
        // Once nothing more waits to go to the owner, there is still one reminder (the item is marked reminded).
        await factory.WaitForOutboxToDrainAsync(world.Emails["sn1"]);
        var reminder = Assert.Single(factory.MailTo(world.Emails["sn1"]), m => m.Subject?.StartsWith("Rappel", StringComparison.Ordinal) == true);
        Assert.Contains("Circulate the draft conclusions", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("Silk Routes working group", reminder.TextBody, StringComparison.Ordinal);
        Assert.NotEmpty(mail);
    }
}
