using Collaboration.Server.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>A dialogue's library of documents in its working languages, and meetings that use it.</summary>
public static class LibraryFields
{
    private const string DocumentId = "The document's id, as LibraryDocument.id gives it.";

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LibraryDocumentGraphType>>>>("library")
            .Description("The documents of a dialogue's library the caller may read (members: those for members; anyone: public ones), by kind then title.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .ResolveAsync(async c =>
            {
                var key = c.DialogueKey();
                var view = await Library(c, key).ListAsync(c.OptionalCaller());
                return view.Documents.Select(d => new LibraryEntry(key, d));
            });

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LibraryDocumentGraphType>>("addLibraryDocument")
            .Description("Adds a document to a dialogue's library, without files yet (the secretariat); then upload its files with POST /dialogues/{key}/library/{documentId}/variants.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<LibraryDocumentInputType>>("document", "What it is, its titles, who may read it.")
            .Argument<StringGraphType>("idempotencyKey", IdempotencyKey.Description)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = c.DialogueKey();
                return new LibraryEntry(key, await Library(c, key).AddAsync(caller, c.GetArgument<LibraryDocumentInputModel>("document").ToInput(), IdempotencyKey.Of(c)));
            });

        mutation.Field<NonNullGraphType<LibraryDocumentGraphType>>("updateLibraryDocument")
            .Description("Changes a library document's kind, titles or visibility at the version read (the secretariat).")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<IdGraphType>>("documentId", DocumentId)
            .Argument<NonNullGraphType<LibraryDocumentChangesInputType>>("changes", "What changes; a field left out stays as it is.")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = c.DialogueKey();
                return new LibraryEntry(key, await Library(c, key).UpdateAsync(caller, c.GetArgument<string>("documentId"), c.GetArgument<int>("expectedVersion"),
                    c.GetArgument<LibraryDocumentInputModel>("changes").ToInput()));
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LibraryDocumentGraphType>>>>("removeLibraryDocument")
            .Description("Removes a library document with all its versions and files at the version read (the secretariat); answers the library as it is after.")
            .Argument<NonNullGraphType<StringGraphType>>("key", Describe.DialogueKey)
            .Argument<NonNullGraphType<IdGraphType>>("documentId", DocumentId)
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion", Describe.ExpectedVersion)
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var key = c.DialogueKey();
                var library = Library(c, key);
                var released = await library.RemoveAsync(caller, c.GetArgument<string>("documentId"), c.GetArgument<int>("expectedVersion"));
                var store = c.RequestServices!.GetRequiredService<IDocumentStore>();
                foreach (var storageKey in released)
                    store.Delete(storageKey);
                return (await library.ListAsync(caller)).Documents.Select(d => new LibraryEntry(key, d));
            });

        mutation.Field<NonNullGraphType<MeetingPayloadGraphType>>("attachLibraryDocument")
            .Description("Lists a document of the dialogue's library among a meeting's documents (the secretariat); readers download it from the library in their language or the nearest.")
            .Argument<NonNullGraphType<IdGraphType>>("id", Describe.MeetingId)
            .Argument<NonNullGraphType<IdGraphType>>("documentId", "The library document's id, as LibraryDocument.id gives it.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                return await c.DialogueGrain<IMeetingGrain>("meeting").AttachLibraryDocumentAsync(caller, c.GetArgument<string>("documentId"));
            });
    }

    private static IDocumentLibraryGrain Library(IResolveFieldContext c, string key) => c.Grains().GetGrain<IDocumentLibraryGrain>(key);
}
