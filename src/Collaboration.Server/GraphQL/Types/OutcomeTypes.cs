using Collaboration.Outcomes;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class OutcomeKindEnum : EnumerationGraphType<OutcomeKind>
{
    public OutcomeKindEnum()
    {
        Name = "OutcomeKind";
        Description = "What a meeting produces: a CONCLUSION (what it concluded) or a RECOMMENDATION (what it recommends to someone).";
    }
}

public sealed class OutcomeStatusEnum : EnumerationGraphType<OutcomeStatus>
{
    public OutcomeStatusEnum()
    {
        Name = "OutcomeStatus";
        Description = "Where an outcome stands: PROPOSED by the note-takers → ADOPTED by a co-chair → PUBLISHED by the secretariat.";
    }
}

public sealed class FollowUpStatusEnum : EnumerationGraphType<FollowUpStatus>
{
    public FollowUpStatusEnum()
    {
        Name = "FollowUpStatus";
        Description = "Where a published recommendation stands in its follow-up: OPEN, IN_PROGRESS, IMPLEMENTED or DROPPED (a later progress update may reopen it).";
    }
}

public sealed class AddresseeKindEnum : EnumerationGraphType<AddresseeKind>
{
    public AddresseeKindEnum()
    {
        Name = "AddresseeKind";
        Description = "Whom a recommendation addresses: all PARTNER_STATES, one PARTNER_STATE (key: ISO code), an ORGANISATION (key: its key), the SECRETARIAT, or a WORKING_GROUP (key: its id).";
    }
}

public sealed class OutcomeLinkKindEnum : EnumerationGraphType<OutcomeLinkKind>
{
    public OutcomeLinkKindEnum()
    {
        Name = "OutcomeLinkKind";
        Description = "What a recommendation spawned: an ACTION_ITEM of a working group (id \"{working group id}#{item id}\") or an EXCHANGE_REQUEST (id: the expert exchange's id).";
    }
}

/// <summary>An outcome as the schema shows it: with its dialogue, to name its addressees, and the addressees the caller may report for.</summary>
public sealed record OutcomeNode(Outcome Outcome, string DialogueKey, IReadOnlyList<Addressee> MayReportFor);

/// <summary>An addressee with its dialogue, to name it.</summary>
public sealed record AddresseeNode(Addressee Addressee, string DialogueKey);

