using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Server.Extensions;

/// <summary>
/// What the upload endpoints (a meeting's documents, the library's files) do alike, in this order: a signed-in caller,
/// posting from this site's own pages, a multipart form; the grain's permission, asked before a byte is stored; the
/// endpoint's own form fields read; one file in the field <c>file</c>, 1 byte to
/// <see cref="MeetingDocuments.MaxSize"/>, of an accepted type; the file stored, then recorded by the grain, and
/// deleted again when the grain refuses it. Refusals answer as every endpoint's do (<see cref="DocumentEndpoints.Refusal"/>).
/// </summary>
internal static class Uploads
{
    /// <summary>The limits of an upload endpoint: the largest file and its form around it; no antiforgery token (same-origin is checked).</summary>
    public static RouteHandlerBuilder AsUpload(this RouteHandlerBuilder endpoint) => endpoint
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(MeetingDocuments.MaxSize + 1024 * 1024))
        .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MeetingDocuments.MaxSize + 1024 * 1024 });

    /// <summary>
    /// Receives one file: <paramref name="authorize"/> refuses a caller who may not add it (and answers what the
    /// grain said), <paramref name="fields"/> reads and checks the endpoint's other form fields, both before the file
    /// is stored; <paramref name="record"/> hands the stored file to the grain and makes the answer.
    /// </summary>
    public static async Task<IResult> ReceiveAsync<TAllowed, TFields>(
        HttpContext context,
        IDocumentStore store,
        Func<Caller, Task<TAllowed>> authorize,
        Func<IFormCollection, TFields> fields,
        Func<Caller, TAllowed, TFields, IFormFile, string, Task<IResult>> record)
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
            var allowed = await authorize(caller);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile("file") ?? throw CollaborationException.Validation("Attach the file as the form field 'file'.", "file", "REQUIRED");
            if (file.Length is 0 or > MeetingDocuments.MaxSize)
                throw CollaborationException.Validation($"A file may be 1 byte to {MeetingDocuments.MaxSize / (1024 * 1024)} MiB.", "file", "FILE_SIZE", ("max", MeetingDocuments.MaxSize / (1024 * 1024)));
            if (!MeetingDocuments.AllowedContentTypes.Contains(file.ContentType))
                throw CollaborationException.Validation($"Files of type '{file.ContentType}' are not accepted; use PDF, office documents, text or images.", "file", "FILE_TYPE");
            var given = fields(form);

            string storageKey;
            await using (var content = file.OpenReadStream())
                storageKey = await store.SaveAsync(content, context.RequestAborted);
            try
            {
                return await record(caller, allowed, given, file, storageKey);
            }
            catch
            {
                store.Delete(storageKey);
                throw;
            }
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
}
