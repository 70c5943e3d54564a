using System.Globalization;
using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

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
        endpoints.MapPost("/dialogues/{key}/library/{document}/variants", UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MeetingDocuments.MaxSize + 1024 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MeetingDocuments.MaxSize + 1024 * 1024 });
        endpoints.MapGet("/dialogues/{key}/library/{document}", DownloadAsync);
        return endpoints;
    }

    /// <summary>
    /// Adds a file (form field <c>file</c>) in a working language (<c>language</c>) to the current version, or as
    /// the first file of a new version when <c>version</c> is <c>new</c>; <c>expectedVersion</c>, when sent, is the
    /// document's version read (409 when stale). Only the secretariat, checked before a byte is stored.
    /// </summary>
    private static async Task<IResult> UploadAsync(string key, string document, HttpContext context, IGrainFactory grains, IDocumentStore store)
    {
        var caller = context.User.ToCaller();
        if (caller is null)
            return DocumentEndpoints.Refusal(CollaborationException.Unauthenticated("Sign in first."));
        // A multipart form can be posted from any site with the session cookie: only this site's pages may.
        if (!SignInEndpoints.IsSameOrigin(context))
            return DocumentEndpoints.Refusal(CollaborationException.Forbidden("Uploads come from this site's own pages."));
        if (!context.Request.HasFormContentType)
            return DocumentEndpoints.Refusal(CollaborationException.Validation("Send the file as multipart/form-data.", "file"));
        try
        {
            var library = grains.GetGrain<IDocumentLibraryGrain>(GraphQL.ResolveContextExtensions.DialogueKeyOf(key));
            // NOT_FOUND for a document the caller may not read, FORBIDDEN for a reader who does not keep the library.
            var view = await library.ListAsync(caller);
            var before = view.Documents.FirstOrDefault(d => d.Id == document) ?? throw CollaborationException.NotFound($"The library has no document '{document}'.");
            if (!view.ViewerIsSecretariat)
                throw CollaborationException.Forbidden("Only the dialogue's secretariat keeps its library.");
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile("file") ?? throw CollaborationException.Validation("Attach the file as the form field 'file'.", "file", "REQUIRED");
            if (file.Length is 0 or > MeetingDocuments.MaxSize)
                throw CollaborationException.Validation($"A file may be 1 byte to {MeetingDocuments.MaxSize / (1024 * 1024)} MiB.", "file", "FILE_SIZE", ("max", MeetingDocuments.MaxSize / (1024 * 1024)));
            if (!MeetingDocuments.AllowedContentTypes.Contains(file.ContentType))
                throw CollaborationException.Validation($"Files of type '{file.ContentType}' are not accepted; use PDF, office documents, text or images.", "file", "FILE_TYPE");
            var language = form["language"].ToString();
            var newVersion = form["version"].ToString() == "new";
            int? expectedVersion = int.TryParse(form["expectedVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var expected) ? expected : null;

            string storageKey;
            await using (var content = file.OpenReadStream())
                storageKey = await store.SaveAsync(content, context.RequestAborted);
            LibraryDocument changed;
            try
            {
                changed = await library.AddVariantAsync(caller, document, new LibraryFile(language, storageKey, file.FileName, file.ContentType, file.Length), newVersion, expectedVersion);
            }
            catch
            {
                store.Delete(storageKey);
                throw;
            }
            // A file that replaced this language's file in the same version is no longer reachable.
            if (!newVersion && before.Current?.Variants.FirstOrDefault(v => v.Language == language) is { } replaced
                && changed.Current?.Number == before.Current.Number)
                store.Delete(replaced.StorageKey);
            return Results.Json(new
            {
                id = changed.Id,
                version = changed.Version,
                currentVersion = changed.Current?.Number,
                language,
                url = GraphQL.Types.LibraryLinks.DownloadPath(key, changed.Id, language),
            }, statusCode: StatusCodes.Status201Created);
        }
        catch (CollaborationException e)
        {
            return DocumentEndpoints.Refusal(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new { code = ErrorCode.Validation.ToWireName(), message = "The upload is too large." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            return DocumentEndpoints.Refusal(CollaborationException.Validation("The upload is not a well-formed multipart form.", "file"));
        }
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
