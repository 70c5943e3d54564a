namespace Collaboration.Mail;

/// <summary>The iCalendar UID of a meeting: the same in every invitation, cancellation and feed, so calendars match them.</summary>
public static class CalendarUid
{
    private const string Suffix = "@collaboration";

    public static string Of(string meetingId) => $"{meetingId.Replace('/', '-')}{Suffix}";

    /// <summary>
    /// The meeting a UID of ours names (meeting ids are hex, so the last hyphen is the slash), or null for a
    /// UID that is not ours.
    /// </summary>
    public static string? MeetingIdOf(string? uid)
    {
        if (uid is null || !uid.EndsWith(Suffix, StringComparison.Ordinal))
            return null;
        var key = uid[..^Suffix.Length];
        var hyphen = key.LastIndexOf('-');
        return hyphen <= 0 || hyphen == key.Length - 1 || !key[(hyphen + 1)..].All(char.IsAsciiHexDigitLower)
            ? null
            : $"{key[..hyphen]}/{key[(hyphen + 1)..]}";
    }
}
