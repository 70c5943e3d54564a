using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Collaboration;

/// <summary>Checks of input shared by grains; each throws VALIDATION naming the field.</summary>
public static partial class Validate
{
    /// <summary>The longest text that is one line (a name, a title); longer texts may hold line breaks.</summary>
    public const int LineLength = 200;

    /// <summary>
    /// A required, trimmed text of at most <paramref name="maxLength"/> characters, without control characters
    /// (line breaks and tabs only in longer texts) or bidirectional overrides, embeddings and isolates, which
    /// make a name read differently from what it holds ("‮moc.elgoog" shows as "google.com").
    /// </summary>
    public static string Text(string? value, string field, int maxLength = LineLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw CollaborationException.Validation($"{field} is required.", field, "REQUIRED");
        if (trimmed.Length > maxLength)
            throw CollaborationException.Validation($"{field} must be at most {maxLength} characters.", field, "TOO_LONG", ("max", maxLength));
        if (trimmed.Any(c => IsDirectionControl(c) || (char.IsControl(c) && !(maxLength > LineLength && c is '\n' or '\r' or '\t'))))
            throw CollaborationException.Validation($"{field} holds invisible control or direction characters; remove them.", field, "INVISIBLE_CHARACTERS");
        return trimmed;
    }

    /// <summary>Bidirectional embeddings, overrides and isolates (the marks LRM, RLM and ALM stay allowed).</summary>
    public static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>An optional text: null when empty, otherwise trimmed and at most <paramref name="maxLength"/>.</summary>
    public static string? OptionalText(string? value, string field, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    /// <summary>An email address, returned in lower case.</summary>
    public static string Email(string? value, string field = "email")
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 254 || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal)
            || trimmed.EndsWith('.'))
            throw CollaborationException.Validation($"'{value}' is not a valid email address.", field, "INVALID_EMAIL");
        return trimmed.ToLowerInvariant();
    }

    /// <summary>One of the working languages (ar, en, fr).</summary>
    public static string LanguageCode(string? value, string field = "language")
    {
        if (!Language.IsSupported(value))
            throw CollaborationException.Validation($"{field} must be one of {string.Join(", ", Language.All)}.", field, "UNKNOWN_LANGUAGE",
                ("languages", string.Join(", ", Language.All)));
        return value!;
    }

    /// <summary>An ISO 3166-1 alpha-2 code, in upper case.</summary>
    public static string CountryCode(string? value, string field = "code")
    {
        var upper = value?.Trim().ToUpperInvariant();
        if (!CountryCodes.IsAssigned(upper))
            throw CollaborationException.Validation($"'{value}' is not an ISO 3166-1 alpha-2 country code.", field, "INVALID_COUNTRY");
        return upper!;
    }

    /// <summary>A short lower-case key (letters, digits, hyphens; 2–32 characters), such as <c>mtm</c>.</summary>
    public static string Key(string? value, string field = "key")
    {
        if (value is null || !KeyPattern().IsMatch(value))
            throw CollaborationException.Validation(
                $"'{value}' is not a valid {field}: use 2 to 32 lower-case letters, digits or hyphens, starting with a letter.", field, "INVALID_KEY");
        return value;
    }

    /// <summary>A year from 1900 to next year, or null.</summary>
    public static int? Year(int? value, int currentYear, string field = "yearJoined")
    {
        if (value is { } year && (year < 1900 || year > currentYear + 1))
            throw CollaborationException.Validation($"{field} must be between 1900 and {currentYear + 1}.", field, "YEAR_RANGE", ("min", 1900), ("max", currentYear + 1));
        return value;
    }

    /// <summary>
    /// A person's profile: name, address (lower case), language, optional organisation, title and time zone.
    /// Every bad field is reported at once.
    /// </summary>
    public static PersonProfile Profile(PersonProfile profile)
    {
        var problems = new Problems();
        var valid = Profile(profile, problems);
        problems.ThrowIfAny();
        return valid;
    }

    /// <summary>A person's profile, with each bad field recorded in <paramref name="problems"/> (the answer is then not to be used).</summary>
    public static PersonProfile Profile(PersonProfile profile, Problems problems) => new(
        problems.Check(() => Text(profile.Name, "name")) ?? "",
        problems.Check(() => Email(profile.Email)) ?? "",
        problems.Check(() => LanguageCode(profile.PreferredLanguage, "preferredLanguage")) ?? "",
        problems.Check(() => OptionalText(profile.Organisation, "organisation")),
        problems.Check(() => OptionalText(profile.JobTitle, "jobTitle")),
        profile.TimeZone is null ? null : problems.Check(() => TimeZone(profile.TimeZone).Id));

    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A wall-clock date and time as a form sends it, such as <c>2012-05-22T09:00</c> (no offset: the zone says it).</summary>
    public static DateTime LocalDateTime(string? value, string field) =>
        DateTime.TryParseExact(value, LocalTimeFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed
            : throw CollaborationException.Validation($"'{value}' is not a local date and time such as 2012-05-22T09:00.", field, "NOT_A_LOCAL_TIME");

    /// <summary>A value the input must have: REQUIRED when it is missing (null, or blank text).</summary>
    public static T Required<T>(T? value, string field) where T : class =>
        value is null || value is string text && string.IsNullOrWhiteSpace(text)
            ? throw CollaborationException.Validation($"{field} is required.", field, "REQUIRED")
            : value;

    /// <summary>A value the input must have: REQUIRED when it is missing or not one of the type's values.</summary>
    public static T Required<T>(T? value, string field) where T : struct =>
        value is { } given && (!typeof(T).IsEnum || Enum.IsDefined(typeof(T), given))
            ? given
            : throw CollaborationException.Validation($"{field} is required.", field, "REQUIRED");

    /// <summary>An IANA time zone such as <c>Europe/Malta</c>.</summary>
    public static TimeZoneInfo TimeZone(string? id, string field = "timeZone")
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.Contains('/', StringComparison.Ordinal) && id != "UTC"
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            throw CollaborationException.Validation($"'{id}' is not an IANA time zone such as Europe/Malta.", field, "UNKNOWN_TIME_ZONE");
        return zone;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex KeyPattern();
}
