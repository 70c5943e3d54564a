using Collaboration.Exchanges;
using Collaboration.WorkingGroups;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

/// <summary>
/// An object's viewerMay: one Boolean per thing the caller may do with it now, named after the mutation. The
/// grains answer them with the rules that authorize the mutations; these types only carry them.
/// </summary>
public abstract class ViewerMayGraphType<T> : ObjectGraphType<T>
{
    protected void Flag(string name, string description, Func<T, bool> value) =>
        Field<NonNullGraphType<BooleanGraphType>>(name).Description(description).Resolve(c => value(c.Source));

    protected void Flag(string name, string description, Func<T, Task<bool>> value) =>
        Field<NonNullGraphType<BooleanGraphType>>(name).Description(description).ResolveAsync(async c => await value(c.Source));
}

/// <summary>
/// A meeting's flags: the meeting's own, read with the meeting, and those of its notes, asked of the notes grain
/// once per meeting and only when one of them is selected.
/// </summary>
public sealed record MeetingViewerMay(MeetingPermissions Meeting, Lazy<Task<NotesPermissions>> Notes);

public sealed class MeetingViewerMayGraphType : ViewerMayGraphType<MeetingViewerMay>
{
    public MeetingViewerMayGraphType()
    {
        Name = "MeetingViewerMay";
        Description = "What the caller may do with this meeting now, by role and by the meeting's state; each flag is what the mutation (or hub method) named will let through.";
        Flag("updateDetails", "updateMeetingDetails: the secretariat, before the meeting concludes.", s => s.Meeting.UpdateDetails);
        Flag("schedule", "scheduleMeeting: the secretariat, while the meeting is a draft.", s => s.Meeting.Schedule);
        Flag("open", "openMeeting: the secretariat, once the meeting is scheduled.", s => s.Meeting.Open);
        Flag("conclude", "concludeMeeting: the secretariat, while the meeting is in progress.", s => s.Meeting.Conclude);
        Flag("cancel", "cancelMeeting: the secretariat, before the meeting concludes.", s => s.Meeting.Cancel);
        Flag("manageAgenda", "addWorkingSession, updateWorkingSession, removeWorkingSession, reorderWorkingSessions: the secretariat, before the meeting concludes.", s => s.Meeting.ManageAgenda);
        Flag("setChairs", "setMeetingChairs: the secretariat, before the meeting concludes.", s => s.Meeting.SetChairs);
        Flag("setNotesSettings", "setNotesSettings: the secretariat, before the meeting concludes.", s => s.Meeting.SetNotesSettings);
        Flag("invite", "inviteToMeeting: the secretariat, before the meeting concludes.", s => s.Meeting.Invite);
        Flag("withdrawInvitation", "withdrawInvitation: the secretariat, before the meeting concludes.", s => s.Meeting.WithdrawInvitation);
        Flag("respond", "respondToInvitation: an invitee, while the meeting is scheduled or in progress and their invitation was not withdrawn.", s => s.Meeting.Respond);
        Flag("nominate", "nominateDelegates, withdrawNomination, declineDelegation: the secretariat and the focal points of an invited state, before the meeting concludes (Delegation.canNominate says for which state).", s => s.Meeting.Nominate);
        Flag("register", "registerForMeeting: an invitee whose invitation stands, before the meeting concludes.", s => s.Meeting.Register);
        Flag("manageDocuments", "addDocumentLink, removeDocument and uploads: the secretariat, unless the meeting was cancelled.", s => s.Meeting.ManageDocuments);
        Flag("seeParticipants", "Whether Meeting.participants and the online link are shown: participants and the secretariat.", s => s.Meeting.SeeParticipants);
        Flag("seeInvitations", "Whether Meeting.invitations lists every invitation: the secretariat.", s => s.Meeting.SeeInvitations);
        Flag("seeOutbox", "Whether the delivery of the meeting's mail is shown (Invitation.deliveryProblem): the secretariat.", s => s.Meeting.SeeOutbox);
        Flag("seeAudit", "Whether Meeting.auditTrail is shown: the secretariat.", s => s.Meeting.SeeAudit);
        Flag("exportParticipants", "The participant list (CSV) and attendance sheet (DOCX) downloads: the secretariat.", s => s.Meeting.ExportParticipants);
        Flag("followNotes", "The notes hub's JoinMeeting and GetPresence: note-takers, and participants when the meeting lets them follow live.", async s => (await s.Notes.Value).Follow);
        Flag("takeNotes", "The notes hub's CheckEntry, AppendEntry, EditEntry, DeleteEntry, ReviewEntry, StartEditing, StopEditing, CloseSession and ReopenSession: the secretariat, co-chairs and rapporteurs, while the meeting runs and the notes are not final.", async s => (await s.Notes.Value).TakeNotes);
        Flag("approveNotes", "The notes hub's ApproveNotes: a co-chair (the secretariat when there is none), once every session is closed and no entry waits for review.", async s => (await s.Notes.Value).Approve);
        Flag("reopenNotes", "The notes hub's ReopenNotes: the secretariat, once the notes are final.", async s => (await s.Notes.Value).Reopen);
        Flag("readNotes", "meetingNotes and the Summary of Discussions: those who follow the notes live, and participants once the notes are final.", async s => (await s.Notes.Value).Read);
        Flag("translateNotes", "notesTranslation and translateNote: the dialogue's translators and secretariat, for a meeting they see.", async s => (await s.Notes.Value).Translate);
    }