public sealed class MeetingOutcomesGraphType : ObjectGraphType<MeetingOutcomes>
{
    public MeetingOutcomesGraphType()
    {
        Name = "MeetingOutcomes";
        Description = "A meeting's conclusions and recommendations: every one for its note-takers, co-chairs, translators and the secretariat; only the published ones for its other viewers.";
        Field(x => x.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting's id.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeGraphType>>>>("outcomes")
            .Description("The outcomes the caller may see, in order of proposal.")
            .Resolve(c => c.Source.Outcomes.Select(o => new OutcomeNode(o, MeetingKey.DialogueOf(c.Source.MeetingId) ?? "", c.Source.MayReportFor(o.Id))));
        Field(x => x.Published).Description("Whether the secretariat published them: they no longer change, but for translations and follow-up.");
        Field(x => x.Version).Description("Grows with every change to the meeting's outcomes.");
        Field<NonNullGraphType<OutcomesViewerMayGraphType>>("viewerMay")
            .Description("What the caller may do with the outcomes now, by the rules the mutations apply.")
            .Resolve(c => c.Source.Permissions);
    }
}

public sealed class OutcomesViewerMayGraphType : ViewerMayGraphType<OutcomesPermissions>
{
    public OutcomesViewerMayGraphType()
    {
        Name = "OutcomesViewerMay";
        Description = "What the caller may do with a meeting's outcomes now; each flag is what the mutation named will let through.";
        Flag("draft", "proposeOutcome, editOutcome, withdrawOutcome: the note-takers, while the meeting is in progress or concluded and its outcomes are not published.", p => p.Draft);
        Flag("adopt", "adoptOutcome: a co-chair (the secretariat, in a meeting without co-chairs), while an outcome waits for adoption.", p => p.Adopt);
        Flag("publish", "publishOutcomes: the secretariat, once every outcome is adopted or withdrawn.", p => p.Publish);
        Flag("translate", "translateOutcome: the secretariat and its translators.", p => p.Translate);
        Flag("reportProgress", "reportProgress: for some published recommendation, the caller speaks for a party it addresses (see Outcome.viewerMayReportFor).", p => p.ReportProgress);
    }
}

public sealed class OutcomeGraphType : ObjectGraphType<OutcomeNode>
{
    public OutcomeGraphType()
    {
        Name = "Outcome";
        Description = "A conclusion or recommendation of a meeting, in the language it was drafted in, with its translations; under the Chatham House Rule it names no drafter, adopter or translator.";
        Field(x => x.Outcome.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The outcome's id within its meeting.");
        Field(x => x.Outcome.Kind).Description("Conclusion or recommendation.");
        Field(x => x.Outcome.Number).Description("Its number among the meeting's outcomes of its kind, in order of proposal (\"Recommendation 2\").");
        Field(x => x.Outcome.SessionId, type: typeof(IdGraphType)).Description("The working session it came from, when one is named.");
        Field(x => x.Outcome.Language).Description("The language it was drafted in.");
        Field(x => x.Outcome.Text).Description("Its text, in that language.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("Grows with every change to its text or addressees; send it back as expectedVersion, and as sourceVersion with a translation.").Resolve(c => c.Source.Outcome.Version);
        Field(x => x.Outcome.Status).Description("Proposed, adopted or published.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AddresseeGraphType>>>>("addressees").Description("Whom a recommendation addresses; empty for a conclusion.")
            .Resolve(c => c.Source.Outcome.Addressees.Select(a => new AddresseeNode(a, c.Source.DialogueKey)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeTranslationGraphType>>>>("translations").Description("Its text in the meeting's other working languages.")
            .Resolve(c => c.Source.Outcome.Translations.Select(t => (t, c.Source.Outcome.Version)));
        Field<NonNullGraphType<FollowUpStatusEnum>>("followUp").Description("Where a recommendation stands in its follow-up (the status of the latest progress update; OPEN before any).").Resolve(c => c.Source.Outcome.FollowUp);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressUpdateGraphType>>>>("progress").Description("The progress reported on a published recommendation, oldest first.")
            .Resolve(c => c.Source.Outcome.Progress.Select(p => (p, c.Source.DialogueKey)));
        Field(x => x.Outcome.Links).Description("The action items and exchange requests it spawned.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AddresseeGraphType>>>>("viewerMayReportFor")
            .Description("The parties the caller may report progress for (reportProgress's reportedFor); empty when none.")
            .Resolve(c => c.Source.MayReportFor.Select(a => new AddresseeNode(a, c.Source.DialogueKey)));
    }
}

public sealed class AddresseeGraphType : ObjectGraphType<AddresseeNode>
{
    public AddresseeGraphType()
    {
        Name = "Addressee";
        Description = "A party a recommendation addresses, or for which progress is reported: a party, never a person.";
        Field(x => x.Addressee.Kind).Description("What kind of party.");
        Field<StringGraphType>("key").Description("Which one: a partner state's ISO code, an organisation's key or a working group's id; null for all partner states and for the secretariat.").Resolve(c => c.Source.Addressee.Key);
        Field<StringGraphType>("name")
            .Description("Its name in the dialogue: the state's, the organisation's or the working group's; null for all partner states and for the secretariat.")
            .ResolveAsync(async c => c.Source.Addressee.Key is null ? null : (await AddresseeNames.OfAsync(c, c.Source.DialogueKey)).GetValueOrDefault((c.Source.Addressee.Kind, c.Source.Addressee.Key)));
    }
}

/// <summary>The names of a dialogue's parties, read once per request and dialogue.</summary>
public static class AddresseeNames
{
    public static Task<Dictionary<(AddresseeKind, string), string>> OfAsync(IResolveFieldContext context, string dialogueKey)
    {
        var key = "addressee-names:" + dialogueKey;
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(key, out var held) && held is Task<Dictionary<(AddresseeKind, string), string>> names)
                return names;
            var read = ReadAsync(context.Grains(), dialogueKey);
            context.UserContext[key] = read;
            return read;
        }
    }

    private static async Task<Dictionary<(AddresseeKind, string), string>> ReadAsync(IGrainFactory grains, string dialogueKey)
    {
        var names = new Dictionary<(AddresseeKind, string), string>();
        if (await grains.GetGrain<IDialogueGrain>(dialogueKey).GetDirectoryAsync() is { } directory)
        {
            foreach (var state in directory.PartnerStates)
                names[(AddresseeKind.PartnerState, state.Code)] = state.Name;
            foreach (var organisation in directory.PartnerAgencies.Concat(directory.Observers))
                names[(AddresseeKind.Organisation, organisation.Key)] = organisation.Name;
        }
        foreach (var group in await grains.GetGrain<WorkingGroups.IWorkingGroupIndexGrain>(dialogueKey).ListAsync())
            names[(AddresseeKind.WorkingGroup, group.Id)] = group.Name;
        return names;
    }
}

public sealed class OutcomeTranslationGraphType : ObjectGraphType<(OutcomeTranslation Translation, int CurrentVersion)>
{
    public OutcomeTranslationGraphType()
    {
        Name = "OutcomeTranslation";
        Description = "An outcome's text in another working language, and the version of the original it translates.";
        Field(x => x.Translation.Language).Description("The language of the translation.");
        Field(x => x.Translation.Text).Description("The translated text.");
        Field(x => x.Translation.SourceVersion).Description("The version of the original it translates.");
        Field<NonNullGraphType<BooleanGraphType>>("stale").Description("Whether the original changed since: the translation needs another look.").Resolve(c => c.Source.Translation.SourceVersion < c.Source.CurrentVersion);
        Field(x => x.Translation.Revision).Description("The translation's own revision, to send back as translateOutcome's expectedRevision.");
        Field<StringGraphType>("translatedFrom").Description("When stale, the original as it read when this was translated, to compare with the text now; null otherwise.")
            .Resolve(c => c.Source.Translation.SourceVersion < c.Source.CurrentVersion ? c.Source.Translation.SourceText : null);
    }
}

public sealed class ProgressUpdateGraphType : ObjectGraphType<(ProgressUpdate Update, string DialogueKey)>
{
    public ProgressUpdateGraphType()
    {
        Name = "ProgressUpdate";
        Description = "A dated progress update on a published recommendation, for the party it was reported for; it names no person.";
        Field(x => x.Update.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The update's id.");
        Field(x => x.Update.ReportedAt).Description("When it was reported.");
        Field<NonNullGraphType<AddresseeGraphType>>("reportedFor").Description("The party it reports for.").Resolve(c => new AddresseeNode(c.Source.Update.ReportedFor, c.Source.DialogueKey));
        Field(x => x.Update.Status).Description("Where the recommendation stands, as reported.");
        Field(x => x.Update.Text).Description("What was done.");
    }
}

public sealed class OutcomeLinkGraphType : ObjectGraphType<OutcomeLink>
{
    public OutcomeLinkGraphType()
    {
        Name = "OutcomeLink";
        Description = "Something a recommendation spawned.";
        Field(x => x.Kind).Description("An action item or an exchange request.");
        Field<NonNullGraphType<IdGraphType>>("id").Description("For an action item \"{working group id}#{item id}\"; for an exchange request, the expert exchange's id.").Resolve(c => c.Source.Id);
    }
}

public sealed class OutcomeReferenceGraphType : ObjectGraphType<OutcomeReference>
{
    public OutcomeReferenceGraphType()
    {
        Name = "OutcomeReference";
        Description = "The recommendation an action item or an exchange request came from.";
        Field(x => x.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting whose outcome it is.");
        Field(x => x.OutcomeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The outcome's id within that meeting.");
    }
}

public sealed class RecommendationFollowUpGraphType : ObjectGraphType<RecommendationFollowUp>
{
    public RecommendationFollowUpGraphType()
    {
        Name = "RecommendationFollowUp";
        Description = "A published recommendation with its meeting, as the dialogue's follow-up lists it.";
        Field(x => x.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting that made it.");
        Field(x => x.MeetingTitle).Description("The meeting's title in its first language.");
        Field(x => x.Pillar).Description("The dialogue's pillar the meeting belongs to.");
        Field(x => x.Year).Description("The year the meeting started.");
        Field<NonNullGraphType<OutcomeGraphType>>("recommendation").Description("The recommendation, with its follow-up.")
            .Resolve(c => new OutcomeNode(c.Source.Recommendation, MeetingKey.DialogueOf(c.Source.MeetingId) ?? "", c.Source.ViewerMayReportFor ?? []));
    }
}

public sealed class AddresseeInputModel
{
    public AddresseeKind Kind { get; set; }
    public string? Key { get; set; }

    public Addressee ToAddressee() => new(Kind, Key);
}

public sealed class AddresseeInputType : InputObjectGraphType<AddresseeInputModel>
{
    public AddresseeInputType()
    {
        Name = "AddresseeInput";
        Description = "A party: all partner states, one partner state, an organisation, the secretariat or a working group.";
        Field<NonNullGraphType<AddresseeKindEnum>>("kind").Description("What kind of party.");
        Field<StringGraphType>("key").Description("A partner state's ISO code, an organisation's key or a working group's id; none for all partner states and for the secretariat.");
    }
}

public sealed class OutcomeInputModel
{
    public OutcomeKind Kind { get; set; }
    public string? SessionId { get; set; }
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
    public List<AddresseeInputModel>? Addressees { get; set; }

    public OutcomeInput ToInput() => new(Kind, SessionId, Language, Text, Addressees?.Select(a => a.ToAddressee()).ToList());
}

public sealed class OutcomeInputType : InputObjectGraphType<OutcomeInputModel>
{
    public OutcomeInputType()
    {
        Name = "OutcomeInput";
        Description = "A conclusion or recommendation as a note-taker drafts it.";
        Field<NonNullGraphType<OutcomeKindEnum>>("kind").Description("Conclusion or recommendation.");
        Field<IdGraphType>("sessionId").Description("The working session it comes from, if any.");
        Field<NonNullGraphType<StringGraphType>>("language").Description("The working language it is written in.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("Its text, at most 4000 characters; it says what was concluded, never who said it.");
        Field<ListGraphType<NonNullGraphType<AddresseeInputType>>>("addressees").Description("Whom a recommendation addresses (at least one); none for a conclusion.");
    }
}
