using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class NotesSectionGraphType : ObjectGraphType<NotesSection>
{
    public NotesSectionGraphType()
    {
        Name = "NotesSection";
        Description = "The notes of one working session: what was said, never who said it.";
        Field<IdGraphType>("sessionId").Description("The working session's id; null for notes taken outside the sessions.").Resolve(c => c.Source.SessionId is { Length: > 0 } id ? id : null);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The session's title.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("entries").Description("The entries' text, in order.").Resolve(c => c.Source.Entries);
    }
}

public sealed class MeetingNotesGraphType : ObjectGraphType<FinalNotes>
{
    public MeetingNotesGraphType()
    {
        Name = "MeetingNotes";
        Description = "A meeting's notes under the Chatham House Rule: what was said, by working session, never who said it.";
        Field<NonNullGraphType<IdGraphType>>("meetingId").Description("The meeting's id.").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<BooleanGraphType>>("finalized").Description("Whether the co-chairs have approved them: final notes no longer change.").Resolve(c => c.Source.Finalized);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The Summary of Discussions' title.").Resolve(c => Integrations.Exports.SummaryOfDiscussions.Title(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotesSectionGraphType>>>>("sections").Description("The notes by working session, in agenda order.").Resolve(c => c.Source.Sections);
        Field<NonNullGraphType<StringGraphType>>("markdown")
            .Description("The Summary of Discussions in Markdown (DOCX: GET /meetings/{id}/notes/summary.docx).")
            .Resolve(c => Integrations.Exports.SummaryOfDiscussions.ToMarkdown(c.Source));
    }
}