    /// <summary>The meeting's flags for the caller of a request.</summary>
    public static MeetingViewerMay For(IResolveFieldContext<MeetingView> c)
    {
        // Read now: GraphQL.NET reuses the context once the resolver returns, and the notes are asked later.
        var caller = c.OptionalCaller();
        var grains = c.Grains();
        var id = c.Source.Id;
        var permissions = c.Source.Permissions;
        return new MeetingViewerMay(
            permissions ?? MeetingPermissions.None,
            new Lazy<Task<NotesPermissions>>(() => caller is null || permissions is null
                ? Task.FromResult(new NotesPermissions(false, false, false, false, false))
                : grains.GetGrain<INotesGrain>(id).GetPermissionsAsync(caller)));
    }
}

public sealed class DialogueViewerMayGraphType : ViewerMayGraphType<DialoguePermissions>
{
    public DialogueViewerMayGraphType()
    {
        Name = "DialogueViewerMay";
        Description = "What the caller may do in this dialogue now; each flag is what the mutations named will let through.";
        Flag("update", "updateDialogue: the secretariat.", s => s.Update);
        Flag("manageMembers", "addMember, setMembership, removeMember: the secretariat.", s => s.ManageMembers);
        Flag("managePartners", "addPartnerState, updatePartnerState, removePartnerState, addPartnerAgency, addObserver, removeOrganisation: the secretariat.", s => s.ManagePartners);
        Flag("importMembers", "importMembers: the secretariat.", s => s.ImportMembers);
        Flag("createMeeting", "createMeeting: the secretariat.", s => s.CreateMeeting);
        Flag("suggestMeetingSlots", "suggestMeetingSlots, the scheduling assistant: the secretariat.", s => s.SuggestMeetingSlots);
        Flag("createWorkingGroup", "createWorkingGroup: the secretariat.", s => s.CreateWorkingGroup);
        Flag("createCity", "createCity: the secretariat.", s => s.CreateCity);
        Flag("createPartnership", "createCityPartnership: the secretariat.", s => s.CreatePartnership);
        Flag("manageLibrary", "addLibraryDocument, updateLibraryDocument, removeLibraryDocument and uploads of library files: the secretariat.", s => s.ManageLibrary);
        Flag("requestExchange", "requestExpertExchange, in the name of a state the caller represents (a delegate or focal point); PriorityRegistry.viewerMay.requestExchange says which.", s => s.RequestExchange);
    }
}

public sealed class WorkingGroupViewerMayGraphType : ViewerMayGraphType<WorkingGroupPermissions>
{
    public WorkingGroupViewerMayGraphType()
    {
        Name = "WorkingGroupViewerMay";
        Description = "What the caller may do with this working group now; action items say who may move each (ActionItem.viewerMayMoveTo).";
        Flag("update", "updateWorkingGroup: the secretariat.", s => s.Update);
        Flag("setSeries", "setWorkingGroupSeries: its chairs and the secretariat.", s => s.SetSeries);
        Flag("scheduleMeetings", "scheduleWorkingGroupMeetings: the secretariat, once the group has a series.", s => s.ScheduleMeetings);
        Flag("addDocument", "addWorkingGroupDocument: its chairs and the secretariat.", s => s.AddDocument);
        Flag("addActionItem", "addActionItem and updateActionItem: its chairs and the secretariat.", s => s.AddActionItem);
    }
}

