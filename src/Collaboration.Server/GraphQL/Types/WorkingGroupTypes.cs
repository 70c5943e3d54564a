using Collaboration.WorkingGroups;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class ActionItemStatusEnum : EnumerationGraphType<ActionItemStatus>
{
    public ActionItemStatusEnum()
    {
        Name = "ActionItemStatus";
        Description = "Where an action item stands: OPEN, IN_PROGRESS, DONE or CANCELLED.";
    }
}

public sealed class MeetingSeriesGraphType : ObjectGraphType<MeetingSeries>
{
    public MeetingSeriesGraphType()
    {
        Name = "MeetingSeries";
        Description = "A working group's meeting series: an iCalendar RRULE from a first start, each occurrence the same length, in one place.";
        Field<NonNullGraphType<StringGraphType>>("recurrenceRule").Description("The RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU.").Resolve(c => c.Source.RecurrenceRule);
        Field(x => x.TimeZone).Description("The IANA time zone its local times are in.");
        Field<NonNullGraphType<StringGraphType>>("firstStartsLocal").Description("When the first meeting starts, on the local clock.").Resolve(c => LocalTime.Format(c.Source.FirstStartsLocal));
        Field(x => x.DurationMinutes).Description("How long each meeting lasts, in minutes.");
        Field(x => x.HostCountry).Description("The ISO code of the host state.");
        Field(x => x.City).Description("The city its meetings are held in.");
        Field(x => x.Venue).Description("Where in the city.");
        Field(x => x.Format).Description("Where people attend.");
    }
}

public sealed class SeriesOccurrenceGraphType : ObjectGraphType<SeriesOccurrence>
{
    public SeriesOccurrenceGraphType()
    {
        Name = "SeriesOccurrence";
        Description = "One occurrence of a working group's series that has been scheduled as a meeting.";
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("When it starts, on the series' local clock.").Resolve(c => LocalTime.Format(c.Source.StartsLocal));
        Field(x => x.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting it became.");
    }
}

public sealed class ActionItemGraphType : ObjectGraphType<ActionItem>
{
    public ActionItemGraphType()
    {
        Name = "ActionItem";
        Description = "Something a member of a working group is to do by a date.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The action item's id within its group.");
        Field(x => x.Title).Description("What is to be done.");
        Field(x => x.OwnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person's id of the member who owns it.");
        Field(x => x.OwnerName).Description("Their name.");
        Field<NonNullGraphType<StringGraphType>>("dueDate").Description("By when, e.g. 2026-12-15.").Resolve(c => c.Source.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Status).Description("Where it stands.");
        Field<OutcomeReferenceGraphType>("fromRecommendation").Description("The meeting's recommendation it was made from, if any.").Resolve(c => c.Source.Source);
        Field(x => x.Overdue).Description("Open or in progress after its due date.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionItemStatusEnum>>>>("viewerMayMoveTo")
            .Description("The statuses the caller may move it to now with setActionItemStatus: its owner takes it to IN_PROGRESS and DONE; its chairs and the secretariat also cancel and reopen it.")
            .Resolve(c => c.Source.ViewerMayMoveTo ?? []);
    }
}

public sealed class GroupDocumentGraphType : ObjectGraphType<GroupDocument>
{
    public GroupDocumentGraphType()
    {
        Name = "GroupDocument";
        Description = "A document of a working group, as a link.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The document's id within its group.");
        Field(x => x.Title).Description("Its title.");
        Field(x => x.Url).Description("Its address.");
    }
}

public sealed class WorkingGroupGraphType : ObjectGraphType<WorkingGroupView>
{
    public WorkingGroupGraphType()
    {
        Name = "WorkingGroup";
        Description = "A standing working group of a dialogue, for the dialogue's members.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The group's id, \"{dialogue key}/{group key}\".");
        Field(x => x.DialogueKey).Description("The dialogue it belongs to.");
        Field(x => x.Details.Name).Description("Its name, e.g. Silk Routes working group.");
        Field(x => x.Details.Mandate).Description("What it was set up to do.");
        Field(x => x.Details.PartnerStateCodes).Description("The partner states that are members.");
        Field(x => x.Details.OrganisationKeys).Description("The agencies and observers that are members.");
        Field(x => x.Details.PersonIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("People who are members in their own name.");
        Field(x => x.Chairs).Description("Who chairs it.");
        Field(x => x.Series).Description("When and where it meets, once set.");
        Field(x => x.Occurrences).Description("The occurrences of its series scheduled as meetings so far.");
        Field(x => x.ActionItems).Description("Its action items.");
        Field(x => x.Documents).Description("Its documents.");
        Field(x => x.Version).Description(Describe.Version);
        Field(x => x.ViewerMayManage).Description("Whether the caller chairs the group or is its secretariat.");
        Field<NonNullGraphType<WorkingGroupViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do with the group now, by the rules its mutations apply: one flag per mutation.")
            .Resolve(c => c.Source.Permissions ?? new WorkingGroupPermissions(false, false, false, false, false));
    }
}

/// <summary>A working group as the API receives it: in full to create one, or only what changes.</summary>
public sealed class WorkingGroupInput : ChangesInput
{
    public string? Name { get; set; }
    public string? Mandate { get; set; }
    public List<string>? PartnerStateCodes { get; set; }
    public List<string>? OrganisationKeys { get; set; }
    public List<string>? PersonIds { get; set; }
    public List<string>? ChairIds { get; set; }

