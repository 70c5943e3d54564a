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
        Description = "What a meeting or library document is: a discussion guide, a presentation, the conclusions, background reading, other, an agenda, a concept note, or a report.";
    }
}

public sealed class LocalizedTextGraphType : ObjectGraphType<LocalizedText>
{
    public LocalizedTextGraphType()
    {
        Name = "LocalizedText";
        Description = "A text in one of the dialogue's working languages.";
        Field(x => x.Language).Description(Describe.Language);
        Field(x => x.Text).Description("The text in that language.");
    }
}

public sealed class MeetingPersonGraphType : ObjectGraphType<MeetingPerson>
{
    public MeetingPersonGraphType()
    {
        Name = "MeetingPerson";
        Description = "A person as the meeting shows them: name and the state or organisation they represent.";
        Field(x => x.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person's id.");
        Field(x => x.Name).Description("Their name.");
        Field(x => x.Affiliation).Description("The partner state, organisation or city they represent.");
        Field(x => x.RegionalGroup).Description("The regional group of the state they represent, when they represent one.");
    }
}

public sealed class WorkingSessionGraphType : ObjectGraphType<WorkingSession>
{
    public WorkingSessionGraphType()
    {
        Name = "WorkingSession";
        Description = "A working session of a meeting's agenda, with its moderators and discussion guide. Live notes are kept per session.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The session's id within its meeting.");
        Field(x => x.Title).Description("Its title in the meeting's first working language, e.g. Readmission and return.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextGraphType>>>>("titles").Description("Its title in each of the meeting's working languages it was given in.")
            .Resolve(c => c.Source.Titles ?? []);
        Field(x => x.StartsAt).Description("When it starts.");
        Field(x => x.EndsAt).Description("When it ends.");
        Field(x => x.Moderators).Description("Who moderates it.");
        Field(x => x.Description).Description("What it is about.");
        Field(x => x.DiscussionGuideDocumentId, type: typeof(IdGraphType)).Description("The id of its discussion guide among the meeting's documents.");
        Field(x => x.ReviewsRecommendations).Description("Whether the session reviews the follow-up of earlier meetings' recommendations.");
    }
}

public sealed class InvitationGraphType : ObjectGraphType<Invitation>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Description = "An invitation of one person to a meeting, and where they stand.";
        Field(x => x.Invitee).Description("Who is invited.");
        Field(x => x.Status).Description("Their answer so far.");
        Field(x => x.WaitlistPosition).Description("1 for the next to get a place");
        Field(x => x.InvitedAt).Description("When the invitation was sent.");
        Field(x => x.RespondedAt).Description("When they last answered.");
        Field(x => x.DeliveryProblem).Description("Why mail to this invitee cannot be delivered, when it cannot.");
    }
}

public sealed class MeetingDocumentGraphType : ObjectGraphType<MeetingDocument>
{
    public MeetingDocumentGraphType()
    {
        Name = "MeetingDocument";
        Description = "A document of a meeting: uploaded to the server, or a link.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The document's id within its meeting.");
        Field(x => x.Title).Description("Its title.");
        Field(x => x.Kind).Description("What it is.");
        Field(x => x.Visibility).Description("Who may see it.");
        Field(x => x.Url).Description("The link, or the download address of an uploaded file.");
        Field<StringGraphType>("fileName").Description("The uploaded file's name; null for a link.").Resolve(c => c.Source.FileName);
        Field<StringGraphType>("contentType").Description("The uploaded file's media type, e.g. application/pdf; null for a link.").Resolve(c => c.Source.ContentType);
        Field<LongGraphType>("size").Description("The uploaded file's size in bytes; null for a link.").Resolve(c => c.Source.Size);
        Field(x => x.AddedAt).Description("When it was added.");
        Field<IdGraphType>("libraryDocumentId").Description("For a document of the dialogue's library, its id there (see the library query); its url then downloads it from the library.")
            .Resolve(c => c.Source.LibraryDocumentId);
    }
}

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "An administrative change to a meeting. The audit never covers notes.";
        Field(x => x.At).Description("When the change was made.");
        Field(x => x.PersonId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who made it.");
        Field<PersonGraphType>("person").Description("Who made it, while their account exists.").ResolveAsync(async c => await c.Grains().GetGrain<IPersonGrain>(c.Source.PersonId).FindAsync());
        Field(x => x.Action).Description("What was done, e.g. scheduled, chairs-set, invited.");
        Field(x => x.Summary).Description("The change in words.");
    }
}

