using Collaboration.WorkingGroups;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class ActionItemStatusEnum : EnumerationGraphType<ActionItemStatus>
{
    public ActionItemStatusEnum() => Name = "ActionItemStatus";
}

public sealed class MeetingSeriesGraphType : ObjectGraphType<MeetingSeries>
{
    public MeetingSeriesGraphType()
    {
        Name = "MeetingSeries";
        Description = "A working group's meeting series: an iCalendar RRULE from a first start, each occurrence the same length, in one place.";
        Field<NonNullGraphType<StringGraphType>>("recurrenceRule").Resolve(c => c.Source.RecurrenceRule);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("firstStartsLocal").Resolve(c => LocalTime.Format(c.Source.FirstStartsLocal));
        Field<NonNullGraphType<IntGraphType>>("durationMinutes").Resolve(c => c.Source.DurationMinutes);
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Resolve(c => c.Source.HostCountry);
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(c => c.Source.City);
        Field<StringGraphType>("venue").Resolve(c => c.Source.Venue);
        Field<NonNullGraphType<MeetingFormatEnum>>("format").Resolve(c => c.Source.Format);
    }
}

public sealed class SeriesOccurrenceGraphType : ObjectGraphType<SeriesOccurrence>
{
    public SeriesOccurrenceGraphType()
    {
        Name = "SeriesOccurrence";
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Resolve(c => LocalTime.Format(c.Source.StartsLocal));
        Field<NonNullGraphType<IdGraphType>>("meetingId").Resolve(c => c.Source.MeetingId);
    }
}

public sealed class ActionItemGraphType : ObjectGraphType<ActionItem>
{
    public ActionItemGraphType()
    {
        Name = "ActionItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<IdGraphType>>("ownerId").Resolve(c => c.Source.OwnerId);
        Field<NonNullGraphType<StringGraphType>>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<NonNullGraphType<StringGraphType>>("dueDate").Resolve(c => c.Source.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ActionItemStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Open or in progress after its due date.").Resolve(c => c.Source.Overdue);
    }
}

public sealed class GroupDocumentGraphType : ObjectGraphType<GroupDocument>
{
    public GroupDocumentGraphType()
    {
        Name = "GroupDocument";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
    }
}

public sealed class WorkingGroupGraphType : ObjectGraphType<WorkingGroupView>
{
    public WorkingGroupGraphType()
    {
        Name = "WorkingGroup";
        Description = "A standing working group of a dialogue, for the dialogue's members.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dialogueKey").Resolve(c => c.Source.DialogueKey);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Details.Name);
        Field<NonNullGraphType<StringGraphType>>("mandate").Resolve(c => c.Source.Details.Mandate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("partnerStateCodes").Resolve(c => c.Source.Details.PartnerStateCodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("organisationKeys").Resolve(c => c.Source.Details.OrganisationKeys);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("personIds").Resolve(c => c.Source.Details.PersonIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("chairs").Resolve(c => c.Source.Chairs);
        Field<MeetingSeriesGraphType>("series").Resolve(c => c.Source.Series);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesOccurrenceGraphType>>>>("occurrences").Resolve(c => c.Source.Occurrences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionItemGraphType>>>>("actionItems").Resolve(c => c.Source.ActionItems);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupDocumentGraphType>>>>("documents").Resolve(c => c.Source.Documents);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayManage").Description("Whether the caller chairs the group or is its secretariat.").Resolve(c => c.Source.ViewerMayManage);
    }
}

public sealed class WorkingGroupInput
{
    public string Name { get; set; } = "";
    public string Mandate { get; set; } = "";
    public List<string>? PartnerStateCodes { get; set; }
    public List<string>? OrganisationKeys { get; set; }
    public List<string>? PersonIds { get; set; }
    public List<string>? ChairIds { get; set; }

    public WorkingGroupDetails ToDetails() => new(Name, Mandate, PartnerStateCodes ?? [], OrganisationKeys ?? [], PersonIds ?? [], ChairIds ?? []);
}

public sealed class WorkingGroupInputType : InputObjectGraphType<WorkingGroupInput>
{
    public WorkingGroupInputType()
    {
        Name = "WorkingGroupInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("mandate");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("partnerStateCodes");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("organisationKeys");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("personIds");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("chairIds");
    }
}

public sealed class MeetingSeriesInput
{
    public string RecurrenceRule { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string FirstStartsLocal { get; set; } = "";
    public int DurationMinutes { get; set; }
    public string HostCountry { get; set; } = "";
    public string City { get; set; } = "";
    public string? Venue { get; set; }
    public MeetingFormat Format { get; set; } = MeetingFormat.Online;
    public string? OnlineMeetingUrl { get; set; }

    public MeetingSeries ToSeries() => new(RecurrenceRule, TimeZone, LocalTime.Parse(FirstStartsLocal, "firstStartsLocal"), DurationMinutes,
        HostCountry, City, Venue, Format, OnlineMeetingUrl);
}

public sealed class MeetingSeriesInputType : InputObjectGraphType<MeetingSeriesInput>
{
    public MeetingSeriesInputType()
    {
        Name = "MeetingSeriesInput";
        Field<NonNullGraphType<StringGraphType>>("recurrenceRule").Description("RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU");
        Field<NonNullGraphType<StringGraphType>>("timeZone");
        Field<NonNullGraphType<StringGraphType>>("firstStartsLocal").Description("local date and time of the first meeting, e.g. 2026-01-13T10:00");
        Field<NonNullGraphType<IntGraphType>>("durationMinutes");
        Field<NonNullGraphType<StringGraphType>>("hostCountry");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<StringGraphType>("venue");
        Field<MeetingFormatEnum>("format").DefaultValue(MeetingFormat.Online);
        Field<StringGraphType>("onlineMeetingUrl");
    }
}

public sealed class ActionItemInputModel
{
    public string Title { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string DueDate { get; set; } = "";

    public ActionItemInput ToInput() => new(Title, OwnerId, LocalTime.ParseDate(DueDate, "dueDate"));
}

public sealed class ActionItemInputType : InputObjectGraphType<ActionItemInputModel>
{
    public ActionItemInputType()
    {
        Name = "ActionItemInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<IdGraphType>>("ownerId");
        Field<NonNullGraphType<StringGraphType>>("dueDate").Description("e.g. 2026-12-15");
    }
}
