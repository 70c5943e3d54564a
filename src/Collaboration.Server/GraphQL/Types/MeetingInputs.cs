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

    public static MeetingDocument Resolve(string meetingId, MeetingDocument document) =>
        document.StorageKey is null ? document : document with { Url = DownloadPath(meetingId, document.Id) };
}

public sealed class LocalizedTextInput
{
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class LocalizedTextInputType : InputObjectGraphType<LocalizedTextInput>
{
    public LocalizedTextInputType()
    {
        Name = "LocalizedTextInput";
        Field<NonNullGraphType<StringGraphType>>("language").Description("ar, en or fr");
        Field<NonNullGraphType<StringGraphType>>("text");
    }
}

public sealed class MeetingDetailsInput
{
    public List<LocalizedTextInput> Titles { get; set; } = [];
    public List<LocalizedTextInput>? Descriptions { get; set; }
    public MeetingType Type { get; set; }
    public string? Pillar { get; set; }
    public string HostCountry { get; set; } = "";
    public string City { get; set; } = "";
    public string? Venue { get; set; }
    public string TimeZone { get; set; } = "";
    public string StartsLocal { get; set; } = "";
    public string EndsLocal { get; set; } = "";
    public List<string> WorkingLanguages { get; set; } = [];
    public bool Interpretation { get; set; }
    public int? Capacity { get; set; }
    public MeetingVisibility Visibility { get; set; } = MeetingVisibility.Participants;
    public bool LiveNotesForParticipants { get; set; }
    public AttributionGuard AttributionGuard { get; set; } = AttributionGuard.Warn;
    public MeetingFormat Format { get; set; } = MeetingFormat.InPerson;
    public string? OnlineMeetingUrl { get; set; }

    public MeetingDetails ToDetails() => new(
        [.. Titles.Select(t => new LocalizedText(t.Language, t.Text))],
        [.. (Descriptions ?? []).Select(t => new LocalizedText(t.Language, t.Text))],
        Type,
        Pillar,
        HostCountry,
        City,
        Venue,
        TimeZone,
        LocalTime.Parse(StartsLocal, "startsLocal"),
        LocalTime.Parse(EndsLocal, "endsLocal"),
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>>("titles");
        Field<ListGraphType<NonNullGraphType<LocalizedTextInputType>>>("descriptions");
        Field<NonNullGraphType<MeetingTypeEnum>>("type");
        Field<StringGraphType>("pillar").Description("one of the dialogue's pillars");
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Description("ISO code of the hosting partner state");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<StringGraphType>("venue");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("IANA zone, e.g. Europe/Malta");
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("local date and time in the zone, e.g. 2012-05-22T09:00");
        Field<NonNullGraphType<StringGraphType>>("endsLocal");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages");
        Field<BooleanGraphType>("interpretation").DefaultValue(false);
        Field<IntGraphType>("capacity");
        Field<MeetingVisibilityEnum>("visibility").DefaultValue(MeetingVisibility.Participants);
        Field<BooleanGraphType>("liveNotesForParticipants").DefaultValue(false);
        Field<AttributionGuardEnum>("attributionGuard").DefaultValue(AttributionGuard.Warn);
        Field<MeetingFormatEnum>("format").DefaultValue(MeetingFormat.InPerson);
        Field<StringGraphType>("onlineMeetingUrl")
            .Description("The secretariat's own https link to join a hybrid or online meeting; without one, Microsoft Graph (when configured) makes a Teams meeting.");
    }
}

public sealed class WorkingSessionInputModel
{
    public string Title { get; set; } = "";
    public string StartsLocal { get; set; } = "";
    public string EndsLocal { get; set; } = "";
    public List<string>? ModeratorIds { get; set; }
    public string? Description { get; set; }
    public string? DiscussionGuideDocumentId { get; set; }

    public WorkingSessionInput ToSession() => new(
        Title,
        LocalTime.Parse(StartsLocal, "startsLocal"),
        LocalTime.Parse(EndsLocal, "endsLocal"),
        ModeratorIds ?? [],
        Description,
        DiscussionGuideDocumentId);
}

public sealed class WorkingSessionInputType : InputObjectGraphType<WorkingSessionInputModel>
{
    public WorkingSessionInputType()
    {
        Name = "WorkingSessionInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<StringGraphType>>("startsLocal");
        Field<NonNullGraphType<StringGraphType>>("endsLocal");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("moderatorIds");
        Field<StringGraphType>("description");
        Field<IdGraphType>("discussionGuideDocumentId");
    }
}

public sealed class InvitationTargetInput
{
    public string? PartnerStateCode { get; set; }
    public string? OrganisationKey { get; set; }
    public string? City { get; set; }
    public string? PersonId { get; set; }

    public InvitationTarget ToTarget() => new(PartnerStateCode, OrganisationKey, City, PersonId);
}

public sealed class InvitationTargetInputType : InputObjectGraphType<InvitationTargetInput>
{
    public InvitationTargetInputType()
    {
        Name = "InvitationTargetInput";
        Description = "Exactly one of: a partner state (its delegates and focal points), an agency or observer, a city, a person.";
        Field<StringGraphType>("partnerStateCode");
        Field<StringGraphType>("organisationKey");
        Field<StringGraphType>("city");
        Field<IdGraphType>("personId");
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
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<DocumentKindEnum>>("kind");
        Field<MeetingVisibilityEnum>("visibility").DefaultValue(MeetingVisibility.Participants);
        Field<NonNullGraphType<StringGraphType>>("url");
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

    public MeetingFilter ToFilter() => new(Upcoming, Status, Type, Pillar, HostCountry, PersonId);
}

public sealed class MeetingFilterInputType : InputObjectGraphType<MeetingFilterInput>
{
    public MeetingFilterInputType()
    {
        Name = "MeetingFilter";
        Field<BooleanGraphType>("upcoming").Description("true: not yet ended (soonest first); false: past (latest first)");
        Field<MeetingStatusEnum>("status");
        Field<MeetingTypeEnum>("type");
        Field<StringGraphType>("pillar");
        Field<StringGraphType>("hostCountry");
        Field<IdGraphType>("personId").Description("meetings this person takes part in");
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
        Name = "SlotRequest";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("personIds").Description("who must attend");
        Field<NonNullGraphType<StringGraphType>>("from").Description("first date, e.g. 2026-12-01");
        Field<NonNullGraphType<StringGraphType>>("to").Description("last date");
        Field<NonNullGraphType<IntGraphType>>("durationMinutes");
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("the meeting's IANA zone");
        Field<IntGraphType>("maxResults").DefaultValue(10);
    }
}