public sealed class ExpertExchangeViewerMayGraphType : ViewerMayGraphType<ExchangePermissions>
{
    public ExpertExchangeViewerMayGraphType()
    {
        Name = "ExpertExchangeViewerMay";
        Description = "Which step of its lifecycle the caller may take on this exchange now: at most the steps its status allows, and only the caller's.";
        Flag("submit", "submitExpertExchange: its drafter or a focal point of the requesting state, while it is a draft.", s => s.Submit);
        Flag("endorse", "endorseExpertExchange: a focal point of the requesting state, once submitted.", s => s.Endorse);
        Flag("review", "reviewExpertExchange: the secretariat, once endorsed.", s => s.Review);
        Flag("giveOpinion", "giveExchangeOpinion: an officer of a consulted agency, under review and before the deadline.", s => s.GiveOpinion);
        Flag("suggestHosts", "suggestExchangeHosts: the secretariat.", s => s.SuggestHosts);
        Flag("approve", "approveExpertExchange: the secretariat, under review.", s => s.Approve);
        Flag("reject", "rejectExpertExchange: the secretariat, under review.", s => s.Reject);
        Flag("confirmHost", "confirmExchangeHost: a focal point of the host state, once approved.", s => s.ConfirmHost);
        Flag("declineHost", "declineExchangeHost: a focal point of the host state, once approved (whoever may confirm hosting).", s => s.DeclineHost);
        Flag("withdraw", "withdrawExpertExchange: the requesting expert, the drafter or a focal point of the requesting state, before it is completed and while it has not ended.", s => s.Withdraw);
        Flag("cancel", "cancelExpertExchange: the secretariat, before it is completed and while it has not ended.", s => s.Cancel);
        Flag("schedule", "scheduleExpertExchange: the secretariat, once the host confirmed.", s => s.Schedule);
        Flag("complete", "completeExpertExchange: the secretariat, once scheduled.", s => s.Complete);
        Flag("evaluate", "evaluateExpertExchange: the requesting expert or a focal point of either state, once completed, while their side has not evaluated.", s => s.Evaluate);
    }
}

public sealed class PriorityRegistryViewerMayGraphType : ViewerMayGraphType<PriorityRegistryView>
{
    public PriorityRegistryViewerMayGraphType()
    {
        Name = "PriorityRegistryViewerMay";
        Description = "What the caller may do with this partner state's registry, and in its name.";
        Flag("addPriority", "addPriority: the state's focal points and the secretariat.", s => s.ViewerMayEdit);
        Flag("removePriority", "removePriority: the state's focal points and the secretariat.", s => s.ViewerMayEdit);
        Flag("requestExchange", "requestExpertExchange in this state's name: its delegates and focal points.", s => s.ViewerMayRequestExchange);
    }
}

public sealed class CityViewerMayGraphType : ViewerMayGraphType<Cities.CityView>
{
    public CityViewerMayGraphType()
    {
        Name = "CityViewerMay";
        Description = "What the caller may do with this city now.";
        Flag("saveProfile", "saveCityProfile: the city's officials and the secretariat.", s => s.ViewerMayEdit);
    }
}

public sealed class CityPartnershipViewerMayGraphType : ViewerMayGraphType<Cities.CityPartnershipView>
{
    public CityPartnershipViewerMayGraphType()
    {
        Name = "CityPartnershipViewerMay";
        Description = "What the caller may do with this partnership now.";
        Flag("addMilestone", "addMilestone: the partner cities' officials and the secretariat.", s => s.ViewerMayEdit);
        Flag("setMilestoneStatus", "setMilestoneStatus: the partner cities' officials and the secretariat.", s => s.ViewerMayEdit);
        Flag("linkMeeting", "linkPartnershipMeeting (of a meeting the caller sees): the partner cities' officials and the secretariat.", s => s.ViewerMayEdit);
    }
}

public sealed class InstallationViewerMayGraphType : ViewerMayGraphType<InstallationPermissions>
{
    public InstallationViewerMayGraphType()
    {
        Name = "ViewerMay";
        Description = "What the caller may do across the installation (administration).";
        Flag("createDialogue", "createDialogue: administrators.", s => s.CreateDialogue);
        Flag("seeOutbox", "The outbox query: administrators.", s => s.SeeOutbox);
        Flag("retryOutboxMessage", "retryOutboxMessage: administrators.", s => s.RetryOutboxMessage);
        Flag("erasePerson", "erasePerson: administrators.", s => s.ErasePerson);
        Flag("exportAnyPersonalData", "personalData of another person: administrators (everyone exports their own).", s => s.ExportAnyPersonalData);
    }
}
