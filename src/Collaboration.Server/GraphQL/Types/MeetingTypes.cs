using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class MeetingTypeEnum : EnumerationGraphType<MeetingType>
{
    public MeetingTypeEnum()
    {
        Name = "MeetingType";
        Description = "The kinds of meeting a dialogue holds: expert meetings, workshops, conferences, informal meetings, study visits, field missions, senior officials' meetings.";
    }
}

public sealed class MeetingStatusEnum : EnumerationGraphType<MeetingStatus>
{
    public MeetingStatusEnum()
    {
        Name = "MeetingStatus";
        Description = "Where a meeting stands: DRAFT → SCHEDULED → IN_PROGRESS → CONCLUDED, or CANCELLED before it concludes.";
    }
}

public sealed class MeetingVisibilityEnum : EnumerationGraphType<MeetingVisibility>
{
    public MeetingVisibilityEnum()
    {
        Name = "MeetingVisibility";
        Description = "Who may see something: the meeting's PARTICIPANTS (with its co-chairs, rapporteurs and the secretariat), all DIALOGUE_MEMBERS, or the PUBLIC.";
    }
}

public sealed class AttributionGuardEnum : EnumerationGraphType<AttributionGuard>
{
    public AttributionGuardEnum()
    {
        Name = "AttributionGuard";
        Description = "What the live notes do with text that ties a statement to a person, delegation or organisation: WARN (save it, with findings and a neutral rewording) or STRICT (refuse it).";
    }
}

public sealed class MeetingFormatEnum : EnumerationGraphType<MeetingFormat>
{
    public MeetingFormatEnum()
    {
        Name = "MeetingFormat";
        Description = "Where people attend: IN_PERSON, HYBRID (in the room and online) or ONLINE.";
    }
}

public sealed class InvitationStatusEnum : EnumerationGraphType<InvitationStatus>
{
    public InvitationStatusEnum()
    {
        Name = "InvitationStatus";
        Description = "Where an invitee stands: INVITED, ACCEPTED, TENTATIVE, DECLINED, WITHDRAWN, or WAITLISTED (accepted while the meeting was full).";
    }
}

public sealed class InvitationResponseEnum : EnumerationGraphType<InvitationResponse>
{
    public InvitationResponseEnum()
    {
        Name = "InvitationResponse";
        Description = "The answers an invitee can give to an invitation.";
    }
}

public sealed class DocumentKindEnum : EnumerationGraphType<DocumentKind>
{
    public DocumentKindEnum()
    {
        Name = "DocumentKind";
        Description = "What a meeting document is: a discussion guide, a presentation, the conclusions, background reading, or other.";
    }
}

public sealed class LocalizedTextGraphType : ObjectGraphType<LocalizedText>
{
    public LocalizedTextGraphType()
    {
        Name = "LocalizedText";
        Description = "A text in one of the dialogue's working languages.";
        Field<NonNullGraphType<StringGraphType>>("language").Description(Describe.Language).Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The text in that language.").Resolve(c => c.Source.Text);
    }
}

public sealed class MeetingPersonGraphType : ObjectGraphType<MeetingPerson>
{
    public MeetingPersonGraphType()
    {
        Name = "MeetingPerson";
        Description = "A person as the meeting shows them: name and the state or organisation they represent.";
        Field<NonNullGraphType<IdGraphType>>("personId").Description("The person's id.").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Their name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("affiliation").Description("The partner state, organisation or city they represent.").Resolve(c => c.Source.Affiliation);
        Field<StringGraphType>("regionalGroup").Description("The regional group of the state they represent, when they represent one.").Resolve(c => c.Source.RegionalGroup);
    }
}

public sealed class WorkingSessionGraphType : ObjectGraphType<WorkingSession>
{
    public WorkingSessionGraphType()
    {
        Name = "WorkingSession";
        Description = "A working session of a meeting's agenda, with its moderators and discussion guide. Live notes are kept per session.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The session's id within its meeting.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title in the meeting's first working language, e.g. Readmission and return.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Description("Its title in each of the meeting's working languages it was given in.")
            .Resolve(c => c.Source.Titles ?? []);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When it starts.").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends.").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("moderators").Description("Who moderates it.").Resolve(c => c.Source.Moderators);
        Field<StringGraphType>("description").Description("What it is about.").Resolve(c => c.Source.Description);
        Field<IdGraphType>("discussionGuideDocumentId").Description("The id of its discussion guide among the meeting's documents.").Resolve(c => c.Source.DiscussionGuideDocumentId);
        Field<NonNullGraphType<BooleanGraphType>>("reviewsRecommendations").Description("Whether the session reviews the follow-up of earlier meetings' recommendations.").Resolve(c => c.Source.ReviewsRecommendations);
    }
}

