using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class MeetingTypeEnum : EnumerationGraphType<MeetingType>
{
    public MeetingTypeEnum() => Name = "MeetingType";
}

public sealed class MeetingStatusEnum : EnumerationGraphType<MeetingStatus>
{
    public MeetingStatusEnum() => Name = "MeetingStatus";
}

public sealed class MeetingVisibilityEnum : EnumerationGraphType<MeetingVisibility>
{
    public MeetingVisibilityEnum() => Name = "MeetingVisibility";
}

public sealed class AttributionGuardEnum : EnumerationGraphType<AttributionGuard>
{
    public AttributionGuardEnum() => Name = "AttributionGuard";
}

public sealed class MeetingFormatEnum : EnumerationGraphType<MeetingFormat>
{
    public MeetingFormatEnum() => Name = "MeetingFormat";
}

public sealed class InvitationStatusEnum : EnumerationGraphType<InvitationStatus>
{
    public InvitationStatusEnum() => Name = "InvitationStatus";
}

public sealed class InvitationResponseEnum : EnumerationGraphType<InvitationResponse>
{
    public InvitationResponseEnum() => Name = "InvitationResponse";
}

public sealed class DocumentKindEnum : EnumerationGraphType<DocumentKind>
{
    public DocumentKindEnum() => Name = "DocumentKind";
}

public sealed class LocalizedTextGraphType : ObjectGraphType<LocalizedText>
{
    public LocalizedTextGraphType()
    {
        Name = "LocalizedText";
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
    }
}

public sealed class MeetingPersonGraphType : ObjectGraphType<MeetingPerson>
{
    public MeetingPersonGraphType()
    {
        Name = "MeetingPerson";
        Description = "A person as the meeting shows them: name and the state or organisation they represent.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("affiliation").Resolve(c => c.Source.Affiliation);
        Field<StringGraphType>("regionalGroup").Resolve(c => c.Source.RegionalGroup);
    }
}

public sealed class WorkingSessionGraphType : ObjectGraphType<WorkingSession>
{
    public WorkingSessionGraphType()
    {
        Name = "WorkingSession";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("moderators").Resolve(c => c.Source.Moderators);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<IdGraphType>("discussionGuideDocumentId").Resolve(c => c.Source.DiscussionGuideDocumentId);
    }
}

public sealed class InvitationGraphType : ObjectGraphType<Invitation>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Field<NonNullGraphType<MeetingPersonGraphType>>("invitee").Resolve(c => c.Source.Invitee);
        Field<NonNullGraphType<InvitationStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<IntGraphType>("waitlistPosition").Description("1 for the next to get a place").Resolve(c => c.Source.WaitlistPosition);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("invitedAt").Resolve(c => c.Source.InvitedAt);
        Field<DateTimeOffsetGraphType>("respondedAt").Resolve(c => c.Source.RespondedAt);
        Field<StringGraphType>("deliveryProblem").Description("Why mail to this invitee cannot be delivered, when it cannot.").Resolve(c => c.Source.DeliveryProblem);
    }
}

