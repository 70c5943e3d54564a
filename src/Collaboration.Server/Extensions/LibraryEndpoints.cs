using System.Globalization;
using Collaboration.Server.Auth;

namespace Collaboration.Server.Extensions;

/// <summary>
/// Uploading and downloading the files of a dialogue's library: bytes travel over plain HTTP (multipart up, a
/// stream down); the library grain decides who may add files and who may read each document, and which file a
/// reader of a language gets.
/// </summary>
public static class LibraryEndpoints
{
    public static IEndpointRouteBuilder MapLibraryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dialogues/{key}/library/{document}/variants", UploadAsync).AsUpload();
        endpoints.MapGet("/dialogues/{key}/library/{document}", DownloadAsync);
        return endpoints;
    }

    /// <summary>
    /// Adds a file (form field <c>file</c>) in a working language (<c>language</c>) to the current version, or as
    /// the first file of a new version when <c>version</c> is <c>new</c>; <c>expectedVersion</c>, when sent, is the
    /// document's version read (409 when stale). Only the secretariat, checked before a byte is stored.
    /// </summary>
    private static Task<IResult> UploadAsync(string key, string document, HttpContext context, IGrainFactory grains, IDocumentStore store)
    {
        var library = grains.GetGrain<IDocumentLibraryGrain>(GraphQL.ResolveContextExtensions.DialogueKeyOf(key));
        return Uploads.ReceiveAsync(context, store,
            // NOT_FOUND for a document the caller may not read, FORBIDDEN for a reader who does not keep the library.
            authorize: async caller =>
            {
                var view = await library.ListAsync(caller);
                var before = view.Documents.FirstOrDefault(d => d.Id == document) ?? throw CollaborationException.NotFound($"The library has no document '{document}'.");
                return view.ViewerIsSecretariat ? before : throw CollaborationException.Forbidden("Only the dialogue's secretariat keeps its library.");
            },
            fields: form => (
                Language: form["language"].ToString(),
                NewVersion: form["version"].ToString() == "new",
                ExpectedVersion: int.TryParse(form["expectedVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var expected) ? expected : (int?)null),
            record: async (caller, before, given, file, storageKey) =>
            {
                var changed = await library.AddVariantAsync(caller, document,
                    new LibraryFile(given.Language, storageKey, file.FileName, file.ContentType, file.Length), given.NewVersion, given.ExpectedVersion);
                // A file that replaced this language's file in the same version is no longer reachable.
                if (!given.NewVersion && before.Current?.Variants.FirstOrDefault(v => v.Language == given.Language) is { } replaced
                    && changed.Current?.Number == before.Current.Number)
                    store.Delete(replaced.StorageKey);
                return Results.Json(new
                {
                    id = changed.Id,
                    version = changed.Version,
                    currentVersion = changed.Current?.Number,
                    language = given.Language,
                    url = GraphQL.Types.LibraryLinks.DownloadPath(key, changed.Id, given.Language),
                }, statusCode: StatusCodes.Status201Created);
            });
    }

    /// <summary>
    /// A document's file: of version <c>?version=n</c> (the current when omitted), in <c>?language=</c> (the reader's
    /// preferred language when omitted) or the nearest (see <see cref="LibraryLanguages.Nearest"/>); the
    /// <c>Content-Language</c> header says which language the file is in.
    /// </summary>
    private static async Task<IResult> DownloadAsync(string key, string document, string? language, string? version, HttpContext context, IGrainFactory grains, IDocumentStore store)
    {
        try
        {
            var caller = context.User.ToCaller();
            var found = await grains.GetGrain<IDocumentLibraryGrain>(GraphQL.ResolveContextExtensions.DialogueKeyOf(key)).GetAsync(caller, document);
            LibraryVersion? chosen;
            if (string.IsNullOrEmpty(version))
                chosen = found.Current;
            else if (int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                chosen = found.Versions.FirstOrDefault(v => v.Number == number) ?? throw CollaborationException.NotFound($"The document has no version {number}.");
            else
                throw CollaborationException.Validation("version is a version's number, such as 2.", "version", "NOT_A_NUMBER");
            if (string.IsNullOrEmpty(language) && caller is not null)
                language = (await grains.GetGrain<IPersonGrain>(caller.PersonId).FindAsync())?.Profile.PreferredLanguage;
            var variant = LibraryLanguages.Nearest(chosen, found.Titles, language)
                ?? throw CollaborationException.NotFound("The document has no file yet.");
            var content = store.Open(variant.StorageKey);
            if (content is null)
                return DocumentEndpoints.Refusal(CollaborationException.NotFound("The document's file is missing from storage."));
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentLanguage = variant.Language;
            // Members-only documents must not sit in shared caches.
            context.Response.Headers.CacheControl = found.Visibility == MeetingVisibility.Public ? "public, max-age=60" : "private, no-store";
            return Results.File(content, variant.ContentType, variant.FileName);
        }
        catch (CollaborationException e)
        {
            return DocumentEndpoints.Refusal(e);
        }
    }
}