public sealed class InvitationGraphType : ObjectGraphType<Invitation>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Description = "An invitation of one person to a meeting, and where they stand.";
        Field<NonNullGraphType<MeetingPersonGraphType>>("invitee").Description("Who is invited.").Resolve(c => c.Source.Invitee);
        Field<NonNullGraphType<InvitationStatusEnum>>("status").Description("Their answer so far.").Resolve(c => c.Source.Status);
        Field<IntGraphType>("waitlistPosition").Description("1 for the next to get a place").Resolve(c => c.Source.WaitlistPosition);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("invitedAt").Description("When the invitation was sent.").Resolve(c => c.Source.InvitedAt);
        Field<DateTimeOffsetGraphType>("respondedAt").Description("When they last answered.").Resolve(c => c.Source.RespondedAt);
        Field<StringGraphType>("deliveryProblem").Description("Why mail to this invitee cannot be delivered, when it cannot.").Resolve(c => c.Source.DeliveryProblem);
    }
}

public sealed class MeetingDocumentGraphType : ObjectGraphType<MeetingDocument>
{
    public MeetingDocumentGraphType()
    {
        Name = "MeetingDocument";
        Description = "A document of a meeting: uploaded to the server, or a link.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The document's id within its meeting.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<DocumentKindEnum>>("kind").Description("What it is.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Description("Who may see it.").Resolve(c => c.Source.Visibility);
        Field<StringGraphType>("url").Description("The link, or the download address of an uploaded file.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("fileName").Description("The uploaded file's name; null for a link.").Resolve(c => c.Source.FileName);
        Field<StringGraphType>("contentType").Description("The uploaded file's media type, e.g. application/pdf; null for a link.").Resolve(c => c.Source.ContentType);
        Field<LongGraphType>("size").Description("The uploaded file's size in bytes; null for a link.").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("addedAt").Description("When it was added.").Resolve(c => c.Source.AddedAt);
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "An administrative change to a meeting. The audit never covers notes.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the change was made.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<IdGraphType>>("personId").Description("Who made it.").Resolve(c => c.Source.PersonId);
        Field<PersonType>("person").Description("Who made it, while their account exists.").ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.PersonId).FindAsync());
        Field<NonNullGraphType<StringGraphType>>("action").Description("What was done, e.g. scheduled, chairs-set, invited.").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The change in words.").Resolve(c => c.Source.Summary);
    }
}

public sealed class WarningGraphType : ObjectGraphType<Warning>
{
    public WarningGraphType()
    {
        Name = "Warning";
        Description = "Something the secretariat should know about a change that was made nonetheless.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("What kind of warning, e.g. CO_CHAIR_BALANCE, PERSON_BOOKED, VENUE_TAKEN.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("The warning in English.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningValueGraphType>>>>("values")
            .Description("The values the code's sentence takes, so a client says it in the user's language: name and title for PERSON_BOOKED, venue and title for VENUE_TAKEN, target for NO_INVITEES and NO_FOCAL_POINT, group for CO_CHAIR_BALANCE, first and second for CO_CHAIR_PAIRING.")
            .Resolve(c => (c.Source.Values ?? new Dictionary<string, string>()).OrderBy(v => v.Key, StringComparer.Ordinal).ToList());
    }
}

public sealed class WarningValueGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public WarningValueGraphType()
    {
        Name = "WarningValue";
        Description = "One value of a warning's sentence, by the name its placeholder has.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The placeholder's name, e.g. title.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Description("Its value, e.g. the other meeting's title.").Resolve(c => c.Source.Value);
    }
}

