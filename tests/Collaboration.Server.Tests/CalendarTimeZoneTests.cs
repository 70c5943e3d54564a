using System.Globalization;
using Collaboration.Integrations.Calendar;
using Collaboration.Integrations.Email;
using Collaboration.Mail;
using Collaboration.Meetings;
using MimeKit;
using NodaTime;
using NodaTime.TimeZones;

namespace Collaboration.Server.Tests;

/// <summary>
/// The VTIMEZONE in invitations and feeds, read by an independent parser (ical.js, as Thunderbird reads it):
/// a meeting's start must be the same instant there as in the tz database, in every zone a dialogue meeting
/// can be hosted in, on every kind of day of a year, the days of daylight-saving and Ramadan changes included.
/// </summary>
public sealed class CalendarTimeZoneTests
{
    private const int Year = 2027;
    private static readonly IDateTimeZoneProvider Tzdb = DateTimeZoneProviders.Tzdb;
    private static readonly MailboxAddress Secretariat = new("MTM Secretariat", "secretariat@collaboration.localhost");

    /// <summary>
    /// Every zone of every partner state of the MTM demo dialogue, as the tz database's zone.tab lists them per
    /// country (Spain's Canaries and Ceuta, Portugal's Azores and Madeira, northern Cyprus…): meetings are
    /// hosted in partner states, and delegates travel from them.
    /// </summary>
    public static IReadOnlyList<string> PartnerStateZones()
    {
        var codes = Demo.DemoDirectory.Read().PartnerStates.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. TzdbDateTimeZoneSource.Default.ZoneLocations!.Where(l => codes.Contains(l.CountryCode)).Select(l => l.ZoneId).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The local starts to check in a zone over the year: 10:00 on the 1st and 15th of each month; and for each of
    /// the year's changes of offset, 10:00 the day before, the day itself and the day after, and two hours either
    /// side of the change. Wall times a change skips or repeats are left out: no file can say which one is meant.
    /// </summary>
    private static IEnumerable<(LocalDateTime Local, Instant Instant)> Starts(DateTimeZone zone)
    {
        var locals = new List<LocalDateTime>();
        for (var month = 1; month <= 12; month++)
            locals.AddRange([new LocalDateTime(Year, month, 1, 10, 0), new LocalDateTime(Year, month, 15, 10, 0)]);
        foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(Year, 1, 1, 0, 0), Instant.FromUtc(Year + 1, 1, 1, 0, 0)).Skip(1))
        {
            var day = interval.IsoLocalStart.Date;
            locals.AddRange([day.PlusDays(-1).At(new LocalTime(10, 0)), day.At(new LocalTime(10, 0)), day.PlusDays(1).At(new LocalTime(10, 0))]);
            locals.AddRange([interval.Start.Plus(Duration.FromHours(-2)).InZone(zone).LocalDateTime, interval.Start.Plus(Duration.FromHours(2)).InZone(zone).LocalDateTime]);
        }
        foreach (var local in locals.Distinct().Order())
        {
            var mapping = zone.MapLocal(local);
            if (mapping.Count == 1)
                yield return (local, mapping.Single().ToInstant());
        }
    }

    private static string Local(LocalDateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string CalendarPart(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text;

    /// <summary>What ical.js made of one event, against what it should be; null when it is right.</summary>
    private static string? Wrong(IcalJs.Event? read, string zoneId, Instant start, Instant end)
    {
        if (read is null)
            return "no event";
        var zone = Tzdb[zoneId];
        var problems = new List<string>();
        foreach (var (name, time, expected) in new[] { ("start", read.Start, start), ("end", read.End, end) })
        {
            if (!time.FromFile || time.Tzid != zoneId)
                problems.Add($"{name} zone {time.Tzid ?? "none"} not from the file's VTIMEZONE");
            if (time.Local != Local(expected.InZone(zone).LocalDateTime))
                problems.Add($"{name} written as {time.Local}, wanted {Local(expected.InZone(zone).LocalDateTime)}");
            if (time.Utc != expected.ToDateTimeOffset())
                problems.Add($"{name} {time.Local} read as {time.Utc:yyyy-MM-dd HH:mm}Z, the tz database says {expected.ToDateTimeOffset():yyyy-MM-dd HH:mm}Z");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Fails with how many were wrong, in which zones, and the first few in detail.</summary>
    private static void AssertNoneWrong(List<string> wrong, int total, string what) =>
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {total} {what} read wrong by ical.js, in "
            + string.Join(", ", wrong.GroupBy(w => w[..w.IndexOf(' ', StringComparison.Ordinal)]).Select(g => $"{g.Key} ({g.Count()})")) + ":\n"
            + string.Join('\n', wrong.Take(40)));

    [Fact]
    public async Task Every_partner_state_zone_s_invitations_start_at_the_tz_database_s_instant_all_year()
    {
        var invitations = new List<(string Key, string ZoneId, Instant Start, Instant End, string Ics)>();
        foreach (var zoneId in PartnerStateZones())
        {
            foreach (var (local, start) in Starts(Tzdb[zoneId]))
            {
                var end = start.Plus(Duration.FromHours(2));
                var key = $"{zoneId} {Local(local)}";
                var invitation = new CalendarInvitation(CalendarMethod.Request, CalendarUid.Of($"mtm/{invitations.Count:x8}"), 1, "Expert meeting", "", "Host city",
                    zoneId, start.ToDateTimeOffset(), end.ToDateTimeOffset(), "delegate@collaboration.localhost", "A Delegate", "NEEDS-ACTION", null);
                var message = MailComposer.Compose(new OutboxItem($"tz-{invitations.Count}", invitation.AttendeeEmail, invitation.AttendeeName, "en", invitation), Secretariat, "http://localhost");
                invitations.Add((key, zoneId, start, end, CalendarPart(message)));
            }
        }

        var read = await IcalJs.ReadAsync(invitations.Select(i => (i.Key, i.Ics)), TestContext.Current.CancellationToken);

        var wrong = new List<string>();
        foreach (var invitation in invitations)
        {
            var calendar = read[invitation.Key];
            if ((calendar.Error ?? Wrong(calendar.Events!.SingleOrDefault(), invitation.ZoneId, invitation.Start, invitation.End)) is { } problem)
                wrong.Add($"{invitation.Key}: {problem}");
        }
        Assert.True(invitations.Count >= PartnerStateZones().Count * 24, $"only {invitations.Count} invitations");
        AssertNoneWrong(wrong, invitations.Count, "invitations");
    }

    [Fact]
    public void The_grains_time_zone_data_agrees_with_the_invitations_in_every_partner_state_zone_all_year()
    {
        // The grains turn the local times the secretariat enters into instants with the system's tzdata;
        // invitations write them back with NodaTime's. Were the two releases apart, a meeting would be sent at
        // another hour than the one entered.
        var apart = new List<string>();
        var total = 0;
        foreach (var zoneId in PartnerStateZones())
        {
            foreach (var (local, instant) in Starts(Tzdb[zoneId]))
            {
                total++;
                var grains = MeetingGrain.ToUtc(local.ToDateTimeUnspecified(), Validate.TimeZone(zoneId), "startsLocal");
                if (grains != instant.ToDateTimeOffset())
                    apart.Add($"{zoneId} {Local(local)}: the system says {grains:yyyy-MM-dd HH:mm}Z, NodaTime {instant.ToDateTimeOffset():yyyy-MM-dd HH:mm}Z");
            }
        }
        Assert.True(apart.Count == 0, $"{apart.Count} of {total} local times differ (system tzdata against NodaTime's {TzdbDateTimeZoneSource.Default.TzdbVersion}):\n" + string.Join('\n', apart.Take(40)));
    }

    [Fact]
    public async Task A_feed_of_a_year_of_meetings_in_every_partner_state_zone_reads_right_in_ical_js()
    {
        var meetings = new List<(MeetingSummary Meeting, Instant Start, Instant End)>();
        foreach (var zoneId in PartnerStateZones())
        {
            foreach (var (_, start) in Starts(Tzdb[zoneId]))
            {
                var end = start.Plus(Duration.FromHours(26));
                meetings.Add((Meeting($"mtm/{meetings.Count:x8}", zoneId, start, end), start, end));
            }
        }

        var feed = CalendarFeeds.Build("MTM", meetings.Select(m => m.Meeting), "en", new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var events = (await IcalJs.ReadAsync([("feed", feed)], TestContext.Current.CancellationToken))["feed"];

        Assert.Null(events.Error);
        var byUid = events.Events!.ToDictionary(e => e.Uid);
        var wrong = meetings
            .Select(m => Wrong(byUid.GetValueOrDefault(CalendarUid.Of(m.Meeting.Id)), m.Meeting.TimeZone, m.Start, m.End) is { } problem
                ? $"{m.Meeting.TimeZone} {Local(m.Start.InZone(Tzdb[m.Meeting.TimeZone]).LocalDateTime)}: {problem}" : null)
            .OfType<string>().ToList();
        AssertNoneWrong(wrong, meetings.Count, "feed events");
    }

    [Fact]
    public async Task Every_zone_of_the_tz_database_reads_right_in_a_feed_on_either_side_of_its_changes()
    {
        // A meeting can be hosted anywhere: every zone, with its changes of 2027 (southern summers, half-hour
        // savings, negative savings, permanent changes) and two ordinary days.
        var meetings = new List<(MeetingSummary Meeting, Instant Start, Instant End)>();
        foreach (var zoneId in TzdbDateTimeZoneSource.Default.CanonicalIdMap.Values.Distinct().Order(StringComparer.Ordinal))
        {
            var zone = Tzdb[zoneId];
            var changes = zone.GetZoneIntervals(Instant.FromUtc(Year, 1, 1, 0, 0), Instant.FromUtc(Year + 1, 1, 1, 0, 0)).Skip(1).Select(i => i.Start);
            var starts = changes.SelectMany(c => new[] { c - Duration.FromHours(2), c + Duration.FromHours(2) })
                .Concat([new LocalDateTime(Year, 1, 1, 10, 0).InZoneLeniently(zone).ToInstant(), new LocalDateTime(Year, 7, 1, 10, 0).InZoneLeniently(zone).ToInstant()])
                .Where(start => zone.MapLocal(start.InZone(zone).LocalDateTime).Count == 1);
            foreach (var start in starts)
                meetings.Add((Meeting($"mtm/{meetings.Count:x8}", zoneId, start, start + Duration.FromHours(3)), start, start + Duration.FromHours(3)));
        }

        var feed = CalendarFeeds.Build("Everywhere", meetings.Select(m => m.Meeting), "en", new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var events = (await IcalJs.ReadAsync([("feed", feed)], TestContext.Current.CancellationToken))["feed"];

        Assert.Null(events.Error);
        var byUid = events.Events!.ToDictionary(e => e.Uid);
        var wrong = meetings
            .Select(m => Wrong(byUid.GetValueOrDefault(CalendarUid.Of(m.Meeting.Id)), m.Meeting.TimeZone, m.Start, m.End) is { } problem
                ? $"{m.Meeting.TimeZone} {Local(m.Start.InZone(Tzdb[m.Meeting.TimeZone]).LocalDateTime)}: {problem}" : null)
            .OfType<string>().ToList();
        AssertNoneWrong(wrong, meetings.Count, "feed events");
    }

    [Fact]
    public async Task A_working_group_series_keeps_its_hour_through_the_zone_s_changes_in_ical_js()
    {
        // Series with an end are exact to their end (weekly through Morocco's Ramadan changes, which fall on
        // Sundays, and Egypt's, on Fridays). Monthly series without end are exact for the two years a feed lists
        // change by change, and for ten years where the tz database follows a yearly rule (Malta, Ireland,
        // Lebanon); Morocco and Egypt follow none, so past those two years their last listed offset holds.
        var now = new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var listedUntil = new LocalDateTime(Year + 2, 1, 1, 0, 0);
        string[] regular = ["Europe/Malta", "Europe/Dublin", "Asia/Beirut"];
        var groups = regular.Concat(["Africa/Casablanca", "Africa/Cairo"])
            .Select(zone => (Zone: zone, Rule: "FREQ=MONTHLY;BYDAY=2TU", First: new DateTime(Year, 1, 12, 10, 0, 0)))
            .Append((Zone: "Africa/Casablanca", Rule: "FREQ=WEEKLY;BYDAY=SU;COUNT=80", First: new DateTime(Year, 1, 3, 10, 0, 0)))
            .Append((Zone: "Africa/Cairo", Rule: "FREQ=WEEKLY;BYDAY=FR;UNTIL=20290101T000000Z", First: new DateTime(Year, 1, 1, 10, 0, 0)))
            .Select((g, i) => new WorkingGroups.WorkingGroupSummary($"mtm/group-{i}", $"Working group in {g.Zone}", [], [], [], [],
                new WorkingGroups.MeetingSeries(g.Rule, g.Zone, g.First, 120, "MA", "Host city", null), [], 1))
            .ToList();

        var feed = CalendarFeeds.Build("Working groups", [], "en", now, groups);
        var events = (await IcalJs.ReadAsync([("feed", feed)], TestContext.Current.CancellationToken, occurrences: 120))["feed"];

        Assert.Null(events.Error);
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var group in groups)
        {
            var zoneId = group.Series!.TimeZone;
            var read = events.Events!.Single(e => e.Uid == $"series-{group.Id.Replace('/', '-')}@collaboration");
            var due = read.Occurrences.Where(o => regular.Contains(zoneId) || NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(o.Local).Value < listedUntil).ToList();
            Assert.True(due.Count >= 24, $"{zoneId} {group.Series.RecurrenceRule}: only {due.Count} occurrences");
            foreach (var occurrence in due)
            {
                checkedCount++;
                var local = NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(occurrence.Local).Value;
                Assert.Equal(new LocalTime(10, 0), local.TimeOfDay);
                var expected = Tzdb[zoneId].AtStrictly(local).ToInstant().ToDateTimeOffset();
                if (!occurrence.FromFile || occurrence.Utc != expected)
                    wrong.Add($"{zoneId} {group.Series.RecurrenceRule} {occurrence.Local}: read as {occurrence.Utc:yyyy-MM-dd HH:mm}Z, the tz database says {expected:yyyy-MM-dd HH:mm}Z");
            }
        }
        AssertNoneWrong(wrong, checkedCount, "series occurrences");
    }

    [Fact]
    public void A_feed_lists_each_zone_s_changes_only_for_the_years_its_meetings_need()
    {
        var meetings = new (string Zone, Instant Start)[]
        {
            ("Europe/Malta", Instant.FromUtc(2027, 6, 1, 8, 0)),
            ("Europe/Malta", Instant.FromUtc(2027, 9, 1, 8, 0)),
            ("Africa/Casablanca", Instant.FromUtc(2031, 4, 1, 9, 0)),
            ("Europe/Dublin", Instant.FromUtc(2020, 1, 15, 10, 0)),
            ("Europe/Dublin", Instant.FromUtc(2035, 1, 15, 10, 0)),
            ("Africa/Tunis", Instant.FromUtc(2027, 3, 1, 9, 0)),
        };

        var feed = CalendarFeeds.Build("Spans", meetings.Select((m, i) => Meeting($"mtm/{i:x8}", m.Zone, m.Start, m.Start + Duration.FromHours(8))), "en", new DateTimeOffset(Year, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain("RRULE", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("RDATE", feed, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(feed)!;
        Assert.Equal(4, calendar.TimeZones.Count);
        foreach (var zone in calendar.TimeZones)
        {
            var earliest = meetings.Where(m => m.Zone == zone.TzId).Min(m => m.Start) - Duration.FromDays(366);
            var latest = meetings.Where(m => m.Zone == zone.TzId).Max(m => m.Start) + Duration.FromHours(8) + Duration.FromDays(366);
            // An observance begins at its DTSTART in the offset before it (RFC 5545 §3.6.5).
            var onsets = zone.TimeZoneInfos.Select(o => Instant.FromDateTimeUtc(DateTime.SpecifyKind(o.Start!.Value - o.OffsetFrom!.Offset, DateTimeKind.Utc))).Order().ToList();
            Assert.True(onsets[0] <= earliest, $"{zone.TzId} starts at {onsets[0]}, after {earliest}");
            Assert.All(onsets.Skip(1), onset => Assert.InRange(onset, earliest, latest));
            Assert.Equal(Tzdb[zone.TzId!].GetZoneIntervals(earliest, latest).Count(), onsets.Count);
        }
    }

    private static MeetingSummary Meeting(string id, string zoneId, Instant start, Instant end) => new(
        id, "mtm", [new LocalizedText("en", "Expert meeting")], MeetingType.ExpertMeeting, null, MeetingStatus.Scheduled, "MA", "Host city", null, zoneId,
        start.ToDateTimeOffset(), end.ToDateTimeOffset(), MeetingVisibility.Public, [], [], [], 1, 1);
}