public sealed class WarningGraphType : ObjectGraphType<Warning>
{
    public WarningGraphType()
    {
        Name = "Warning";
        Description = "Something the secretariat should know about a change that was made nonetheless.";
        Field(x => x.Code).Description("What kind of warning, e.g. CO_CHAIR_BALANCE, PERSON_BOOKED, VENUE_TAKEN.");
        Field(x => x.Message).Description("The warning in English.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningValueGraphType>>>>("values")
            .Description("The values the code's sentence takes, so a client says it in the user's language: name and title for PERSON_BOOKED, venue and title for VENUE_TAKEN, target for NO_INVITEES and NO_FOCAL_POINT, group for CO_CHAIR_BALANCE, first and second for CO_CHAIR_PAIRING.")
            .Resolve(c => WarningValueGraphType.Of(c.Source.Values));
    }
}

public sealed class WarningValueGraphType : ObjectGraphType<KeyValuePair<string, string>>
{
    public WarningValueGraphType()
    {
        Name = "WarningValue";
        Description = "One value of a warning's or an import problem's sentence, by the name its placeholder has.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The placeholder's name, e.g. title.").Resolve(c => c.Source.Key);
        Field(x => x.Value, type: typeof(NonNullGraphType<StringGraphType>)).Description("Its value, e.g. the other meeting's title.");
    }

    /// <summary>A sentence's values in a stable order (by name).</summary>
    public static List<KeyValuePair<string, string>> Of(IReadOnlyDictionary<string, string>? values) =>
        (values ?? new Dictionary<string, string>()).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
}

public sealed class MeetingGraphType : ObjectGraphType<MeetingView>
{
    public MeetingGraphType()
    {
        Name = "Meeting";
        Description = "A meeting page: details, agenda, co-chairs, participants and documents, cut to what the caller may see.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting's id, \"{dialogue key}/{meeting}\".");
        Field(x => x.DialogueKey).Description("The dialogue that holds it.");
        Field(x => x.Details.Titles).Description("Its title in the working languages.");
        Field(x => x.Details.Descriptions).Description("What it is about, in the working languages.");
        Field(x => x.Details.Type).Description("What kind of meeting it is.");
        Field(x => x.Details.Pillar).Description("The dialogue's pillar it belongs to.");
        Field(x => x.Details.HostCountry).Description("The ISO code of the partner state that hosts it.");
        Field(x => x.Details.City).Description("The city it is held in.");
        Field(x => x.Details.Venue).Description("Where in the city.");
        Field(x => x.Details.TimeZone).Description("The host city's IANA time zone, e.g. Europe/Malta.");
        Field(x => x.StartsAt).Description("When it starts.");
        Field(x => x.EndsAt).Description("When it ends.");
        Field<NonNullGraphType<StringGraphType>>("startsLocal").Description("In the meeting's time zone").Resolve(c => LocalTime.Format(c.Source.Details.StartsLocal));
        Field<NonNullGraphType<StringGraphType>>("endsLocal").Description("When it ends, on the host city's clock.").Resolve(c => LocalTime.Format(c.Source.Details.EndsLocal));
        Field(x => x.Details.WorkingLanguages).Description("The languages it is held in.");
        Field(x => x.Details.Interpretation).Description("Whether there is interpretation between the working languages.");
        Field<IntGraphType>("capacity").Description("How many participants it takes; further acceptances join the waitlist. No limit when null.").Resolve(c => c.Source.Details.Capacity);
        Field(x => x.Details.Visibility).Description("Who may see it.");
        Field(x => x.Details.LiveNotesForParticipants).Description("Whether participants may follow the notes while they are taken.");
        Field(x => x.Details.AttributionGuard).Description("What the live notes do with text that ties a statement to someone.");
        Field(x => x.Details.Format).Description("Where people attend: in the room, online, or both.");
        Field(x => x.OnlineMeetingUrl)
            .Description("The link to join online (the secretariat's own, or the Teams meeting Microsoft Graph made), for participants and the secretariat.");
        Field(x => x.Status).Description("Where the meeting stands.");
        Field(x => x.CancellationReason).Description("Why it was cancelled, when it was.");
        Field(x => x.Revision).Description("Grows with every change participants must hear about (the iCalendar SEQUENCE).");
        Field<NonNullGraphType<IntGraphType>>("version").Description("Grows with every change; send it back as expectedVersion.").Resolve(c => c.Source.Version);
        Field(x => x.Sessions).Description("The agenda's working sessions, in order.");
        Field(x => x.CoChairs).Description("Its co-chairs.");
        Field(x => x.Rapporteurs).Description("Its rapporteurs, who take the notes with the co-chairs and the secretariat.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationGraphType>>>>("invitations").Description("Every invitation, for the secretariat; empty for others.").Resolve(c => c.Source.Invitations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingPersonGraphType>>>>("participants").Description("Who takes part, for participants and the secretariat; empty for others.").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingDocumentGraphType>>>>("documents").Description("Its documents the caller may see.").Resolve(c => c.Source.Documents.Select(d => DocumentLinks.Resolve(c.Source.Id, d)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditTrail").Description("For the secretariat; empty for others.").Resolve(c => c.Source.AuditTrail);
        Field(x => x.MyInvitation).Description("The caller's own invitation, when they are invited.");
        Field(x => x.AcceptedCount).Description("How many invitees have accepted.");
        Field(x => x.WaitlistCount).Description("How many wait for a place.");
        Field(x => x.ViewerIsSecretariat)
            .Description("Whether the caller runs this meeting (the dialogue's secretariat): they change it, and take its notes.");
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
        Field(x => x.ApprovedBy).Description("Who approved.");
        Field(x => x.ApprovedAt).Description("When.");
    }
}