public sealed class MeetingGraphType : ObjectGraphType<MeetingView>
{
    public MeetingGraphType()
    {
        Name = "Meeting";
        Description = "A meeting page: details, agenda, co-chairs, participants and documents, cut to what the caller may see.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The meeting's id, \"{dialogue key}/{meeting}\".").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dialogueKey").Description("The dialogue that holds it.").Resolve(c => c.Source.DialogueKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Description("Its title in the working languages.").Resolve(c => c.Source.Details.Titles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("descriptions").Description("What it is about, in the working languages.").Resolve(c => c.Source.Details.Descriptions);
        Field<NonNullGraphType<MeetingTypeEnum>>("type").Description("What kind of meeting it is.").Resolve(c => c.Source.Details.Type);
        Field<StringGraphType>("pillar").Description("The dialogue's pillar it belongs to.").Resolve(c => c.Source.Details.Pillar);
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Description("The ISO code of the partner state that hosts it.").Resolve(c => c.Source.Details.HostCountry);
        Field<NonNullGraphType<StringGraphType>>("city").Description("The city it is held in.").Resolve(c => c.Source.Details.City);
        Field<StringGraphType>("venue").Description("Where in the city.").Resolve(c => c.Source.Details.Venue);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The host city's IANA time zone, e.g. Europe/Malta.").Resolve(c => c.Source.Details.TimeZone);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When it starts.").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends.").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("In the meeting's time zone").Resolve(c => LocalTime.Format(c.Source.Details.StartsLocal));
        Field<NonNullGraphType<StringGraphType>>("endsLocal").Description("When it ends, on the host city's clock.").Resolve(c => LocalTime.Format(c.Source.Details.EndsLocal));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("workingLanguages").Description("The languages it is held in.").Resolve(c => c.Source.Details.WorkingLanguages);
        Field<NonNullGraphType<BooleanGraphType>>("interpretation").Description("Whether there is interpretation between the working languages.").Resolve(c => c.Source.Details.Interpretation);
        Field<IntGraphType>("capacity").Description("How many participants it takes; further acceptances join the waitlist. No limit when null.").Resolve(c => c.Source.Details.Capacity);
        Field<NonNullGraphType<MeetingVisibilityEnum>>("visibility").Description("Who may see it.").Resolve(c => c.Source.Details.Visibility);
        Field<NonNullGraphType<BooleanGraphType>>("liveNotesForParticipants").Description("Whether participants may follow the notes while they are taken.").Resolve(c => c.Source.Details.LiveNotesForParticipants);
        Field<NonNullGraphType<AttributionGuardEnum>>("attributionGuard").Description("What the live notes do with text that ties a statement to someone.").Resolve(c => c.Source.Details.AttributionGuard);
        Field<NonNullGraphType<MeetingFormatEnum>>("format").Description("Where people attend: in the room, online, or both.").Resolve(c => c.Source.Details.Format);
        Field<StringGraphType>("onlineMeetingUrl")
            .Description("The link to join online (the secretariat's own, or the Teams meeting Microsoft Graph made), for participants and the secretariat.")
            .Resolve(c => c.Source.OnlineMeetingUrl);
        Field<NonNullGraphType<MeetingStatusEnum>>("status").Description("Where the meeting stands.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("cancellationReason").Description("Why it was cancelled, when it was.").Resolve(c => c.Source.CancellationReason);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Grows with every change participants must hear about (the iCalendar SEQUENCE).").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Grows with every change; send it back as expectedVersion.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkingSessionGraphType>>>>("sessions").Description("The agenda's working sessions, in order.").Resolve(c => c.Source.Sessions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("coChairs").Description("Its co-chairs.").Resolve(c => c.Source.CoChairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("rapporteurs").Description("Its rapporteurs, who take the notes with the co-chairs and the secretariat.").Resolve(c => c.Source.Rapporteurs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationGraphType>>>>("invitations").Description("Every invitation, for the secretariat; empty for others.").Resolve(c => c.Source.Invitations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("participants").Description("Who takes part, for participants and the secretariat; empty for others.").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingDocumentGraphType>>>>("documents").Description("Its documents the caller may see.").Resolve(c => c.Source.Documents.Select(d => DocumentLinks.Resolve(c.Source.Id, d)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail").Description("For the secretariat; empty for others.").Resolve(c => c.Source.AuditTrail);
        Field<InvitationGraphType>("myInvitation").Description("The caller's own invitation, when they are invited.").Resolve(c => c.Source.MyInvitation);
        Field<NonNullGraphType<IntGraphType>>("acceptedCount").Description("How many invitees have accepted.").Resolve(c => c.Source.AcceptedCount);
        Field<NonNullGraphType<IntGraphType>>("waitlistCount").Description("How many wait for a place.").Resolve(c => c.Source.WaitlistCount);
        Field<NonNullGraphType<BooleanGraphType>>("viewerIsSecretariat")
            .Description("Whether the caller runs this meeting (the dialogue's secretariat): they change it, and take its notes.")
            .Resolve(c => c.Source.ViewerIsSecretariat);
        Field<NonNullGraphType<MeetingViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do with the meeting now, by the rules its mutations apply: one flag per mutation.")
            .Resolve(MeetingViewerMayGraphType.For);
        Field<StringGraphType>("participantListUrl")
            .Description("Where the secretariat downloads the participant list (CSV, UTF-8, opens in Excel); null for anyone else.")
            .Resolve(c => c.Source.Permissions?.ExportParticipants == true ? DocumentLinks.ParticipantListPath(c.Source.Id) : null);
        Field<StringGraphType>("attendanceSheetUrl")
            .Description("Where the secretariat downloads the attendance sheet (DOCX: the participants, a signature column per day); null for anyone else.")
            .Argument<StringGraphType>("language", "The language of its headings: ar, en or fr; the meeting's first working language when omitted.")
            .Resolve(c => c.Source.Permissions?.ExportParticipants == true
                ? DocumentLinks.AttendanceSheetPath(c.Source.Id, Language.IsSupported(c.GetArgument<string?>("language")) ? c.GetArgument<string>("language") : c.Source.Details.WorkingLanguages[0])
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DelegationGraphType>>>>("delegations")
            .Description("The partner states invited as states: all of them for the secretariat, their own state's for a focal point; empty for others.")
            .Resolve(c => c.Source.Delegations ?? []);
        Field<RegistrationGraphType>("myRegistration")
            .Description("The caller's own registration, when their invitation stands (registeredAt null before they register); null for others.")
            .Resolve(c => c.Source.MyRegistration is { } mine ? new RegistrationRow(c.Source.Id, mine, c.Source.ViewerIsSecretariat, c.Source.Details.WorkingLanguages[0]) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegistrationGraphType>>>>("registrations")
            .Description("Every invitee's registration, by affiliation then name, for the secretariat (FORBIDDEN for others).")
            .ResolveAsync(async c =>
            {
                var registrations = await c.Grains().GetGrain<IMeetingGrain>(c.Source.Id).GetRegistrationsAsync(c.Caller());
                return registrations.Select(r => new RegistrationRow(c.Source.Id, r, true, c.Source.Details.WorkingLanguages[0])).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotesApprovalGraphType>>>>("notesApprovals")
            .Description("Who approved the notes and when, for the secretariat and the co-chairs; empty for others. Never linked to an entry.")
            .Resolve(c => c.Source.NotesApprovals ?? []);
        Field<NonNullGraphType<MeetingOutcomesGraphType>>("outcomes")
            .Description("Its conclusions and recommendations: all of them for its note-takers, co-chairs, translators and the secretariat; the published ones for its other viewers (of a public meeting, for anyone).")
            .ResolveAsync(async c => c.OptionalCaller() is { } caller
                ? await c.Grains().GetGrain<Outcomes.IMeetingOutcomesGrain>(c.Source.Id).GetAsync(caller)
                : await c.Grains().GetGrain<Outcomes.IMeetingOutcomesGrain>(c.Source.Id).GetPublicAsync());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationFollowUpGraphType>>>>("recommendationsToReview")
            .Description("When a session of the meeting reviews recommendations: the dialogue's published recommendations of earlier meetings still open or in progress; empty otherwise.")
            .ResolveAsync(async c => c.Source.Sessions.Any(s => s.ReviewsRecommendations)
                ? await c.Grains().GetGrain<Outcomes.IFollowUpIndexGrain>(c.Source.DialogueKey).ToReviewAsync(c.OptionalCaller(), c.Source.Id, c.Source.StartsAt)
                : Array.Empty<Outcomes.RecommendationFollowUp>());
    }
}

public sealed class NotesApprovalGraphType : ObjectGraphType<NotesApprovalView>
{
    public NotesApprovalGraphType()
    {
        Name = "NotesApproval";
        Description = "A co-chair's approval of the meeting's notes (the secretariat's, in a meeting without co-chairs).";
        Field<NonNullGraphType<MeetingPersonGraphType>>("approvedBy").Description("Who approved.").Resolve(c => c.Source.ApprovedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("approvedAt").Description("When.").Resolve(c => c.Source.ApprovedAt);
    }
}

public sealed class MeetingChangeGraphType : ObjectGraphType<MeetingChange>
{
    public MeetingChangeGraphType()
    {
        Name = "MeetingPayload";
        Description = "The meeting after a change, and what the secretariat should know about it.";
        Field<NonNullGraphType<MeetingGraphType>>("meeting").Description("The meeting as it is after the change.").Resolve(c => c.Source.Meeting);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningGraphType>>>>("warnings").Description("What the secretariat should know, e.g. CO_CHAIR_BALANCE when the co-chairs come from one regional group.").Resolve(c => c.Source.Warnings);
    }
}

public sealed class MeetingSummaryGraphType : ObjectGraphType<MeetingSummary>
{
    public MeetingSummaryGraphType()
    {
        Name = "MeetingListItem";
        Description = "A meeting as lists show it: enough to find it, open it with the meeting query.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The meeting's id, \"{dialogue key}/{meeting}\".").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("dialogueKey").Description("The dialogue that holds it.").Resolve(c => c.Source.DialogueKey);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Description("Its title in the working languages.").Resolve(c => c.Source.Titles);
        Field<NonNullGraphType<MeetingTypeEnum>>("type").Description("What kind of meeting it is.").Resolve(c => c.Source.Type);
        Field<StringGraphType>("pillar").Description("The dialogue's pillar it belongs to.").Resolve(c => c.Source.Pillar);
        Field<NonNullGraphType<MeetingStatusEnum>>("status").Description("Where it stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("hostCountry").Description("The ISO code of the host state.").Resolve(c => c.Source.HostCountry);
        Field<NonNullGraphType<StringGraphType>>("city").Description("The city it is held in.").Resolve(c => c.Source.City);
        Field<StringGraphType>("venue").Description("Where in the city.").Resolve(c => c.Source.Venue);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The host city's IANA time zone.").Resolve(c => c.Source.TimeZone);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When it starts.").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends.").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("coChairs").Description("Its co-chairs.").Resolve(c => c.Source.CoChairs);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Grows with every change participants must hear about.").Resolve(c => c.Source.Revision);
    }
}

public sealed class MeetingPageGraphType : ObjectGraphType<MeetingPage>
{
    public MeetingPageGraphType()
    {
        Name = "MeetingConnection";
        Description = "One page of meetings, with the cursor to the next page.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingSummaryGraphType>>>>("nodes").Description("The meetings of this page.").Resolve(c => c.Source.Meetings);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more meetings follow.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many meetings match, on every page together.").Resolve(c => c.Source.TotalCount);
    }
}

public sealed class SlotGraphType : ObjectGraphType<Slot>
{
    public SlotGraphType()
    {
        Name = "Slot";
        Description = "A time in which everyone asked for is free and within their working hours.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Description("When the slot starts.").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Description("When it ends.").Resolve(c => c.Source.End);
    }
}

public sealed class ImportProblemGraphType : ObjectGraphType<ImportProblem>
{
    public ImportProblemGraphType()
    {
        Name = "ImportProblem";
        Description = "A line of an import file that cannot be imported, and why.";
        Field<NonNullGraphType<IntGraphType>>("line").Description("The line of the file, counting the header as line 1.").Resolve(c => c.Source.Line);
        Field<StringGraphType>("field").Description("The column at fault, when one is.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What is wrong, in words.").Resolve(c => c.Source.Message);
    }
}

public sealed class ImportReportGraphType : ObjectGraphType<ImportReport>
{
    public ImportReportGraphType()
    {
        Name = "ImportReport";
        Description = "What an import of members did, or would do on a dry run.";
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("Whether nothing was imported on purpose (a dry run).").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemGraphType>>>>("problems").Description("Every line that cannot be imported; nothing is imported while there is one.").Resolve(c => c.Source.Problems);
        Field<NonNullGraphType<IntGraphType>>("imported").Description("How many people were imported.").Resolve(c => c.Source.Imported);
    }
}