    public WorkingGroupDetails ToDetails() => new(Name!, Mandate!, PartnerStateCodes ?? [], OrganisationKeys ?? [], PersonIds ?? [], ChairIds ?? []);
}

public sealed class WorkingGroupInputType : InputObjectGraphType<WorkingGroupInput>
{
    public WorkingGroupInputType()
    {
        Name = "WorkingGroupInput";
        Description = "A working group's name, mandate, members and chairs. Members are partner states, organisations and single people.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The group's name.");
        Field<NonNullGraphType<StringGraphType>>("mandate").Description("What it is set up to do.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("partnerStateCodes").Description("Member partner states, by ISO code.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("organisationKeys").Description("Member agencies and observers, by key.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("personIds").Description("People who are members in their own name.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("chairIds").Description("Who chairs it, by person id.");
    }
}

/// <summary>A meeting series as the API receives it: in full for a group's first series, or only what changes.</summary>
public sealed class WorkingGroupChangesInputType() : ChangesInputGraphType<WorkingGroupInput, WorkingGroupInputType>(
    "WorkingGroupChangesInput",
    "Changes to a working group: only the fields sent change, every field left out keeps its value. A list sent replaces the list; null or empty clears it.");

public sealed class MeetingSeriesInput : ChangesInput
{
    public string? RecurrenceRule { get; set; }
    public string? TimeZone { get; set; }
    public string? FirstStartsLocal { get; set; }
    public int? DurationMinutes { get; set; }
    public string? HostCountry { get; set; }
    public string? City { get; set; }
    public string? Venue { get; set; }
    public MeetingFormat? Format { get; set; }
    public string? OnlineMeetingUrl { get; set; }

    public MeetingSeries ToSeries() => new(RecurrenceRule!, TimeZone!,
        FirstStartsLocal is null ? default : LocalTime.Parse(FirstStartsLocal, "firstStartsLocal"), DurationMinutes ?? 0,
        HostCountry!, City!, Venue, Format ?? MeetingFormat.Online, OnlineMeetingUrl);
}

public sealed class MeetingSeriesInputType : ChangesInputGraphType<MeetingSeriesInput>
{
    public MeetingSeriesInputType()
    {
        Name = "MeetingSeriesInput";
        Description = "When and where a working group meets. A group's first series needs every field but venue, format (online) and onlineMeetingUrl; "
            + "a change to an existing series sends only what changes, every field left out keeps its value, and venue or onlineMeetingUrl sent as null are removed.";
        Field<StringGraphType>("recurrenceRule").Description("RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU");
        Field<StringGraphType>("timeZone").Description(Describe.TimeZone);
        Field<StringGraphType>("firstStartsLocal").Description("local date and time of the first meeting, e.g. 2026-01-13T10:00");
        Field<IntGraphType>("durationMinutes").Description("How long each meeting lasts, in minutes.");
        Field<StringGraphType>("hostCountry").Description("The ISO code of the host state.");
        Field<StringGraphType>("city").Description("The city its meetings are held in.");
        Field<StringGraphType>("venue").Description("Where in the city; null to remove it.");
        Field<MeetingFormatEnum>("format").Description("Where people attend; online for a new series that does not say.");
        Field<StringGraphType>("onlineMeetingUrl").Description("The https link to join its meetings online; null to remove it.");
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
        Description = "An action item to add to a working group.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("What is to be done.");
        Field<NonNullGraphType<IdGraphType>>("ownerId").Description("Who does it: a member of the group, by person id.");
        Field<NonNullGraphType<StringGraphType>>("dueDate").Description("e.g. 2026-12-15");
    }
}
