namespace Collaboration.Meetings;

/// <summary>
/// A meeting's details as a caller sends them to create or change a meeting. For a change only the fields
/// named in <see cref="Given"/> change (a field sent as null clears it where that makes sense: descriptions,
/// pillar, venue, capacity, online link); every other field keeps its value. Local times travel as text
/// (<c>2012-05-22T09:00</c>) so the grain reads them and reports a bad one beside every other bad field.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.meeting-details-form")]
public sealed record MeetingDetailsForm(
    [property: Id(0)] IReadOnlyList<string> Given,
    [property: Id(1)] IReadOnlyList<LocalizedText>? Titles = null,
    [property: Id(2)] IReadOnlyList<LocalizedText>? Descriptions = null,
    [property: Id(3)] MeetingType? Type = null,
    [property: Id(4)] string? Pillar = null,
    [property: Id(5)] string? HostCountry = null,
    [property: Id(6)] string? City = null,
    [property: Id(7)] string? Venue = null,
    [property: Id(8)] string? TimeZone = null,
    [property: Id(9)] string? StartsLocal = null,
    [property: Id(10)] string? EndsLocal = null,
    [property: Id(11)] IReadOnlyList<string>? WorkingLanguages = null,
    [property: Id(12)] bool? Interpretation = null,
    [property: Id(13)] int? Capacity = null,
    [property: Id(14)] MeetingVisibility? Visibility = null,
    [property: Id(15)] bool? LiveNotesForParticipants = null,
    [property: Id(16)] AttributionGuard? AttributionGuard = null,
    [property: Id(17)] MeetingFormat? Format = null,
    [property: Id(18)] string? OnlineMeetingUrl = null)
{
    /// <summary>The names of every field, as the API spells them.</summary>
    public static readonly IReadOnlyList<string> AllFields =
    [
        "titles", "descriptions", "type", "pillar", "hostCountry", "city", "venue", "timeZone", "startsLocal", "endsLocal",
        "workingLanguages", "interpretation", "capacity", "visibility", "liveNotesForParticipants", "attributionGuard", "format", "onlineMeetingUrl",
    ];

    /// <summary>Whether the caller named this field (and so changes it).</summary>
    public bool Gives(string field) => Given.Contains(field);

    /// <summary>Every field of existing details, as a form that names them all.</summary>
    public static MeetingDetailsForm Of(MeetingDetails details) => new(
        AllFields, details.Titles, details.Descriptions, details.Type, details.Pillar, details.HostCountry, details.City, details.Venue,
        details.TimeZone, FormatLocal(details.StartsLocal), FormatLocal(details.EndsLocal), details.WorkingLanguages, details.Interpretation,
        details.Capacity, details.Visibility, details.LiveNotesForParticipants, details.AttributionGuard, details.Format, details.OnlineMeetingUrl);

    /// <summary>These changes laid over <paramref name="current"/>: a named field from here, every other from there.</summary>
    public MeetingDetailsForm Over(MeetingDetailsForm current) => new(
        AllFields,
        Gives("titles") ? Titles : current.Titles,
        Gives("descriptions") ? Descriptions : current.Descriptions,
        Gives("type") ? Type : current.Type,
        Gives("pillar") ? Pillar : current.Pillar,
        Gives("hostCountry") ? HostCountry : current.HostCountry,
        Gives("city") ? City : current.City,
        Gives("venue") ? Venue : current.Venue,
        Gives("timeZone") ? TimeZone : current.TimeZone,
        Gives("startsLocal") ? StartsLocal : current.StartsLocal,
        Gives("endsLocal") ? EndsLocal : current.EndsLocal,
        Gives("workingLanguages") ? WorkingLanguages : current.WorkingLanguages,
        Gives("interpretation") ? Interpretation : current.Interpretation,
        Gives("capacity") ? Capacity : current.Capacity,
        Gives("visibility") ? Visibility : current.Visibility,
        Gives("liveNotesForParticipants") ? LiveNotesForParticipants : current.LiveNotesForParticipants,
        Gives("attributionGuard") ? AttributionGuard : current.AttributionGuard,
        Gives("format") ? Format : current.Format,
        Gives("onlineMeetingUrl") ? OnlineMeetingUrl : current.OnlineMeetingUrl);

    /// <summary>A wall-clock time as forms send it.</summary>
    public static string FormatLocal(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
