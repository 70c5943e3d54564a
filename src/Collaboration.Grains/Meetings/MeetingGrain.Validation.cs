namespace Collaboration.Meetings;

/// <summary>
/// The checks a change passes before anything is written. The pure ones are <c>internal static</c> functions of
/// their inputs (tested without a cluster); the ones that need a look-up (a person, the dialogue's members)
/// record what they find wrong in the same <see cref="Problems"/>, so every bad field is reported at once.
/// </summary>
public sealed partial class MeetingGrain
{
    /// <summary>
    /// Checks every field of a meeting's details and records each bad one; answers the valid details (times as
    /// UTC) only when every field is good.
    /// </summary>
    internal static (MeetingDetails Details, DateTimeOffset Starts, DateTimeOffset Ends)? ValidDetails(MeetingDetailsForm form, DialogueView directory, Problems problems)
    {
        var settings = directory.Settings;
        var languages = (form.WorkingLanguages ?? []).Distinct().ToList();
        if (languages.Count == 0)
            problems.Add("workingLanguages", "A meeting has at least one working language.", "REQUIRED");
        foreach (var language in languages.Where(l => !settings.WorkingLanguages.Contains(l)))
            problems.Add("workingLanguages", $"'{language}' is not a working language of the dialogue ({string.Join(", ", settings.WorkingLanguages)}).",
                "NOT_A_WORKING_LANGUAGE", ("language", language), ("languages", string.Join(", ", settings.WorkingLanguages)));
        languages = [.. languages.Where(settings.WorkingLanguages.Contains)];

        var titles = ValidTexts(form.Titles ?? [], languages, "titles", 200, problems);
        if (titles.Count == 0 && !problems.Has("titles"))
            problems.Add("titles", "Give the meeting a title in at least one of its working languages.", "NO_TITLE");
        var descriptions = ValidTexts(form.Descriptions ?? [], languages, "descriptions", 8000, problems);
        var type = problems.Check(() => (MeetingType?)Validate.Required(form.Type, "type"));

        string? pillar = null;
        if (!string.IsNullOrWhiteSpace(form.Pillar))
        {
            pillar = form.Pillar.Trim();
            if (settings.Pillars is not { } pillars || !pillars.Contains(pillar))
                problems.Add("pillar", settings.Pillars is { Count: > 0 }
                        ? $"'{pillar}' is not a pillar of the dialogue ({string.Join(", ", settings.Pillars)})."
                        : $"'{pillar}' is not a pillar of the dialogue, which has none: leave the pillar out.",
                    "UNKNOWN_PILLAR", ("pillars", string.Join(", ", settings.Pillars ?? [])));
        }

        var host = problems.Check(() => Validate.CountryCode(Validate.Required(form.HostCountry, "hostCountry"), "hostCountry"));
        if (host is not null && directory.PartnerStates.All(s => s.Code != host))
            problems.Add("hostCountry", $"{host} is not a partner state of the dialogue: a partner state hosts its meetings.", "HOST_NOT_PARTNER_STATE", ("code", host));
        var city = problems.Check(() => Validate.Text(form.City, "city", 100));
        var venue = problems.Check(() => Validate.OptionalText(form.Venue, "venue", 200));

        var zone = problems.Check(() => Validate.TimeZone(form.TimeZone));
        var startsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(form.StartsLocal, "startsLocal"));
        var endsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(form.EndsLocal, "endsLocal"));
        DateTimeOffset? starts = null, ends = null;
        if (zone is not null && startsLocal is { } localStart && endsLocal is { } localEnd)
        {
            starts = problems.Check(() => (DateTimeOffset?)ToUtc(localStart, zone, "startsLocal"));
            ends = problems.Check(() => (DateTimeOffset?)ToUtc(localEnd, zone, "endsLocal"));
            if (starts is { } s && ends is { } e && e <= s)
                problems.Add("endsLocal", "The meeting must end after it starts.", "ENDS_BEFORE_START");
            else if (starts is { } s2 && ends is { } e2 && e2 - s2 > MaxDuration)
                problems.Add("endsLocal", $"A meeting lasts at most {MaxDuration.TotalDays} days.", "MEETING_TOO_LONG", ("days", MaxDuration.TotalDays));
        }
        if (form.Capacity is < 1 or > 100_000)
            problems.Add("capacity", "The capacity is a number of places from 1 to 100,000, or none.", "CAPACITY_RANGE");

        var interpretation = problems.Check(() => (bool?)Validate.Required(form.Interpretation, "interpretation"));
        var visibility = problems.Check(() => (MeetingVisibility?)Validate.Required(form.Visibility, "visibility"));
        var liveNotes = problems.Check(() => (bool?)Validate.Required(form.LiveNotesForParticipants, "liveNotesForParticipants"));
        var guard = problems.Check(() => (AttributionGuard?)Validate.Required(form.AttributionGuard, "attributionGuard"));
        var format = problems.Check(() => (MeetingFormat?)Validate.Required(form.Format, "format"));
        string? onlineMeetingUrl = null;
        if (!string.IsNullOrWhiteSpace(form.OnlineMeetingUrl))
        {
            if (format == MeetingFormat.InPerson)
                problems.Add("onlineMeetingUrl", "An in-person meeting has no online link: make it hybrid or online first.", "ONLINE_LINK_IN_PERSON");
            else if (!Uri.TryCreate(form.OnlineMeetingUrl.Trim(), UriKind.Absolute, out var link) || link.Scheme != "https" || form.OnlineMeetingUrl.Length > 2000)
                problems.Add("onlineMeetingUrl", "The online meeting link must be an absolute https address.", "ONLINE_LINK_HTTPS");
            else
                onlineMeetingUrl = link.ToString();
        }

        if (problems.Any)
            return null;
        var valid = new MeetingDetails(
            titles, descriptions, type!.Value, pillar, host!, city!, venue, zone!.Id,
            DateTime.SpecifyKind(startsLocal!.Value, DateTimeKind.Unspecified), DateTime.SpecifyKind(endsLocal!.Value, DateTimeKind.Unspecified),
            languages, interpretation!.Value, form.Capacity, visibility!.Value, liveNotes!.Value, guard!.Value, format!.Value, onlineMeetingUrl);
        return (valid, starts!.Value, ends!.Value);
    }

    /// <summary>Texts in the meeting's languages, one per language; each bad one is recorded.</summary>
    internal static List<LocalizedText> ValidTexts(IReadOnlyList<LocalizedText> texts, List<string> languages, string field, int maxLength, Problems problems)
    {
        var valid = new List<LocalizedText>();
        foreach (var text in texts)
        {
            if (!languages.Contains(text.Language))
                problems.Add(field, $"'{text.Language}' is not a working language of the meeting.", "NOT_A_MEETING_LANGUAGE", ("language", text.Language));
            else if (valid.Any(t => t.Language == text.Language))
                problems.Add(field, $"Give one text per language ({text.Language} twice).", "DUPLICATE_LANGUAGE", ("language", text.Language));
            else if (problems.Check(() => Validate.OptionalText(text.Text, field, maxLength)) is { } value)
                valid.Add(new LocalizedText(text.Language, value));
        }
        return valid;
    }

    /// <summary>A wall-clock time in a zone as UTC; a time that the zone skips (a DST gap) is refused.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone, string field)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            throw CollaborationException.Validation($"{unspecified:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it).", field, "TIME_SKIPPED",
                ("time", unspecified.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("zone", zone.Id));
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>
    /// The agenda of a meeting that moves: each session keeps its wall-clock offset from the meeting's start,
    /// read in the old zone and set in the new one; a time the new zone skips is refused.
    /// </summary>
    internal static List<WorkingSession> ShiftedSessions(IEnumerable<WorkingSession> sessions, DateTime startsLocal, MeetingDetails moved, TimeZoneInfo oldZone, TimeZoneInfo newZone)
    {
        var offset = moved.StartsLocal - startsLocal;
        return [.. sessions.Select(s => s with
        {
            StartsAt = ToUtc(TimeZoneInfo.ConvertTime(s.StartsAt, oldZone).DateTime + offset, newZone, "startsLocal"),
            EndsAt = ToUtc(TimeZoneInfo.ConvertTime(s.EndsAt, oldZone).DateTime + offset, newZone, "endsLocal"),
        })];
    }

    /// <summary>
    /// A session as the form (laid over the current session when it changes one) makes it, checked in full:
    /// every bad field is reported at once; an overlap with another session is a CONFLICT.
    /// </summary>
    private async Task<WorkingSession> ValidSessionAsync(string id, WorkingSessionInput input, WorkingSession? current, DialogueView directory)
    {
        var zone = Validate.TimeZone(State.Details!.TimeZone);
        var languages = State.Details.WorkingLanguages.ToList();
        var problems = new Problems();

        // Titles: the list when it is sent; otherwise "title" sets the one in the meeting's first language.
        var currentTitles = current?.Titles ?? (current is null ? [] : [new LocalizedText(languages[0], current.Title)]);
        IReadOnlyList<LocalizedText> titles = input.Gives("titles") ? input.Titles ?? []
            : input.Gives("title") ? [new LocalizedText(languages[0], input.Title ?? ""), .. currentTitles.Where(t => t.Language != languages[0])]
            : currentTitles;
        var validTitles = ValidTexts(titles, languages, input.Gives("titles") ? "titles" : "title", 200, problems);
        if (validTitles.Count == 0 && !problems.Has("titles") && !problems.Has("title"))
            problems.Add(input.Gives("titles") ? "titles" : "title", "Give the working session a title in at least one of the meeting's languages.", "NO_TITLE");

        string Local(DateTimeOffset at) => MeetingDetailsForm.FormatLocal(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var startsText = input.Gives("startsLocal") || current is null ? input.StartsLocal : Local(current.StartsAt);
        var endsText = input.Gives("endsLocal") || current is null ? input.EndsLocal : Local(current.EndsAt);
        var (starts, ends) = SessionTimes(startsText, endsText, zone, State.Details, State.StartsAt, State.EndsAt, problems);

        var moderatorIds = input.Gives("moderatorIds") || current is null ? input.ModeratorIds ?? [] : [.. current.Moderators.Select(m => m.PersonId)];
        CheckModeratorIds(moderatorIds, problems);
        var moderators = new List<MeetingPerson>();
        foreach (var moderator in moderatorIds.Distinct().Take(10))
        {
            if (current?.Moderators.FirstOrDefault(m => m.PersonId == moderator) is { } kept && !input.Gives("moderatorIds"))
                moderators.Add(kept);
            else if (await problems.CheckAsync(() => MemberAsync(moderator, directory, "moderatorIds")) is { } person)
                moderators.Add(person);
        }
        var description = input.Gives("description") || current is null
            ? problems.Check(() => Validate.OptionalText(input.Description, "description", 8000))
            : current.Description;
        var guide = input.Gives("discussionGuideDocumentId") || current is null ? input.DiscussionGuideDocumentId : current.DiscussionGuideDocumentId;
        if (guide is not null && State.Documents.All(d => d.Id != guide))
            problems.Add("discussionGuideDocumentId", "The discussion guide must be one of the meeting's documents.", "UNKNOWN_DOCUMENT");
        // A later meeting reviews the follow-up of earlier recommendations as an item of its agenda.
        var reviews = input.Gives("reviewsRecommendations") || current is null ? input.ReviewsRecommendations ?? false : current.ReviewsRecommendations;
        problems.ThrowIfAny();

        if (Overlapping(State.Sessions, id, starts!.Value, ends!.Value) is { } overlapping)
            throw CollaborationException.Conflict($"The working session would overlap '{overlapping.Title}'.", "startsLocal");
        var main = validTitles.FirstOrDefault(t => t.Language == languages[0]) ?? validTitles[0];
        return new WorkingSession(id, main.Text, starts!.Value, ends!.Value, moderators, description, guide, validTitles, reviews);
    }

    /// <summary>
    /// A working session's times from the local wall-clock texts: each must be a time the meeting's zone has,
    /// the end after the start, both within the meeting (<paramref name="meetingStarts"/>–<paramref name="meetingEnds"/>, UTC).
    /// Null where a time is bad; every problem recorded.
    /// </summary>
    internal static (DateTimeOffset? Starts, DateTimeOffset? Ends) SessionTimes(
        string? startsText, string? endsText, TimeZoneInfo zone, MeetingDetails meeting, DateTimeOffset meetingStarts, DateTimeOffset meetingEnds, Problems problems)
    {
        var startsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(startsText, "startsLocal"));
        var endsLocal = problems.Check(() => (DateTime?)Validate.LocalDateTime(endsText, "endsLocal"));
        var starts = startsLocal is { } sl ? problems.Check(() => (DateTimeOffset?)ToUtc(sl, zone, "startsLocal")) : null;
        var ends = endsLocal is { } el ? problems.Check(() => (DateTimeOffset?)ToUtc(el, zone, "endsLocal")) : null;
        if (starts is { } s && ends is { } e)
        {
            if (e <= s)
                problems.Add("endsLocal", "A working session must end after it starts.", "ENDS_BEFORE_START");
            else if (s < meetingStarts || e > meetingEnds)
                problems.Add("startsLocal",
                    $"The working session must lie within the meeting ({meeting.StartsLocal:yyyy-MM-dd HH:mm}–{meeting.EndsLocal:yyyy-MM-dd HH:mm} {zone.Id}).",
                    "SESSION_OUTSIDE_MEETING",
                    ("starts", meeting.StartsLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                    ("ends", meeting.EndsLocal.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return (starts, ends);
    }

    /// <summary>The most moderators one working session has.</summary>
    internal const int MaxModerators = 10;

    /// <summary>A session's moderators are named once each, at most <see cref="MaxModerators"/>.</summary>
    internal static void CheckModeratorIds(IReadOnlyList<string> moderatorIds, Problems problems)
    {
        if (moderatorIds.Distinct().Count() != moderatorIds.Count || moderatorIds.Count > MaxModerators)
            problems.Add("moderatorIds", "Name each moderator once, at most ten.", "MODERATORS_RANGE", ("max", MaxModerators));
    }

    /// <summary>The first other session of the agenda that shares any time with <paramref name="starts"/>–<paramref name="ends"/> (sessions that only touch do not overlap).</summary>
    internal static WorkingSession? Overlapping(IEnumerable<WorkingSession> sessions, string id, DateTimeOffset starts, DateTimeOffset ends) =>
        sessions.FirstOrDefault(o => o.Id != id && o.StartsAt < ends && starts < o.EndsAt);

    /// <summary>Whether a new order names every working session of the agenda exactly once.</summary>
    internal static bool NamesEverySessionOnce(IReadOnlyList<string> sessionIds, IReadOnlyList<WorkingSession> sessions) =>
        sessionIds.Count == sessions.Count && sessionIds.Distinct().Count() == sessionIds.Count
        && !sessionIds.Any(id => sessions.All(s => s.Id != id));

    /// <summary>The capacity may not fall below the number of invitees who accepted already.</summary>
    internal static void CheckCapacity(int? capacity, int accepted, Problems problems)
    {
        if (capacity is { } places && places >= 1 && places < accepted)
            problems.Add("capacity", $"{accepted} invitees have accepted: the capacity cannot go below that. Withdraw invitations first.", "CAPACITY_BELOW_ACCEPTED", ("count", accepted));
    }

    /// <summary>
    /// How many co-chairs a meeting has and who reports: at most the dialogue's <see cref="DialogueSettings.CoChairsPerMeeting"/>
    /// co-chairs, and rapporteurs only from the dialogue's secretariat. A list left out (null) is not checked.
    /// </summary>
    internal static void CheckChairs(IReadOnlyList<string>? coChairIds, IReadOnlyList<string>? rapporteurIds, DialogueView directory, Problems problems)
    {
        var settings = directory.Settings;
        if (coChairIds is not null && coChairIds.Count > settings.CoChairsPerMeeting)
            problems.Add("coChairIds", $"Meetings of this dialogue have at most {settings.CoChairsPerMeeting} co-chairs.", "TOO_MANY_CO_CHAIRS", ("max", settings.CoChairsPerMeeting));
        foreach (var id in rapporteurIds ?? [])
        {
            if (directory.Members.FirstOrDefault(m => m.PersonId == id)?.Membership.Roles.Contains(DialogueRole.Secretariat) != true && !problems.Has("rapporteurIds"))
                problems.Add("rapporteurIds", "Rapporteurs are the dialogue's secretariat staff.", "RAPPORTEUR_NOT_SECRETARIAT");
        }
    }

    /// <summary>
    /// The co-chair balance: co-chairs come from different regional groups (classically one European and one
    /// Arab or African state). Answers the first group that has two or more of them, or null when balanced;
    /// co-chairs without a group (agencies, secretariat) never unbalance it.
    /// </summary>
    /// <summary>
    /// Whether co-chairs break the dialogue's pairing of two regional groups (one co-chair from each): true when
    /// there are two or more co-chairs and one of the two groups has none of them. Fewer than two co-chairs are
    /// not judged yet (the meeting is still being prepared).
    /// </summary>
    internal static bool BreaksPairing(IReadOnlyCollection<MeetingPerson> coChairs, IReadOnlyList<string>? pairing) =>
        pairing is [var first, var second] && coChairs.Count >= 2
        && !(coChairs.Any(c => c.RegionalGroup == first) && coChairs.Any(c => c.RegionalGroup == second));

    internal static IGrouping<string?, MeetingPerson>? UnbalancedGroup(IEnumerable<MeetingPerson> coChairs) =>
        coChairs.Where(c => c.RegionalGroup is not null).GroupBy(c => c.RegionalGroup).FirstOrDefault(g => g.Count() > 1);

    /// <summary>The people named as co-chairs or rapporteurs, each once and a member of the dialogue; problems recorded.</summary>
    private async Task<List<MeetingPerson>> ChairsAsync(IReadOnlyList<string> ids, string field, DialogueView directory, Problems problems)
    {
        if (ids.Distinct().Count() != ids.Count)
            problems.Add(field, "Name each co-chair and rapporteur once.", "DUPLICATE_PERSON");
        var people = new List<MeetingPerson>();
        foreach (var id in ids.Distinct())
        {
            if (await problems.CheckAsync(() => MemberAsync(id, directory, field)) is { } person)
                people.Add(person);
        }
        return people;
    }

    /// <summary>A dialogue member as a meeting shows them; VALIDATION for anyone outside the dialogue.</summary>
    private async Task<MeetingPerson> MemberAsync(string personId, DialogueView directory, string field)
    {
        var member = directory.Members.FirstOrDefault(m => m.PersonId == personId)
            ?? throw CollaborationException.Validation($"The person '{personId}' is not a member of the dialogue.", field, "NOT_A_MEMBER");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.Validation($"The person '{personId}' does not exist.", field, "NOT_A_MEMBER");
        var state = directory.PartnerStates.FirstOrDefault(s => s.Code == member.Membership.PartnerStateCode);
        return new MeetingPerson(personId, person.Profile.Name, AffiliationOf(member.Membership, directory), state?.RegionalGroup);
    }

    /// <summary>A document as the form makes it: a link (absolute http or https) or an uploaded file of an accepted type and size, never both.</summary>
    internal static MeetingDocument ValidDocument(DocumentInput document, string id, DateTimeOffset now)
    {
        var title = Validate.Text(document.Title, "title", 200);
        if (document.StorageKey is null)
        {
            if (!Uri.TryCreate(document.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                throw CollaborationException.Validation("A linked document needs an absolute http or https address.", "url");
            return new MeetingDocument(id, title, document.Kind, document.Visibility, url.ToString(), null, null, null, null, now);
        }
        if (document.Url is not null)
            throw CollaborationException.Validation("A document is either a link or an uploaded file.", "url");
        if (document.Size is not { } size || size <= 0 || size > MeetingDocuments.MaxSize)
            throw CollaborationException.Validation($"A file may be at most {MeetingDocuments.MaxSize / (1024 * 1024)} MiB.", "file");
        if (document.ContentType is null || !MeetingDocuments.AllowedContentTypes.Contains(document.ContentType))
            throw CollaborationException.Validation($"Files of type '{document.ContentType}' are not accepted; use PDF, office documents, text or images.", "file");
        var fileName = Validate.Text(Path.GetFileName(document.FileName ?? ""), "fileName", 200);
        return new MeetingDocument(id, title, document.Kind, document.Visibility, null, document.StorageKey, fileName, document.ContentType, size, now);
    }
}
