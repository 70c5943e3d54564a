namespace Collaboration.Meetings;

/// <summary>
/// Finds meeting slots in which every required person is free and within working hours (Monday to Friday,
/// 09:00–17:00) in their own time zone. Candidates start every half hour in the meeting's time zone.
/// </summary>
public static class SlotFinder
{
    public static readonly TimeOnly WorkdayStarts = new(9, 0);
    public static readonly TimeOnly WorkdayEnds = new(17, 0);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>Refuses requests the assistant cannot answer sensibly.</summary>
    public static void Check(SlotRequest request)
    {
        if (request.PersonIds.Count is < 1 or > 50)
            throw CollaborationException.Validation("Name 1 to 50 people who must attend.", "personIds");
        if (request.To < request.From || request.To.DayNumber - request.From.DayNumber > 92)
            throw CollaborationException.Validation("The date window runs forward and spans at most 93 days.", "to");
        if (request.DurationMinutes is < 30 or > 480)
            throw CollaborationException.Validation("A slot lasts from 30 minutes to 8 hours (one working day).", "durationMinutes");
        if (request.MaxResults is < 1 or > 50)
            throw CollaborationException.Validation("Ask for 1 to 50 suggestions.", "maxResults");
    }

    public static IReadOnlyList<Slot> Find(
        SlotRequest request, TimeZoneInfo meetingZone, IReadOnlyList<(string PersonId, TimeZoneInfo Zone)> people, IReadOnlyList<BusyInterval> busy)
    {
        var duration = TimeSpan.FromMinutes(request.DurationMinutes);
        var slots = new List<Slot>();
        for (var day = request.From; day <= request.To && slots.Count < request.MaxResults; day = day.AddDays(1))
        {
            for (var local = day.ToDateTime(TimeOnly.MinValue); local < day.AddDays(1).ToDateTime(TimeOnly.MinValue); local += Step)
            {
                if (meetingZone.IsInvalidTime(local))
                    continue;
                var start = new DateTimeOffset(local, meetingZone.GetUtcOffset(local)).ToUniversalTime();
                var end = start + duration;
                if (people.All(p => WithinWorkingHours(start, end, p.Zone))
                    && !busy.Any(b => b.Start < end && start < b.End))
                {
                    slots.Add(new Slot(start, end));
                    if (slots.Count == request.MaxResults)
                        break;
                }
            }
        }
        return slots;
    }

    private static bool WithinWorkingHours(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        return localStart.Date == localEnd.Date
            && localStart.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && TimeOnly.FromTimeSpan(localStart.TimeOfDay) >= WorkdayStarts
            && TimeOnly.FromTimeSpan(localEnd.TimeOfDay) <= WorkdayEnds;
    }
}
