using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// Reading a meeting's notes (final notes for its participants, notes so far for those who follow them live) and
/// their Summary of Discussions in a working language; translating them entry by entry (translators and the secretariat).
/// </summary>
public static class NotesFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeetingNotesGraphType>>("meetingNotes")
            .Description("A meeting's notes in session order, with the Summary of Discussions.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
            .Argument<StringGraphType>("language", "The language of the Summary of Discussions (markdown): one of the meeting's working languages; its first when omitted.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = MeetingIdOf(c);
                var language = c.GetArgument<string?>("language") is { } asked ? LanguageOf(asked) : null;
                var grain = c.Grains().GetGrain<INotesGrain>(id);
                var notes = await grain.ReadAsync(caller);
                if (language is not null && !(notes.Languages ?? []).Contains(language))
                    throw Notes.NotesGrain.NotAMeetingLanguage(language, notes.Languages ?? []);
                return new MeetingNotesResult(notes, new Lazy<Task<DiscussionSummary>>(() => grain.SummaryAsync(caller, language)));
            });

        query.Field<NonNullGraphType<NotesTranslationGraphType>>("notesTranslation")
            .Description("A meeting's notes beside their translation into one of its working languages, entry by entry (the dialogue's translators and secretariat).")
            .Argument<NonNullGraphType<IdGraphType>>("meetingId", Describe.MeetingId)
            .Argument<NonNullGraphType<StringGraphType>>("language", "One of the meeting's working languages, e.g. fr.")
            .ResolveAsync(async c => await Translation(c).GetAsync(c.Caller()));
    }

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<TranslatedEntryGraphType>>("translateNote")
            .Description("Translates an entry of a meeting's notes into one of its working languages, at the version of the original read (the dialogue's translators and secretariat). "
                + "CONFLICT (SOURCE_CHANGED) when the original changed since, (TRANSLATION_CHANGED) when another translation was saved since; VALIDATION (ATTRIBUTION) when the translation ties a statement to someone, and nothing is stored.")
            .Argument<NonNullGraphType<IdGraphType>>("meetingId", Describe.MeetingId)
            .Argument<NonNullGraphType<StringGraphType>>("language", "One of the meeting's working languages, e.g. fr.")
            .Argument<NonNullGraphType<IntGraphType>>("seq", "The entry's sequence number.")
            .Argument<NonNullGraphType<IntGraphType>>("sourceVersion", "The version of the original you translated (TranslatedEntry.originalVersion).")
            .Argument<NonNullGraphType<StringGraphType>>("text", "The translation.")
            .Argument<IntGraphType>("expectedRevision", "The revision of the translation you read (TranslatedEntry.revision; 0, the default, when there was none). CONFLICT (TRANSLATION_CHANGED) when another translation was saved since.")
            .ResolveAsync(async c => await Translation(c).TranslateAsync(
                c.Caller(), c.GetArgument<int>("seq"), c.GetArgument<int>("sourceVersion"), new NoteText(c.GetArgument<string>("text")), c.GetArgument<int?>("expectedRevision") ?? 0));

    private static string MeetingIdOf(IResolveFieldContext c, string argument = "id")
    {
        var id = c.GetArgument<string>(argument);
        return MeetingKey.DialogueOf(id) is null ? throw CollaborationException.NotFound($"There is no meeting '{id}'.") : id;
    }

    /// <summary>A language code as a grain key may hold it (ar, fr, pt-BR); VALIDATION for anything else.</summary>
    private static string LanguageOf(string language) =>
        language.Length is > 0 and <= 8 && language.All(ch => char.IsAsciiLetter(ch) || ch == '-')
            ? language
            : throw CollaborationException.Validation("This is not a working language of the meeting.", "language", "NOT_A_MEETING_LANGUAGE");

    private static INotesTranslationGrain Translation(IResolveFieldContext c) =>
        c.Grains().GetGrain<INotesTranslationGrain>($"{MeetingIdOf(c, "meetingId")}#{LanguageOf(c.GetArgument<string>("language"))}");
}