public sealed class MeetingPayloadGraphType : ObjectGraphType<MeetingChange>
{
    public MeetingPayloadGraphType()
    {
        Name = "MeetingPayload";
        Description = "The meeting after a change, and what the secretariat should know about it.";
        Field(x => x.Meeting).Description("The meeting as it is after the change.");
        Field(x => x.Warnings).Description("What the secretariat should know, e.g. CO_CHAIR_BALANCE when the co-chairs come from one regional group.");
    }
}

public sealed class MeetingListItemGraphType : ObjectGraphType<MeetingSummary>
{
    public MeetingListItemGraphType()
    {
        Name = "MeetingListItem";
        Description = "A meeting as lists show it: enough to find it, open it with the meeting query.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting's id, \"{dialogue key}/{meeting}\".");
        Field(x => x.DialogueKey).Description("The dialogue that holds it.");
        Field(x => x.Titles).Description("Its title in the working languages.");
        Field(x => x.Type).Description("What kind of meeting it is.");
        Field(x => x.Pillar).Description("The dialogue's pillar it belongs to.");
        Field(x => x.Status).Description("Where it stands.");
        Field(x => x.HostCountry).Description("The ISO code of the host state.");
        Field(x => x.City).Description("The city it is held in.");
        Field(x => x.Venue).Description("Where in the city.");
        Field(x => x.TimeZone).Description("The host city's IANA time zone.");
        Field(x => x.StartsAt).Description("When it starts.");
        Field(x => x.EndsAt).Description("When it ends.");
        Field(x => x.CoChairs).Description("Its co-chairs.");
        Field(x => x.Revision).Description("Grows with every change participants must hear about.");
    }
}

public sealed class MeetingConnectionGraphType : ObjectGraphType<MeetingPage>
{
    public MeetingConnectionGraphType()
    {
        Name = "MeetingConnection";
        Description = "One page of meetings, with the cursor to the next page.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeetingListItemGraphType>>>>("nodes").Description("The meetings of this page.").Resolve(c => c.Source.Meetings);
        Field(x => x.EndCursor).Description("Pass as 'after' for the next page.");
        Field(x => x.HasNextPage).Description("Whether more meetings follow.");
        Field(x => x.TotalCount).Description("How many meetings match, on every page together.");
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
        Field(x => x.Line).Description("The line of the file, counting the header as line 1.");
        Field(x => x.Field).Description("The column at fault, when one is.");
        Field(x => x.Message).Description("What is wrong, in English.");
        Field(x => x.Reason).Description("What exactly is wrong, as a key clients translate, as for a refused field (REQUIRED, INVALID_EMAIL, DUPLICATE_EMAIL, UNKNOWN_ROLES, …).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningValueGraphType>>>>("values")
            .Description("The values the reason's sentence takes: line for DUPLICATE_EMAIL (the line the address is first on), roles and known for UNKNOWN_ROLES, max for TOO_LONG.")
            .Resolve(c => WarningValueGraphType.Of(c.Source.Values));
    }
}

public sealed class ImportReportGraphType : ObjectGraphType<ImportReport>
{
    public ImportReportGraphType()
    {
        Name = "ImportReport";
        Description = "What an import of members did, or would do on a dry run.";
        Field(x => x.DryRun).Description("Whether nothing was imported on purpose (a dry run).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemGraphType>>>>("problems").Description("Every line that cannot be imported; nothing is imported while there is one.").Resolve(c => c.Source.Problems);
        Field(x => x.Imported).Description("How many people were imported.");
    }
}
