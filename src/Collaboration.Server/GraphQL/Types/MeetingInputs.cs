using System.Globalization;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

/// <summary>Wall-clock times in a meeting's zone travel as ISO text without an offset: <c>2012-05-22T09:00</c>.</summary>
public static class LocalTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static DateTime Parse(string? value, string field) =>
        DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw CollaborationException.Validation($"'{value}' is not a local date and time such as 2012-05-22T09:00.", field, "NOT_A_LOCAL_TIME");

    public static DateOnly ParseDate(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw CollaborationException.Validation($"'{value}' is not a date such as 2012-05-22.", field, "NOT_A_DATE");

    public static string Format(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Uploaded documents are served by the host at an address of its own.</summary>
public static class DocumentLinks
{
    public static string DownloadPath(string meetingId, string documentId) => $"/meetings/{meetingId}/documents/{documentId}";

    /// <summary>The participant list of a meeting, as CSV.</summary>
    public static string ParticipantListPath(string meetingId) => $"/meetings/{meetingId}/participants.csv";

    /// <summary>The attendance sheet of a meeting, as DOCX, with its headings in a language (ar, en or fr).</summary>
    public static string AttendanceSheetPath(string meetingId, string language) => $"/meetings/{meetingId}/attendance.docx?language={language}";

    /// <summary>The visa-support letter of an invitee, as DOCX, in a language (ar, en or fr).</summary>
    public static string VisaLetterPath(string meetingId, string personId, string language) =>
        $"/meetings/{meetingId}/registrations/{Uri.EscapeDataString(personId)}/visa-letter.docx?language={language}";

    /// <summary>
    /// A document with its address: an uploaded file's download path, or, for a library document, the library's
    /// (in the reader's preferred language or the nearest, unless the client adds <c>?language=</c>).
    /// </summary>
    public static MeetingDocument Resolve(string meetingId, MeetingDocument document) =>
        document.LibraryDocumentId is { } libraryId && MeetingKey.DialogueOf(meetingId) is { } dialogueKey
            ? document with { Url = LibraryLinks.DownloadPath(dialogueKey, libraryId) }
            : document.StorageKey is null ? document : document with { Url = DownloadPath(meetingId, document.Id) };
}

public sealed class LocalizedTextInput
{
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";

    public LocalizedText ToText() => new(Language, Text);
}

public sealed class LocalizedTextInputType : InputObjectGraphType<LocalizedTextInput>
{
    public LocalizedTextInputType()
    {
        Name = "LocalizedTextInput";
        Description = "A text in one of the dialogue's working languages.";
        Field<NonNullGraphType<StringGraphType>>("language").Description("ar, en or fr");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text in that language.");
    }
}

/// <summary>
/// A meeting's details as the API receives them: in full to create a meeting (with defaults for what is left
/// out), or only the fields that change (see <see cref="MeetingChangesInputType"/>).
/// </summary>
public sealed class MeetingDetailsInput : ChangesInput
{
    public List<LocalizedTextInput>? Titles { get; set; }
    public List<LocalizedTextInput>? Descriptions { get; set; }
    public MeetingType? Type { get; set; }
    public string? Pillar { get; set; }
    public string? HostCountry { get; set; }
    public string? City { get; set; }
    public string? Venue { get; set; }
    public string? TimeZone { get; set; }
    public string? StartsLocal { get; set; }
    public string? EndsLocal { get; set; }
    public List<string>? WorkingLanguages { get; set; }
    public bool? Interpretation { get; set; }
    public int? Capacity { get; set; }
    public MeetingVisibility? Visibility { get; set; }
    public bool? LiveNotesForParticipants { get; set; }
    public AttributionGuard? AttributionGuard { get; set; }
    public MeetingFormat? Format { get; set; }
    public string? OnlineMeetingUrl { get; set; }

    /// <summary>The form the meeting grain checks: every field for a new meeting, the sent ones for a change.</summary>
    public MeetingDetailsForm ToForm(bool complete) => new(
        complete ? MeetingDetailsForm.AllFields : Given,
        Titles?.Select(t => t.ToText()).ToList(),
        Descriptions?.Select(t => t.ToText()).ToList(),
        Type,
        Pillar,
        HostCountry,
        City,
        Venue,
        TimeZone,
        StartsLocal,
        EndsLocal,
        WorkingLanguages,
        Interpretation,
        Capacity,
        Visibility,
        LiveNotesForParticipants,
        AttributionGuard,
        Format,
        OnlineMeetingUrl);
}

public sealed class MeetingDetailsInputType : InputObjectGraphType<MeetingDetailsInput>
{
    public MeetingDetailsInputType()
    {
        Name = "MeetingDetailsInput";
        Description = "A new meeting's details: what, where and when, who may see it and how its notes are kept. Fields left out take their defaults.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>>("titles").Description("Its title in each working language.");
        Field<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>("descriptions").Description("What it is about, in each working language.");
        Field<NonNullGraphType<MeetingTypeEnum>>("type").Description("What kind of meeting it is.");
        Field<StringGraphType>("pillar").Description("one of the dialogue's pillars");
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Description("ISO code of the hosting partner state.");
        Field<NonNullGraphType<StringGraphType>>("city").Description("The city it is held in.");
        Field<StringGraphType>("venue").Description("Where in the city.");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("IANA zone, e.g. Europe/Malta");
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("local date and time in the zone, e.g. 2012-05-22T09:00");
        Field<NonNullGraphType<StringGraphType>>("endsLocal").Description("Local date and time it ends, in the same zone.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages").Description("The languages it is held in: ar, en, fr.");
        Field<BooleanGraphType>("interpretation").Description("Whether there is interpretation between the working languages.").DefaultValue(false);
        Field<IntGraphType>("capacity").Description("How many participants it takes; omit for no limit.");
        Field<MeetingVisibilityEnum>("visibility").Description("Who may see it.").DefaultValue(MeetingVisibility.Participants);
        Field<BooleanGraphType>("liveNotesForParticipants").Description("Whether participants may follow the notes while they are taken.").DefaultValue(false);
        Field<AttributionGuardEnum>("attributionGuard").Description("What the live notes do with text that ties a statement to someone.").DefaultValue(AttributionGuard.Warn);
        Field<MeetingFormatEnum>("format").Description("Where people attend.").DefaultValue(MeetingFormat.InPerson);
        Field<StringGraphType>("onlineMeetingUrl")
            .Description("The secretariat's own https link to join a hybrid or online meeting; without one, Microsoft Graph (when configured) makes a Teams meeting.");
    }
}

public sealed class MeetingChangesInputType() : ChangesInputGraphType<MeetingDetailsInput, MeetingDetailsInputType>(
    "MeetingChangesInput",
    "Changes to a meeting's details: only the fields sent change, every field left out keeps its value. "
        + "A field sent as null clears it where a meeting may be without it (descriptions, pillar, venue, capacity, onlineMeetingUrl); "
        + "null for any other field is refused as REQUIRED.",
    new Dictionary<string, string>
    {
        ["titles"] = "Its title in each working language (replaces every title).",
        ["descriptions"] = "What it is about, in each working language (replaces every description); null removes them.",
        ["pillar"] = "One of the dialogue's pillars; null for none.",
        ["venue"] = "Where in the city; null for not yet known.",
        ["timeZone"] = "IANA zone, e.g. Europe/Malta; the dates stay on the same local clock.",
        ["startsLocal"] = "Local date and time it starts, e.g. 2012-05-22T09:00; the agenda moves with it.",
        ["capacity"] = "How many participants it takes; null for no limit.",
        ["onlineMeetingUrl"] = "The secretariat's own https link to join a hybrid or online meeting; null to remove it.",
    });

/// <summary>A working session as the API receives it: in full to add one, or only what changes.</summary>
public sealed class WorkingSessionInputModel : ChangesInput
{
    public List<LocalizedTextInput>? Titles { get; set; }
    public string? Title { get; set; }
    public string? StartsLocal { get; set; }
    public string? EndsLocal { get; set; }
    public List<string>? ModeratorIds { get; set; }
    public string? Description { get; set; }
    public string? DiscussionGuideDocumentId { get; set; }
    public bool? ReviewsRecommendations { get; set; }

    /// <summary>The form the meeting grain checks: every field for a new session, the sent ones for a change.</summary>
    public WorkingSessionInput ToForm(bool complete) => new(
        complete ? [.. WorkingSessionInput.AllFields.Where(f => f != (Titles is null ? "titles" : "title"))] : Given,
        Titles?.Select(t => t.ToText()).ToList(),
        Title,
        StartsLocal,
        EndsLocal,
        ModeratorIds,
        Description,
        DiscussionGuideDocumentId,
        ReviewsRecommendations);
}

public sealed class WorkingSessionInputType : InputObjectGraphType<WorkingSessionInputModel>
{
    public WorkingSessionInputType()
    {
        Name = "WorkingSessionInput";
        Description = "A new working session of a meeting's agenda. Give its titles, or title alone for a title in the meeting's first language.";
        Field<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>("titles").Description("Its title in the meeting's working languages: at least one, each language once.");
        Field<StringGraphType>("title").Description("Its title in the meeting's first working language, when titles is not sent (ignored when it is).");
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description(Describe.LocalDateTime);
        Field<NonNullGraphType<StringGraphType>>("endsLocal").Description("When it ends, on the same clock; within the meeting's dates.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("moderatorIds").Description("Who moderates it, by person id.");
        Field<StringGraphType>("description").Description("What it is about.");
        Field<IdGraphType>("discussionGuideDocumentId").Description("The id of its discussion guide among the meeting's documents.");
        Field<BooleanGraphType>("reviewsRecommendations").Description("Whether the session reviews the follow-up of earlier meetings' recommendations (see Meeting.recommendationsToReview); false when omitted.");
    }
}

public sealed class WorkingSessionChangesInputType() : ChangesInputGraphType<WorkingSessionInputModel, WorkingSessionInputType>(
    "WorkingSessionChangesInput",
    "Changes to a working session: only the fields sent change, every field left out keeps its value. "
        + "description, discussionGuideDocumentId and moderatorIds may be sent as null to clear them.",
    new Dictionary<string, string>
    {
        ["titles"] = "Its title in the meeting's working languages (replaces every title).",
        ["title"] = "Its title in the meeting's first working language, when titles is not sent; the other languages keep theirs.",
        ["moderatorIds"] = "Who moderates it, by person id (replaces the moderators; null or empty for none).",
        ["description"] = "What it is about; null to remove it.",
        ["discussionGuideDocumentId"] = "The id of its discussion guide among the meeting's documents; null to remove it.",
        ["reviewsRecommendations"] = "Whether the session reviews the follow-up of earlier meetings' recommendations.",
    });

public sealed class InvitationTargetInput
{
    public string? PartnerStateCode { get; set; }
    public string? OrganisationKey { get; set; }
    public string? CityId { get; set; }
    public string? PersonId { get; set; }
    public int? Places { get; set; }

    public InvitationTarget ToTarget() => new(PartnerStateCode, OrganisationKey, CityId, PersonId, Places);
}

public sealed class InvitationTargetInputType : InputObjectGraphType<InvitationTargetInput>
{
    public InvitationTargetInputType()
    {
        Name = "InvitationTargetInput";
        Description = "Exactly one of: a partner state (its focal points nominate its delegation), an agency or observer, a city, a person.";
        Field<StringGraphType>("partnerStateCode").Description("A partner state: its focal points are asked to nominate its delegation (within places); the nominees are invited.");
        Field<StringGraphType>("organisationKey").Description("A partner agency or observer: its members are invited.");
        Field<IdGraphType>("cityId").Description("One of the dialogue's cities, by id (see the cities query): its officials are invited.");
        Field<IdGraphType>("personId").Description("One person of the dialogue.");
        Field<IntGraphType>("places").Description("For a partner state: how many delegates its focal points may nominate; 2 when omitted.");
    }
}

public sealed class DocumentLinkInput
{
    public string Title { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public MeetingVisibility Visibility { get; set; } = MeetingVisibility.Participants;
    public string Url { get; set; } = "";

    public DocumentInput ToDocument() => new(Title, Kind, Visibility, Url);
}

public sealed class DocumentLinkInputType : InputObjectGraphType<DocumentLinkInput>
{
    public DocumentLinkInputType()
    {
        Name = "DocumentLinkInput";
        Description = "A document of a meeting given as a link (upload files with POST /meetings/{id}/documents).";
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title.");
        Field<NonNullGraphType<DocumentKindEnum>>("kind").Description("What it is.");
        Field<MeetingVisibilityEnum>("visibility").Description("Who may see it.").DefaultValue(MeetingVisibility.Participants);
        Field<NonNullGraphType<StringGraphType>>("url").Description("Its https address.");
    }
}

public sealed class MeetingFilterInput
{
    public bool? Upcoming { get; set; }
    public MeetingStatus? Status { get; set; }
    public MeetingType? Type { get; set; }
    public string? Pillar { get; set; }
    public string? HostCountry { get; set; }
    public string? PersonId { get; set; }
    public List<string>? Ids { get; set; }
    public string? TitleContains { get; set; }

    public MeetingFilter ToFilter() => new(Upcoming, Status, Type, Pillar, HostCountry, PersonId, Ids, TitleContains);
}

public sealed class MeetingFilterInputType : InputObjectGraphType<MeetingFilterInput>
{
    public MeetingFilterInputType()
    {
        Name = "MeetingFilterInput";
        Description = "Which meetings to list; every condition given must hold.";
        Field<BooleanGraphType>("upcoming").Description("true: not yet ended (soonest first); false: past (latest first)");
        Field<MeetingStatusEnum>("status").Description("Only meetings with this status.");
        Field<MeetingTypeEnum>("type").Description("Only meetings of this kind.");
        Field<StringGraphType>("pillar").Description("Only meetings of this pillar.");
        Field<StringGraphType>("hostCountry").Description("Only meetings hosted by this state (ISO code).");
        Field<IdGraphType>("personId").Description("Only meetings this person takes part in (the secretariat, or the caller themself).");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description("Only these meetings (at most 100 ids).");
        Field<StringGraphType>("titleContains").Description("Only meetings whose title, in any of its languages, contains this text, whatever the case and accents (at most 200 characters).");
    }
}

public sealed class SlotRequestInput
{
    public List<string> PersonIds { get; set; } = [];
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public int DurationMinutes { get; set; }
    public string TimeZone { get; set; } = "";
    public int MaxResults { get; set; } = 10;

    public SlotRequest ToRequest() => new(PersonIds, LocalTime.ParseDate(From, "from"), LocalTime.ParseDate(To, "to"), DurationMinutes, TimeZone, MaxResults);
}

public sealed class SlotRequestInputType : InputObjectGraphType<SlotRequestInput>
{
    public SlotRequestInputType()
    {
        Name = "SlotRequestInput";
        Description = "What the scheduling assistant looks for: a time all the people named can attend.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("personIds").Description("who must attend");
        Field<NonNullGraphType<StringGraphType>>("from").Description("first date, e.g. 2026-12-01");
        Field<NonNullGraphType<StringGraphType>>("to").Description("last date");
        Field<NonNullGraphType<IntGraphType>>("durationMinutes").Description("How long the meeting lasts, in minutes.");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("the meeting's IANA zone");
        Field<IntGraphType>("maxResults").Description("How many slots to answer at most.").DefaultValue(10);
    }
}
