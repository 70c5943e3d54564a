using System.Globalization;

namespace Collaboration.Integrations.Calendar;

/// <summary>
/// Dates and times on a meeting's own clock, written the way each working language writes them: "Tuesday
/// 22 May 2012", "mardi 22 mai 2012", "الثلاثاء 22 مايو 2012" (Gregorian months, Western digits, as the
/// dialogue's documents use them).
/// </summary>
public static class LocalDates
{
    /// <summary>The culture that writes a working language's dates (Arabic with the Gregorian calendar).</summary>
    public static CultureInfo CultureOf(string language) => language switch
    {
        "fr" => CultureInfo.GetCultureInfo("fr-FR"),
        "ar" => CultureInfo.GetCultureInfo("ar-EG"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    /// <summary>A day, e.g. "Tuesday 22 May 2012".</summary>
    public static string Day(DateTime local, string language) =>
        local.ToString("dddd d MMMM yyyy", CultureOf(language));

    /// <summary>A short day for a column, e.g. "Tue 22 May".</summary>
    public static string ShortDay(DateTime local, string language) => local.ToString("ddd d MMM", CultureOf(language));

    /// <summary>
    /// When a meeting takes place on the host city's clock: one day with its hours, or from one day and hour to
    /// another, with the time zone, e.g. "Tuesday 22 May 2012, 09:00–18:00 (Europe/Malta)".
    /// </summary>
    public static string Span(DateTime startsLocal, DateTime endsLocal, string timeZone, string language)
    {
        var culture = CultureOf(language);
        var span = startsLocal.Date == endsLocal.Date
            ? $"{Day(startsLocal, language)}, {startsLocal.ToString("HH:mm", culture)}–{endsLocal.ToString("HH:mm", culture)}"
            : $"{Day(startsLocal, language)} {startsLocal.ToString("HH:mm", culture)} – {Day(endsLocal, language)} {endsLocal.ToString("HH:mm", culture)}";
        return $"{span} ({timeZone})";
    }

    /// <summary>The days a meeting covers on its own clock (its last day counts when it ends after midnight).</summary>
    public static IReadOnlyList<DateTime> Days(DateTime startsLocal, DateTime endsLocal)
    {
        var last = endsLocal.TimeOfDay == TimeSpan.Zero && endsLocal > startsLocal ? endsLocal.Date.AddDays(-1) : endsLocal.Date;
        var days = new List<DateTime>();
        for (var day = startsLocal.Date; day <= last && days.Count < 62; day = day.AddDays(1))
            days.Add(day);
        return days;
    }
}