public sealed class MeetingDocumentGraphType : ObjectGraphType<MeetingDocument>
{
    public MeetingDocumentGraphType()
    {
        Name = "MeetingDocument";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<DocumentKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Resolve(c => c.Source.Visibility);
        Field<StringGraphType>("url").Description("The link, or the download address of an uploaded file.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("fileName").Resolve(c => c.Source.FileName);
        Field<StringGraphType>("contentType").Resolve(c => c.Source.ContentType);
        Field<LongGraphType>("size").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("addedAt").Resolve(c => c.Source.AddedAt);
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "An administrative change to a meeting. The audit never covers notes.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<PersonType>("person").ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.PersonId).FindAsync());
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
    }
}

public sealed class WarningGraphType : ObjectGraphType<Warning>
{
    public WarningGraphType()
    {
        Name = "Warning";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

public sealed class MeetingGraphType : ObjectGraphType<MeetingView>
{
    public MeetingGraphType()
    {
        Name = "Meeting";
        Description = "A meeting page: details, agenda, co-chairs, participants and documents, cut to what the caller may see.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dialogueKey").Resolve(c => c.Source.DialogueKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Resolve(c => c.Source.Details.Titles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("descriptions").Resolve(c => c.Source.Details.Descriptions);
        Field<NonNullGraphType<MeetingTypeEnum>>("type").Resolve(c => c.Source.Details.Type);
        Field<StringGraphType>("pillar").Resolve(c => c.Source.Details.Pillar);
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Resolve(c => c.Source.Details.HostCountry);
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(c => c.Source.Details.City);
        Field<StringGraphType>("venue").Resolve(c => c.Source.Details.Venue);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.Details.TimeZone);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("In the meeting's time zone").Resolve(c => LocalTime.Format(c.Source.Details.StartsLocal));
        Field<NonNullGraphType<StringGraphType>>("endsLocal").Resolve(c => LocalTime.Format(c.Source.Details.EndsLocal));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages").Resolve(c => c.Source.Details.WorkingLanguages);
        Field<NonNullGraphType<BooleanGraphType>>("interpretation").Resolve(c => c.Source.Details.Interpretation);
        Field<IntGraphType>("capacity").Resolve(c => c.Source.Details.Capacity);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Resolve(c => c.Source.Details.Visibility);
        Field<NonNullGraphType<BooleanGraphType>>("liveNotesForParticipants").Resolve(c => c.Source.Details.LiveNotesForParticipants);
        Field<NonNullGraphType<AttributionGuardEnum>>("attributionGuard").Resolve(c => c.Source.Details.AttributionGuard);
        Field<NonNullGraphType<MeetingFormatEnum>>("format").Resolve(c => c.Source.Details.Format);
        Field<StringGraphType>("onlineMeetingUrl")
            .Description("The link to join online (the secretariat's own, or the Teams meeting Microsoft Graph made), for participants and the secretariat.")
            .Resolve(c => c.Source.OnlineMeetingUrl);
        Field<NonNullGraphType<MeetingStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("cancellationReason").Resolve(c => c.Source.CancellationReason);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Grows with every change participants must hear about (the iCalendar SEQUENCE).").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Grows with every change; send it back as expectedVersion.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkingSessionGraphType>>>>("sessions").Resolve(c => c.Source.Sessions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("coChairs").Resolve(c => c.Source.CoChairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("rapporteurs").Resolve(c => c.Source.Rapporteurs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationGraphType>>>>("invitations").Description("Every invitation, for the secretariat; empty for others.").Resolve(c => c.Source.Invitations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("participants").Description("Who takes part, for participants and the secretariat; empty for others.").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingDocumentGraphType>>>>("documents").Resolve(c => c.Source.Documents.Select(d => DocumentLinks.Resolve(c.Source.Id, d)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail").Description("For the secretariat; empty for others.").Resolve(c => c.Source.AuditTrail);
        Field<InvitationGraphType>("myInvitation").Resolve(c => c.Source.MyInvitation);
        Field<NonNullGraphType<IntGraphType>>("acceptedCount").Resolve(c => c.Source.AcceptedCount);
        Field<NonNullGraphType<IntGraphType>>("waitlistCount").Resolve(c => c.Source.WaitlistCount);
        Field<NonNullGraphType<BooleanGraphType>>("viewerIsSecretariat")
            .Description("Whether the caller runs this meeting (the dialogue's secretariat): they change it, and take its notes.")
            .Resolve(c => c.Source.ViewerIsSecretariat);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotesApprovalGraphType>>>>("notesApprovals")
            .Description("Who approved the notes and when, for the secretariat and the co-chairs; empty for others. Never linked to an entry.")
            .Resolve(c => c.Source.NotesApprovals ?? []);
    }
}

public sealed class NotesApprovalGraphType : ObjectGraphType<NotesApprovalView>
{
    public NotesApprovalGraphType()
    {
        Name = "NotesApproval";
        Description = "A co-chair's approval of the meeting's notes (the secretariat's, in a meeting without co-chairs).";
        Field<NonNullGraphType<MeetingPersonGraphType>>("approvedBy").Resolve(c => c.Source.ApprovedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("approvedAt").Resolve(c => c.Source.ApprovedAt);
    }
}

public sealed class MeetingChangeGraphType : ObjectGraphType<MeetingChange>
{
    public MeetingChangeGraphType()
    {
        Name = "MeetingPayload";
        Description = "The meeting after a change, and what the secretariat should know about it.";
        Field<NonNullGraphType<MeetingGraphType>>("meeting").Resolve(c => c.Source.Meeting);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningGraphType>>>>("warnings").Resolve(c => c.Source.Warnings);
    }
}

public sealed class MeetingSummaryGraphType : ObjectGraphType<MeetingSummary>
{
    public MeetingSummaryGraphType()
    {
        Name = "MeetingListItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dialogueKey").Resolve(c => c.Source.DialogueKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Resolve(c => c.Source.Titles);
        Field<NonNullGraphType<MeetingTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<StringGraphType>("pillar").Resolve(c => c.Source.Pillar);
        Field<NonNullGraphType<MeetingStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Resolve(c => c.Source.HostCountry);
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(c => c.Source.City);
        Field<StringGraphType>("venue").Resolve(c => c.Source.Venue);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.TimeZone);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("coChairs").Resolve(c => c.Source.CoChairs);
        Field<NonNullGraphType<IntGraphType>>("revision").Resolve(c => c.Source.Revision);
    }
}

public sealed class MeetingPageGraphType : ObjectGraphType<MeetingPage>
{
    public MeetingPageGraphType()
    {
        Name = "MeetingConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingSummaryGraphType>>>>("nodes").Resolve(c => c.Source.Meetings);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
    }
}

public sealed class SlotGraphType : ObjectGraphType<Slot>
{
    public SlotGraphType()
    {
        Name = "Slot";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.End);
    }
}

public sealed class ImportProblemGraphType : ObjectGraphType<ImportProblem>
{
    public ImportProblemGraphType()
    {
        Name = "ImportProblem";
        Field<NonNullGraphType<IntGraphType>>("line").Resolve(c => c.Source.Line);
        Field<StringGraphType>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

public sealed class ImportReportGraphType : ObjectGraphType<ImportReport>
{
    public ImportReportGraphType()
    {
        Name = "ImportReport";
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemGraphType>>>>("problems").Resolve(c => c.Source.Problems);
        Field<NonNullGraphType<IntGraphType>>("imported").Resolve(c => c.Source.Imported);
    }
}
