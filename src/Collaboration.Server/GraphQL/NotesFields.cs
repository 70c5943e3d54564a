using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>Reading a meeting's notes: final notes for its participants, notes so far for those who follow them live.</summary>
public static class NotesFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<MeetingNotesGraphType>>("meetingNotes")
            .Description("A meeting's notes in session order, with the Summary of Discussions.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = c.GetArgument<string>("id");
                if (MeetingKey.DialogueOf(id) is null)
                    throw CollaborationException.NotFound($"There is no meeting '{id}'.");
                return await c.Grains().GetGrain<INotesGrain>(id).ReadAsync(caller);
            });
}
