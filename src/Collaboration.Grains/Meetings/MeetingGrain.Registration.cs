using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Meetings;

/// <summary>
/// Registration: an invitee whose invitation stands tells the secretariat their travel, passport (for a visa-support
/// letter), funding and needs. Only the invitee and the secretariat see it: never another view, the catalog, the
/// audit's wording, logs or mail.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>The longest free text of a registration.</summary>
    public const int RegistrationTextLength = 1000;

    private static readonly InvitationStatus[] Standing =
        [InvitationStatus.Invited, InvitationStatus.Accepted, InvitationStatus.Tentative, InvitationStatus.Waitlisted];

    public async Task<MeetingChange> RegisterAsync(Caller caller, RegistrationForm registration, int? expectedRevision)
    {
        var directory = await DirectoryAsync();
        EnsureVisible(caller, directory);
        if (RegisterRefusal(caller.PersonId) is { } refusal)
            throw refusal;
        var invitation = State.Invitations.Find(i => i.Invitee.PersonId == caller.PersonId)!;
        var existing = State.Registrations.FindIndex(r => r.PersonId == caller.PersonId);
        var revision = existing >= 0 ? State.Registrations[existing].Revision : 0;
        if ((expectedRevision ?? 0) != revision)
            throw CollaborationException.Conflict(
                $"Your registration changed since you read it (revision {expectedRevision?.ToString(CultureInfo.InvariantCulture) ?? "none"}, now {revision}); reload and try again.",
                "expectedRevision");
        var valid = ValidRegistration(registration, DateOnly.FromDateTime(State.Details!.StartsLocal), DateOnly.FromDateTime(State.Details.EndsLocal));

        var now = clock.GetUtcNow();
        var stored = new StoredRegistration(caller.PersonId, valid, revision + 1, now, existing >= 0 ? State.Registrations[existing].VisaLetterIssuedAt : null);
        if (existing >= 0)
            State.Registrations[existing] = stored;
        else
            State.Registrations.Add(stored);
        // The audit names who registered, never what they told.
        Audit(caller, "registered", $"{invitation.Invitee.Name} registered.");
        return await SaveAsync(directory, caller, []);
    }

    /// <summary>FORBIDDEN for anyone but an invitee whose invitation stands; INVALID_STATE once the meeting is over.</summary>
    private CollaborationException? RegisterRefusal(string personId)
    {
        if (State.Invitations.Find(i => i.Invitee.PersonId == personId) is not { } invitation || !Standing.Contains(invitation.Status))
            return CollaborationException.Forbidden("Only an invitee whose invitation stands registers for the meeting.");
        return State.Status is MeetingStatus.Concluded or MeetingStatus.Cancelled
            ? CollaborationException.InvalidState($"The meeting is {State.Status}: registration is closed.")
            : null;
    }

    /// <summary>
    /// A registration with every bad field reported at once: ISO dates, travel that meets the meeting's days, and
    /// the passport details a visa letter needs.
    /// </summary>
    internal static RegistrationForm ValidRegistration(RegistrationForm form, DateOnly firstDay, DateOnly lastDay)
    {
        var problems = new Problems();
        var arrival = problems.Check(() => IsoDate(form.Arrival, "arrival"));
        var departure = problems.Check(() => IsoDate(form.Departure, "departure"));
        if (arrival is { } a && a > lastDay)
            problems.Add("arrival", $"Arrival must be on or before the meeting's last day ({lastDay:yyyy-MM-dd}).", "ARRIVAL_AFTER_MEETING", ("lastDay", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (departure is { } d && d < firstDay)
            problems.Add("departure", $"Departure must be on or after the meeting's first day ({firstDay:yyyy-MM-dd}).", "DEPARTURE_BEFORE_MEETING", ("firstDay", firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else if (arrival is { } from && departure is { } to && to < from)
            problems.Add("departure", "Departure must be on or after arrival.", "DEPARTURE_BEFORE_ARRIVAL");

        string? name = null, nationality = null, passport = null;
        DateOnly? expires = null;
        if (form.VisaLetterRequested)
        {
            name = problems.Check(() => Validate.Text(form.NameAsInPassport, "nameAsInPassport"));
            nationality = problems.Check(() => Validate.CountryCode(Validate.Required(form.Nationality, "nationality"), "nationality"));
            passport = problems.Check(() => PassportNumber(form.PassportNumber));
            expires = problems.Check(() => IsoDate(Validate.Required(form.PassportExpires, "passportExpires"), "passportExpires"));
            if (expires is { } e && e <= lastDay)
                problems.Add("passportExpires", $"The passport must be valid after the meeting ends ({lastDay:yyyy-MM-dd}).", "PASSPORT_EXPIRES",
                    ("lastDay", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var fundingNote = problems.Check(() => Validate.OptionalText(form.FundingNote, "fundingNote", RegistrationTextLength));
        var accessibility = problems.Check(() => Validate.OptionalText(form.AccessibilityNeeds, "accessibilityNeeds", RegistrationTextLength));
        var dietary = problems.Check(() => Validate.OptionalText(form.DietaryNeeds, "dietaryNeeds", RegistrationTextLength));
        problems.ThrowIfAny();
        return new RegistrationForm(
            Iso(arrival), Iso(departure), form.VisaLetterRequested, name, nationality, passport, Iso(expires),
            form.FundingRequested, fundingNote, accessibility, dietary);
    }

    /// <summary>An optional ISO date (yyyy-MM-dd).</summary>
    private static DateOnly? IsoDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw CollaborationException.Validation($"'{value}' is not a date such as 2026-03-14.", field, "NOT_A_DATE");
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string PassportNumber(string? value)
    {
        var trimmed = Validate.Text(value, "passportNumber", 30);
        return PassportPattern().IsMatch(trimmed)
            ? trimmed.ToUpperInvariant()
            : throw CollaborationException.Validation("A passport number holds letters and digits only.", "passportNumber", "INVALID_PASSPORT_NUMBER");
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,30}$")]
    private static partial Regex PassportPattern();

    public async Task<IReadOnlyList<Registration>> GetRegistrationsAsync(Caller caller)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        return [.. State.Invitations
            .Where(i => Standing.Contains(i.Status) || State.Registrations.Exists(r => r.PersonId == i.Invitee.PersonId))
            .OrderBy(i => i.Invitee.Affiliation, StringComparer.CurrentCulture).ThenBy(i => i.Invitee.Name, StringComparer.CurrentCulture)
            .Select(RegistrationOf)];
    }

    /// <summary>The caller's own registration, for an invitee whose invitation stands; null for anyone else.</summary>
    private Registration? MyRegistration(Caller? caller) =>
        caller is not null && State.Invitations.Find(i => i.Invitee.PersonId == caller.PersonId) is { } mine && Standing.Contains(mine.Status)
            ? RegistrationOf(mine)
            : null;

    private Registration RegistrationOf(StoredInvitation invitation)
    {
        var stored = State.Registrations.Find(r => r.PersonId == invitation.Invitee.PersonId);
        return new Registration(invitation.Invitee, invitation.Status, stored?.Form, stored?.Revision ?? 0, stored?.RegisteredAt, stored?.VisaLetterIssuedAt);
    }

    public async Task<VisaLetterFacts> IssueVisaLetterAsync(Caller caller, string personId, string language)
    {
        var directory = await DirectoryAsync();
        EnsureSecretariat(caller, directory);
        Validate.LanguageCode(language, "language");
        var invitation = State.Invitations.Find(i => i.Invitee.PersonId == personId)
            ?? throw CollaborationException.NotFound("That person is not invited to this meeting.");
        var index = State.Registrations.FindIndex(r => r.PersonId == personId);
        if (index < 0 || !State.Registrations[index].Form.VisaLetterRequested)
            throw CollaborationException.Validation($"{invitation.Invitee.Name} did not ask for a visa-support letter.", "personId", "VISA_LETTER_NOT_REQUESTED");
        var now = clock.GetUtcNow();
        State.Registrations[index] = State.Registrations[index] with { VisaLetterIssuedAt = now };
        Audit(caller, "visa-letter-issued", $"Visa letter issued for {invitation.Invitee.Name}.");
        await SaveAsync(directory, caller, []);

        var form = State.Registrations[index].Form;
        var details = State.Details!;
        static DateOnly Date(string? iso) => DateOnly.ParseExact(iso!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Countries as the letter's language names them (Maroc, المغرب), from the partner states' names; another country by its code.
        string Country(string code) => directory.PartnerStates.FirstOrDefault(s => s.Code == code) is { } state ? StateNameIn(state, language) : code;
        return new VisaLetterFacts(
            directory.Settings.Name,
            (details.Titles.FirstOrDefault(t => t.Language == language) ?? details.Titles[0]).Text,
            details.City,
            Country(details.HostCountry),
            DateOnly.FromDateTime(details.StartsLocal),
            DateOnly.FromDateTime(details.EndsLocal),
            form.NameAsInPassport!,
            Country(form.Nationality!),
            form.PassportNumber!,
            Date(form.PassportExpires),
            form.Arrival is null ? null : Date(form.Arrival),
            form.Departure is null ? null : Date(form.Departure),
            invitation.Invitee.Affiliation,
            form.FundingRequested,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Validate.TimeZone(details.TimeZone)).DateTime));
    }
}
