using Collaboration.Integrations.Exports;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class NotesSectionGraphType : ObjectGraphType<NotesSection>
{
    public NotesSectionGraphType()
    {
        Name = "NotesSection";
        Description = "The notes of one working session: what was said, never who said it.";
        Field<IdGraphType>("sessionId").Description("The working session's id; null for notes taken outside the sessions.").Resolve(c => c.Source.SessionId is { Length: > 0 } id ? id : null);
        Field(x => x.Title).Description("The session's title.");
        Field(x => x.Entries).Description("The entries' text, in order.");
    }
}

/// <summary>A meeting's notes, and its Summary of Discussions in the language asked, composed only when selected.</summary>
public sealed record MeetingNotesResult(FinalNotes Notes, Lazy<Task<DiscussionSummary>> Summary);

public sealed class MeetingNotesGraphType : ObjectGraphType<MeetingNotesResult>
{
    public MeetingNotesGraphType()
    {
        Name = "MeetingNotes";
        Description = "A meeting's notes under the Chatham House Rule: what was said, by working session, never who said it.";
        Field(x => x.Notes.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting's id.");
        Field(x => x.Notes.Finalized).Description("Whether the co-chairs have approved them: final notes no longer change.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("The Summary of Discussions' title.").Resolve(c => SummaryOfDiscussions.Title(c.Source.Notes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages")
            .Description("The meeting's working languages: the Summary of Discussions can be asked in each (meetingNotes(language:), summary.md?language=).")
            .Resolve(c => c.Source.Notes.Languages ?? [c.Source.Notes.Language]);
        Field(x => x.Notes.Sections).Description("The notes by working session, in agenda order, as written.");
        Field<NonNullGraphType<StringGraphType>>("markdown")
            .Description("The Summary of Discussions in Markdown, in the language asked (DOCX: GET /meetings/{id}/notes/summary.docx?language=).")
            .ResolveAsync(async c => SummaryOfDiscussions.ToMarkdown(await c.Source.Summary.Value));
    }
}

public sealed class TranslatedEntryGraphType : ObjectGraphType<TranslatedEntry>
{
    public TranslatedEntryGraphType()
    {
        Name = "TranslatedEntry";
        Description = "An entry of the notes beside its translation: what was said, never who said or translated it.";
        Field<NonNullGraphType<IntGraphType>>("seq").Description("The entry's sequence number.").Resolve(c => (int)c.Source.Seq);
        Field(x => x.SessionId, type: typeof(IdGraphType)).Description("The working session the entry belongs to.");
        Field(x => x.Original).Description("The entry as written (empty while it waits for a note-taker's review).");
        Field(x => x.OriginalVersion).Description("The entry's version: send it as translateNote's sourceVersion.");
        Field<StringGraphType>("text").Description("The translation; null when missing.").Resolve(c => c.Source.Text);
        Field<IntGraphType>("sourceVersion").Description("The version of the original the translation translates; null when missing.").Resolve(c => c.Source.SourceVersion);
        Field(x => x.Stale).Description("Whether the original changed since it was translated.");
        Field(x => x.Revision).Description("The translation's own revision (0 when missing), to send back as translateNote's expectedRevision.");
        Field<StringGraphType>("translatedFrom").Description("When stale, the original as it read when it was translated, to compare with the text now; null otherwise.").Resolve(c => c.Source.TranslatedFrom);
    }
}

public sealed class NotesTranslationGraphType : ObjectGraphType<NotesTranslationView>
{
    public NotesTranslationGraphType()
    {
        Name = "NotesTranslation";
        Description = "A meeting's notes beside their translation into one language, in session order then sequence (deleted entries left out).";
        Field(x => x.MeetingId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The meeting's id.");
        Field(x => x.Language).Description("The language translated into.");
        Field(x => x.Entries).Description("Each entry beside its translation.");
        Field(x => x.Missing).Description("How many entries have no translation yet.");
        Field(x => x.Stale).Description("How many translations translate an earlier version of their entry.");
        Field<NonNullGraphType<BooleanGraphType>>("viewerMayTranslate").Description("translateNote: the dialogue's translators and secretariat.").Resolve(c => c.Source.MayTranslate);
    }
}
