using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Collaboration.Outcomes;

[GenerateSerializer, Alias("collaboration.meeting-outcomes-state")]
public sealed class MeetingOutcomesState
{
    /// <summary>The outcomes in order of proposal (numbers follow this order, per kind).</summary>
    [Id(0)] public List<Outcome> Outcomes { get; set; } = [];
    [Id(1)] public bool Published { get; set; }
    [Id(2)] public int Version { get; set; }

    /// <summary>
    /// Hashes of the idempotency keys of requests done here: a key is scoped to its caller, and only its hash is
    /// kept, so the stored outcomes name nobody.
    /// </summary>
    [Id(3)] public List<string> Requests { get; set; } = [];
}

/// <summary>
/// A meeting's conclusions and recommendations and the rules about them: drafted by the note-takers while the
/// meeting is in progress or concluded, adopted one by one by a co-chair (the secretariat when there is none),
/// published together by the secretariat; then read-only but for translations and the follow-up of each
/// recommendation (progress reported for the parties it addresses, action items and exchange requests it
/// spawns). Under the Chatham House Rule the caller of each method is checked and forgotten: nothing here keeps,
/// logs or sends who drafted, adopted, translated or reported. A refused call changes nothing.
/// </summary>
public sealed partial class MeetingOutcomesGrain(
    [PersistentState("meeting-outcomes", StorageNames.Grains)] IPersistentState<MeetingOutcomesState> state,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<MeetingOutcomesGrain> logger) : Grain, IMeetingOutcomesGrain
{
    /// <summary>The follow-up index missed a change (it could not be reached after a write): tell it again at the next call.</summary>
    private bool _indexBehind;

    /// <summary>The longest outcome or translation, in characters.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The most outcomes one meeting may have.</summary>
    public const int MaxOutcomes = 200;

    /// <summary>The most progress updates one recommendation keeps.</summary>
    public const int MaxProgress = 200;

    private int _vocabularyVersion = -1;
    private Notes.AttributionCheck? _attribution;

    private MeetingOutcomesState State => state.State;

    private string MeetingId => this.GetPrimaryKeyString();

    private string DialogueKey => MeetingKey.DialogueOf(MeetingId) ?? throw CollaborationException.NotFound($"There is no meeting '{MeetingId}'.");

    public async Task<MeetingOutcomes> GetAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (_indexBehind)
            await TellIndexAsync(context);
        return View(context);
    }

    public async Task<MeetingOutcomes> GetPublicAsync()
    {
        // The meeting answers NOT_FOUND to someone not signed in unless it is public.
        await grains.GetGrain<IMeetingGrain>(MeetingId).GetAsync(null);
        return new MeetingOutcomes(MeetingId, [.. State.Outcomes.Where(o => o.Status == OutcomeStatus.Published)], State.Published, State.Version,
            new OutcomesPermissions(false, false, false, false, false));
    }

    public async Task<MeetingOutcomes> ProposeAsync(Caller caller, OutcomeInput input, string? idempotencyKey = null)
    {
        var key = HashedKey(caller, idempotencyKey);
        var context = await ContextAsync(caller);
        if (key is not null && State.Requests.Contains(key))
            return View(context);
        if (DraftRefusal(context) is { } refusal)
            throw refusal;
        if (State.Outcomes.Count >= MaxOutcomes)
            throw CollaborationException.Validation($"A meeting has at most {MaxOutcomes} outcomes.", "outcome", "TOO_MANY_OUTCOMES", ("max", MaxOutcomes));
        var valid = Valid(context, input);
        State.Outcomes.Add(new Outcome(Guid.CreateVersion7().ToString("N"), valid.Kind, 0, valid.SessionId, valid.Language, valid.Text, 1,
            OutcomeStatus.Proposed, valid.Addressees!, [], FollowUpStatus.Open, [], []));
        Remember(key);
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> EditAsync(Caller caller, string outcomeId, int expectedVersion, OutcomeInput input)
    {
        var context = await ContextAsync(caller);
        if (DraftRefusal(context) is { } refusal)
            throw refusal;
        var (index, outcome) = Find(context, outcomeId);
        EnsureProposed(outcome);
        EnsureVersion(outcome, expectedVersion);
        var valid = Valid(context, input);
        State.Outcomes[index] = outcome with
        {
            Kind = valid.Kind,
            SessionId = valid.SessionId,
            Language = valid.Language,
            Text = valid.Text,
            Addressees = valid.Addressees!,
            Version = outcome.Version + 1,
            // A translation into the outcome's new language is the original now.
            Translations = [.. outcome.Translations.Where(t => t.Language != valid.Language)],
        };
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> WithdrawAsync(Caller caller, string outcomeId, int expectedVersion)
    {
        var context = await ContextAsync(caller);
        if (DraftRefusal(context) is { } refusal)
            throw refusal;
        var (index, outcome) = Find(context, outcomeId);
        EnsureProposed(outcome);
        EnsureVersion(outcome, expectedVersion);
        State.Outcomes.RemoveAt(index);
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> AdoptAsync(Caller caller, string outcomeId, int expectedVersion)
    {
        var context = await ContextAsync(caller);
        if (AdoptRefusal(context) is { } refusal)
            throw refusal;
        var (index, outcome) = Find(context, outcomeId);
        EnsureProposed(outcome);
        EnsureVersion(outcome, expectedVersion);
        State.Outcomes[index] = outcome with { Status = OutcomeStatus.Adopted };
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> PublishAsync(Caller caller)
    {
        var context = await ContextAsync(caller);
        if (PublishRefusal(context) is { } refusal)
            throw refusal;
        State.Outcomes = [.. State.Outcomes.Select(o => o with { Status = OutcomeStatus.Published })];
        State.Published = true;
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> TranslateAsync(Caller caller, string outcomeId, string language, NoteText text, int sourceVersion, int expectedRevision = 0)
    {
        var context = await ContextAsync(caller);
        if (!context.MayTranslate)
            throw CollaborationException.Forbidden("Only the secretariat and its translators translate a meeting's outcomes.");
        var (index, outcome) = Find(context, outcomeId);
        var problems = new Problems();
        if (!context.Meeting.Details.WorkingLanguages.Contains(language))
            problems.Add("language", $"'{language}' is not a working language of the meeting.", "NOT_A_MEETING_LANGUAGE",
                ("languages", string.Join(", ", context.Meeting.Details.WorkingLanguages)));
        else if (language == outcome.Language)
            problems.Add("language", "The outcome is written in this language already: translate it into another.", "SAME_LANGUAGE");
        var valid = problems.Check(() => Validate.Text(text.Value, "text", MaxTextLength));
        problems.ThrowIfAny();
        if (sourceVersion != outcome.Version)
            throw CollaborationException.Conflict(
                $"The original changed since you read it (now version {outcome.Version}, not {sourceVersion}): read it again and check the translation against it.", "sourceVersion");
        Guard(context, valid!, "text");
        var held = outcome.Translations.FirstOrDefault(t => t.Language == language);
        // The same translation again (a retry after a lost answer) changes nothing; another translator's since is a conflict.
        if (held is not null && held.Text == valid && held.SourceVersion == sourceVersion)
            return View(context);
        if ((held?.Revision ?? 0) != expectedRevision)
            throw Notes.NotesTranslationGrain.TranslationChanged(held?.Revision ?? 0);
        State.Outcomes[index] = outcome with
        {
            Translations = [.. outcome.Translations.Where(t => t.Language != language), new OutcomeTranslation(language, valid!, sourceVersion, outcome.Text, (held?.Revision ?? 0) + 1)],
        };
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> ReportProgressAsync(Caller caller, string outcomeId, Addressee reportedFor, FollowUpStatus status, NoteText text, string? idempotencyKey = null)
    {
        var key = HashedKey(caller, idempotencyKey);
        var context = await ContextAsync(caller);
        if (key is not null && State.Requests.Contains(key))
            return View(context);
        var (index, outcome) = Find(context, outcomeId);
        EnsurePublishedRecommendation(outcome);
        var party = Normalized(reportedFor);
        if (!OutcomeRules.Covers(outcome, party) || party.Kind == AddresseeKind.PartnerState && context.Directory.PartnerStates.All(s => s.Code != party.Key))
            throw CollaborationException.Validation("Report progress for a party the recommendation addresses.", "reportedFor", "NOT_AN_ADDRESSEE");
        // The secretariat reports for any party addressed, one partner state among all of them too.
        if (!context.Secretariat && !OutcomeRules.MayReportFor(outcome, context.Caller, context.Directory, context.Groups).Contains(party))
            throw CollaborationException.Forbidden("Only the party's focal points or members, or the secretariat, report progress for it.");
        var problems = new Problems();
        if (!Enum.IsDefined(status))
            problems.Add("status", "status is required.", "REQUIRED");
        var valid = problems.Check(() => Validate.Text(text.Value, "text", MaxTextLength));
        if (outcome.Progress.Count >= MaxProgress)
            problems.Add("text", $"A recommendation keeps at most {MaxProgress} progress updates.", "TOO_MANY_UPDATES", ("max", MaxProgress));
        problems.ThrowIfAny();
        Guard(context, valid!, "text");
        State.Outcomes[index] = outcome with
        {
            FollowUp = status,
            Progress = [.. outcome.Progress, new ProgressUpdate(Guid.CreateVersion7().ToString("N"), clock.GetUtcNow(), party, status, valid!)],
        };
        Remember(key);
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> SpawnActionItemAsync(Caller caller, string outcomeId, string workingGroupId, WorkingGroups.ActionItemInput item, string? idempotencyKey = null)
    {
        var key = HashedKey(caller, idempotencyKey);
        var context = await ContextAsync(caller);
        if (key is not null && State.Requests.Contains(key))
            return View(context);
        var (_, outcome) = Find(context, outcomeId);
        EnsurePublishedRecommendation(outcome);
        if (!outcome.Addressees.Contains(new Addressee(AddresseeKind.WorkingGroup, workingGroupId)))
            throw CollaborationException.Validation("The recommendation does not address this working group.", "workingGroupId", "NOT_AN_ADDRESSEE");
        var reference = new OutcomeReference(MeetingId, outcome.Id);
        // The group checks its own rules (its chairs or the secretariat, a member as owner) and never calls back here.
        var group = await grains.GetGrain<IWorkingGroupGrain>(workingGroupId).AddActionItemAsync(caller, item with { Source = reference }, idempotencyKey);
        var linked = outcome.Links.Where(l => l.Kind == OutcomeLinkKind.ActionItem).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var added = group.ActionItems.LastOrDefault(i => i.Source == reference && !linked.Contains($"{workingGroupId}#{i.Id}"));
        if (added is not null)
            AddLink(outcome.Id, new OutcomeLink(OutcomeLinkKind.ActionItem, $"{workingGroupId}#{added.Id}"));
        Remember(key);
        return await SaveAsync(context);
    }

    public async Task<MeetingOutcomes> SpawnExchangeRequestAsync(Caller caller, string outcomeId, Exchanges.ExchangeRequest request, string? idempotencyKey = null)
    {
        var key = HashedKey(caller, idempotencyKey);
        var context = await ContextAsync(caller);
        if (key is not null && State.Requests.Contains(key))
            return View(context);
        var (_, outcome) = Find(context, outcomeId);
        EnsurePublishedRecommendation(outcome);
        var code = request.RequestingStateCode?.Trim().ToUpperInvariant() ?? "";
        if (!OutcomeRules.Covers(outcome, new Addressee(AddresseeKind.PartnerState, code)))
            throw CollaborationException.Validation("The recommendation does not address the requesting state.", "request.requestingStateCode", "NOT_AN_ADDRESSEE");
        // The exchange checks who may request in the state's name, and never calls back here.
        var exchangeId = $"{DialogueKey}/{RequestKeys.NewId(caller, idempotencyKey)}";
        var exchange = await grains.GetGrain<IExpertExchangeGrain>(exchangeId)
            .CreateAsync(caller, request with { Source = new OutcomeReference(MeetingId, outcome.Id) }, idempotencyKey);
        AddLink(outcome.Id, new OutcomeLink(OutcomeLinkKind.ExchangeRequest, exchange.Id));
        Remember(key);
        return await SaveAsync(context);
    }

    /// <summary>What the outcomes need to know about the meeting, the dialogue and the caller's place in both.</summary>
    private sealed record Context(
        Caller Caller,
        MeetingView Meeting,
        NotesContext Notes,
        DialogueView Directory,
        IReadOnlyList<WorkingGroupSummary> Groups,
        bool Secretariat,
        bool MayTranslate)
    {
        /// <summary>Who sees drafts: the note-takers, those who adopt, translators and the secretariat.</summary>
        public bool SeesDrafts => Notes.MayWrite || Notes.MayApprove || MayTranslate || Secretariat;
    }

    /// <summary>The context for a caller: NOT_FOUND, as the meeting answers, for one who may not see the meeting.</summary>
    private async Task<Context> ContextAsync(Caller caller)
    {
        var meetingGrain = grains.GetGrain<IMeetingGrain>(MeetingId);
        var meeting = await meetingGrain.GetAsync(caller);
        var notes = await meetingGrain.GetNotesContextAsync(caller, _vocabularyVersion);
        if (notes.Vocabulary is { } vocabulary)
        {
            _attribution = new Notes.AttributionCheck(vocabulary);
            _vocabularyVersion = notes.MeetingVersion;
        }
        var directory = await grains.GetGrain<IDialogueGrain>(DialogueKey).GetDirectoryAsync()
            ?? throw CollaborationException.NotFound($"There is no meeting '{MeetingId}'.");
        var groups = await grains.GetGrain<IWorkingGroupIndexGrain>(DialogueKey).ListAsync();
        var secretariat = directory.IsSecretariat(caller);
        var translator = directory.MembershipOf(caller.PersonId)?.Roles.Contains(DialogueRole.Translator) == true;
        return new Context(caller, meeting, notes, directory, groups, secretariat, secretariat || translator);
    }

    // Who may do what, and when: the mutations and the viewerMay flags ask the same refusals.

    private CollaborationException? StageRefusal(Context context)
    {
        if (context.Meeting.Status is not (MeetingStatus.InProgress or MeetingStatus.Concluded))
            return CollaborationException.InvalidState(
                $"The meeting is {context.Meeting.Status}: its outcomes are drafted once it is in progress.", "OUTCOMES_NOT_YET");
        if (State.Published)
            return CollaborationException.InvalidState("The outcomes are published: they no longer change, but for translations and follow-up.", "OUTCOMES_PUBLISHED");
        return null;
    }

    private CollaborationException? DraftRefusal(Context context) =>
        !context.Notes.MayWrite
            ? CollaborationException.Forbidden("Only the meeting's note-takers (the secretariat, its co-chairs and rapporteurs) draft its outcomes.")
            : StageRefusal(context);

    private CollaborationException? AdoptRefusal(Context context) =>
        !context.Notes.MayApprove
            ? CollaborationException.Forbidden("The meeting's co-chairs adopt its outcomes (the secretariat, when it has none).")
            : StageRefusal(context);

    private CollaborationException? PublishRefusal(Context context)
    {
        if (!context.Secretariat)
            return CollaborationException.Forbidden("Only the dialogue's secretariat publishes a meeting's outcomes.");
        if (StageRefusal(context) is { } refusal)
            return refusal;
        var proposed = State.Outcomes.Count(o => o.Status == OutcomeStatus.Proposed);
        if (proposed > 0)
            return CollaborationException.InvalidState(
                $"{proposed} outcome(s) are still only proposed: adopt or withdraw them first.", "OUTCOMES_STILL_PROPOSED", ("count", proposed));
        if (!State.Outcomes.Any(o => o.Status == OutcomeStatus.Adopted))
            return CollaborationException.InvalidState("No outcome is adopted: there is nothing to publish.", "NOTHING_ADOPTED");
        return null;
    }

    private static void EnsureProposed(Outcome outcome)
    {
        if (outcome.Status != OutcomeStatus.Proposed)
            throw CollaborationException.InvalidState($"The {outcome.Kind.ToString().ToLowerInvariant()} is {outcome.Status.ToString().ToLowerInvariant()}: it no longer changes.",
                "OUTCOME_NOT_PROPOSED");
    }

    private static void EnsurePublishedRecommendation(Outcome outcome)
    {
        if (outcome.Kind != OutcomeKind.Recommendation || outcome.Status != OutcomeStatus.Published)
            throw CollaborationException.InvalidState("Only a published recommendation is followed up.", "NOT_A_PUBLISHED_RECOMMENDATION");
    }

    private static void EnsureVersion(Outcome outcome, int expectedVersion)
    {
        if (outcome.Version != expectedVersion)
            throw CollaborationException.Conflict(
                $"The outcome changed since you read it (now version {outcome.Version}, not {expectedVersion}); read it again and retry.", "expectedVersion");
    }

    /// <summary>An outcome the caller may see; NOT_FOUND otherwise (a draft does not exist for those who may not see drafts).</summary>
    private (int Index, Outcome Outcome) Find(Context context, string outcomeId)
    {
        var index = State.Outcomes.FindIndex(o => o.Id == outcomeId);
        if (index < 0 || !(context.SeesDrafts || State.Outcomes[index].Status == OutcomeStatus.Published))
            throw CollaborationException.NotFound("The meeting has no such outcome.");
        return (index, State.Outcomes[index]);
    }

    /// <summary>An outcome as drafted, every bad field reported at once; the attribution guard runs on a text that is otherwise valid.</summary>
    private OutcomeInput Valid(Context context, OutcomeInput input)
    {
        var problems = new Problems();
        var fieldOf = (string name) => $"outcome.{name}";
        if (!Enum.IsDefined(input.Kind))
            problems.Add(fieldOf("kind"), "kind is required.", "REQUIRED");
        var languages = context.Meeting.Details.WorkingLanguages;
        if (!languages.Contains(input.Language ?? ""))
            problems.Add(fieldOf("language"), $"'{input.Language}' is not a working language of the meeting.", "NOT_A_MEETING_LANGUAGE", ("languages", string.Join(", ", languages)));
        var text = problems.Check(() => Validate.Text(input.Text, fieldOf("text"), MaxTextLength));
        var sessionId = string.IsNullOrWhiteSpace(input.SessionId) ? null : input.SessionId.Trim();
        if (sessionId is not null && context.Meeting.Sessions.All(s => s.Id != sessionId))
            problems.Add(fieldOf("sessionId"), "The meeting's agenda has no such working session.", "UNKNOWN_SESSION");
        var addressees = (input.Addressees ?? []).Select(Normalized).Distinct().ToList();
        if (input.Kind == OutcomeKind.Conclusion && addressees.Count > 0)
            problems.Add(fieldOf("addressees"), "A conclusion addresses nobody: make it a recommendation, or leave out the addressees.", "CONCLUSION_ADDRESSED");
        if (input.Kind == OutcomeKind.Recommendation && addressees.Count == 0)
            problems.Add(fieldOf("addressees"), "A recommendation addresses at least one party.", "ADDRESSEE_REQUIRED");
        foreach (var addressee in addressees)
            AddresseeProblem(context, addressee, fieldOf("addressees"), problems);
        problems.ThrowIfAny();
        Guard(context, text!, fieldOf("text"));
        return new OutcomeInput(input.Kind, sessionId, input.Language!, text!, addressees);
    }

    private static Addressee Normalized(Addressee addressee) => addressee with
    {
        Key = string.IsNullOrWhiteSpace(addressee.Key) ? null
            : addressee.Kind == AddresseeKind.PartnerState ? addressee.Key.Trim().ToUpperInvariant() : addressee.Key.Trim(),
    };

    private static void AddresseeProblem(Context context, Addressee addressee, string field, Problems problems)
    {
        var directory = context.Directory;
        switch (addressee.Kind)
        {
            case AddresseeKind.PartnerStates or AddresseeKind.Secretariat when addressee.Key is not null:
                problems.Add(field, $"{addressee.Kind} takes no key.", "ADDRESSEE_TAKES_NO_KEY", ("kind", addressee.Kind));
                break;
            case AddresseeKind.PartnerStates or AddresseeKind.Secretariat:
                break;
            case AddresseeKind.PartnerState when directory.PartnerStates.All(s => s.Code != addressee.Key):
            case AddresseeKind.Organisation when directory.PartnerAgencies.Concat(directory.Observers).All(o => o.Key != addressee.Key):
            case AddresseeKind.WorkingGroup when context.Groups.All(g => g.Id != addressee.Key):
                problems.Add(field, $"'{addressee.Key}' is no {addressee.Kind} of the dialogue.", "UNKNOWN_ADDRESSEE", ("kind", addressee.Kind), ("key", addressee.Key ?? ""));
                break;
            case AddresseeKind.PartnerState or AddresseeKind.Organisation or AddresseeKind.WorkingGroup:
                break;
            default:
                problems.Add(field, "The kind of addressee is required.", "REQUIRED");
                break;
        }
    }

    /// <summary>
    /// The notes' attribution guard, strict: an outcome is published under the Chatham House Rule, so a text
    /// that ties a statement to a person, state or organisation is refused. The message never quotes the text.
    /// </summary>
    private void Guard(Context context, string text, string field)
    {
        var check = (_attribution ?? throw new InvalidOperationException("The attribution guard has no vocabulary yet.")).Check(text, overrideAllowed: false);
        if (!check.Clean)
            throw CollaborationException.Validation(
                "Outcomes record what the meeting concluded, not who said it: the text ties a statement to a person, state or organisation. Reword it neutrally.",
                field, "ATTRIBUTION", ("findings", check.Findings.Count));
    }

    private void AddLink(string outcomeId, OutcomeLink link)
    {
        var index = State.Outcomes.FindIndex(o => o.Id == outcomeId);
        var outcome = State.Outcomes[index];
        if (!outcome.Links.Contains(link))
            State.Outcomes[index] = outcome with { Links = [.. outcome.Links, link] };
    }

    private static string? HashedKey(Caller caller, string? idempotencyKey) =>
        RequestKeys.Scoped(caller, idempotencyKey) is { } scoped
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scoped)))
            : null;

    private void Remember(string? key) => RequestKeys.Remember(State.Requests, key);

    /// <summary>Numbers each kind in order of proposal, writes, then tells the follow-up index where each published recommendation stands.</summary>
    private async Task<MeetingOutcomes> SaveAsync(Context context)
    {
        var next = new Dictionary<OutcomeKind, int>();
        State.Outcomes = [.. State.Outcomes.Select(o => o with { Number = next[o.Kind] = next.GetValueOrDefault(o.Kind) + 1 })];
        State.Version++;
        await state.WriteOrForgetAsync();
        await TellIndexAsync(context);
        return View(context);
    }

    /// <summary>
    /// Tells the follow-up index where each published recommendation stands. The change is stored already, so a
    /// failure here is not the caller's: it is logged (the meeting only) and told again at the next call.
    /// </summary>
    private async Task TellIndexAsync(Context context)
    {
        if (!State.Published)
            return;
        try
        {
            var details = context.Meeting.Details;
            var index = grains.GetGrain<IFollowUpIndexGrain>(DialogueKey);
            foreach (var recommendation in State.Outcomes.Where(o => o.Kind == OutcomeKind.Recommendation && o.Status == OutcomeStatus.Published))
                await index.PutAsync(new RecommendationFollowUp(MeetingId, details.Titles[0].Text, details.Pillar, details.StartsLocal.Year, recommendation, null, context.Meeting.StartsAt));
            _indexBehind = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _indexBehind = true;
            LogIndexBehind(logger, e, MeetingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcomes of meeting {MeetingId}: the follow-up index could not be told; it is told again at the next call")]
    private static partial void LogIndexBehind(ILogger logger, Exception exception, string meetingId);

    private MeetingOutcomes View(Context context)
    {
        var visible = State.Outcomes.Where(o => context.SeesDrafts || o.Status == OutcomeStatus.Published).ToList();
        var reportFor = visible.ToDictionary(o => o.Id, o => OutcomeRules.MayReportFor(o, context.Caller, context.Directory, context.Groups));
        return new MeetingOutcomes(
            MeetingId,
            visible,
            State.Published,
            State.Version,
            new OutcomesPermissions(
                Draft: DraftRefusal(context) is null,
                Adopt: AdoptRefusal(context) is null && State.Outcomes.Any(o => o.Status == OutcomeStatus.Proposed),
                Publish: PublishRefusal(context) is null,
                Translate: context.MayTranslate,
                ReportProgress: reportFor.Values.Any(a => a.Count > 0)),
            reportFor);
    }
}

/// <summary>Whom a recommendation addresses and who may speak for each of them: the outcomes grain and the follow-up index share these.</summary>
public static class OutcomeRules
{
    /// <summary>Whether the recommendation addresses the party (a partner state is addressed too when all partner states are).</summary>
    public static bool Covers(Outcome outcome, Addressee party) =>
        outcome.Addressees.Contains(party)
        || party.Kind == AddresseeKind.PartnerState && outcome.Addressees.Any(a => a.Kind == AddresseeKind.PartnerStates);

    /// <summary>
    /// The parties the caller may report progress for on a published recommendation: the secretariat for every
    /// addressee; a partner state's focal points for it (and for it among all partner states); an organisation's
    /// members; a working group's chairs and members.
    /// </summary>
    public static IReadOnlyList<Addressee> MayReportFor(Outcome outcome, Caller caller, DialogueView directory, IReadOnlyList<WorkingGroupSummary> groups)
    {
        if (outcome.Kind != OutcomeKind.Recommendation || outcome.Status != OutcomeStatus.Published)
            return [];
        if (directory.IsSecretariat(caller))
            return outcome.Addressees;
        var membership = directory.MembershipOf(caller.PersonId);
        if (membership is null)
            return [];
        var focalPointOf = membership.Roles.Contains(DialogueRole.FocalPoint) ? membership.PartnerStateCode : null;
        var parties = new List<Addressee>();
        foreach (var addressee in outcome.Addressees)
        {
            var party = addressee.Kind switch
            {
                AddresseeKind.PartnerStates when focalPointOf is not null => new Addressee(AddresseeKind.PartnerState, focalPointOf),
                AddresseeKind.PartnerState when focalPointOf == addressee.Key => addressee,
                AddresseeKind.Organisation when membership.OrganisationKey is { } key && key == addressee.Key => addressee,
                AddresseeKind.WorkingGroup when groups.FirstOrDefault(g => g.Id == addressee.Key) is { } group && group.Includes(caller.PersonId, membership) => addressee,
                _ => null,
            };
            if (party is not null && !parties.Contains(party))
                parties.Add(party);
        }
        return parties;
    }
}
