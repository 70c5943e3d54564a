using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class NotesSectionGraphType : ObjectGraphType<NotesSection>
{
    public NotesSectionGraphType()
    {
        Name = "NotesSection";
        Description = "The notes of one working session: what was said, never who said it.";
        Field<IdGraphType>("sessionId").Resolve(c => c.Source.SessionId is { Length: > 0 } id ? id : null);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("entries").Resolve(c => c.Source.Entries);
    }
}

public sealed class MeetingNotesGraphType : ObjectGraphType<FinalNotes>
{
    public MeetingNotesGraphType()
    {
        Name = "MeetingNotes";
        Field<NonNullGraphType<IdGraphType>>("meetingId").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<BooleanGraphType>>("finalized").Resolve(c => c.Source.Finalized);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => Integrations.Exports.SummaryOfDiscussions.Title(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotesSectionGraphType>>>>("sections").Resolve(c => c.Source.Sections);
        Field<NonNullGraphType<StringGraphType>>("markdown")
            .Description("The Summary of Discussions in Markdown (DOCX: GET /meetings/{id}/notes/summary.docx).")
            .Resolve(c => Integrations.Exports.SummaryOfDiscussions.ToMarkdown(c.Source));
    }
}
