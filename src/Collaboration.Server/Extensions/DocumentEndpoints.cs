using Collaboration.Server.Auth;

namespace Collaboration.Server.Extensions;

/// <summary>
/// Uploading and downloading meeting documents: files travel over plain HTTP (multipart up, a stream
/// down); the meeting grain decides who may add and who may see each document.
/// </summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/meetings/{dialogue}/{meeting}/documents", UploadAsync).AsUpload();
        endpoints.MapGet("/meetings/{dialogue}/{meeting}/documents/{document}", DownloadAsync);
        endpoints.MapGet("/meetings/{dialogue}/{meeting}/notes/summary.{format}", SummaryAsync);
        endpoints.MapGet("/meetings/{dialogue}/{meeting}/participants.csv", (string dialogue, string meeting, string? language, HttpContext context, IGrainFactory grains) =>
            ParticipantsAsync(dialogue, meeting, language, context, grains, docx: false));
        endpoints.MapGet("/meetings/{dialogue}/{meeting}/attendance.docx", (string dialogue, string meeting, string? language, HttpContext context, IGrainFactory grains) =>
            ParticipantsAsync(dialogue, meeting, language, context, grains, docx: true));
        endpoints.MapGet("/meetings/{dialogue}/{meeting}/registrations/{person}/visa-letter.docx", VisaLetterAsync);
        return endpoints;
    }

    /// <summary>
    /// A form field naming an enum value as the GraphQL schema spells it (DISCUSSION_GUIDE, DIALOGUE_MEMBERS), the
    /// way the app sends it; the .NET name (DiscussionGuide) is taken too. Numbers and unknown names are refused.
    /// </summary>
    internal static T ApiEnum<T>(string? value, string field) where T : struct, Enum
    {
        var name = value?.Replace("_", "", StringComparison.Ordinal);
        if (name is { Length: > 0 } && !char.IsAsciiDigit(name[0]) && Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        var names = string.Join(", ", Enum.GetNames<T>().Select(global::GraphQL.StringExtensions.ToConstantCase));
        throw CollaborationException.Validation($"{field} is one of {names}.", field, "NOT_ONE_OF", ("values", names));
    }

    private static Task<IResult> UploadAsync(string dialogue, string meeting, HttpContext context, IGrainFactory grains, IDocumentStore store)
    {
        var grain = grains.GetGrain<IMeetingGrain>(MeetingKey.Of(dialogue, meeting));
        return Uploads.ReceiveAsync(context, store,
            // Only the secretariat may add documents.
            authorize: async caller => (await grain.GetAsync(caller)).ViewerIsSecretariat
                ? true
                : throw CollaborationException.Forbidden("Only the dialogue's secretariat may add documents."),
            fields: form => (
                Title: form["title"].ToString(),
                Kind: ApiEnum<DocumentKind>(form["kind"], "kind"),
                Visibility: string.IsNullOrEmpty(form["visibility"]) ? MeetingVisibility.Participants : ApiEnum<MeetingVisibility>(form["visibility"], "visibility")),
            record: async (caller, _, given, file, key) =>
            {
                // A retry after a lost answer sends the same Idempotency-Key and gets the document the first upload made.
                var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } h ? h : null;
                var change = await grain.AddDocumentAsync(caller, new DocumentInput(
                    given.Title is { Length: > 0 } t ? t : file.FileName, given.Kind, given.Visibility, null, key, file.FileName, file.ContentType, file.Length), idempotencyKey);
                var added = change.Meeting.Documents.Single(d => idempotencyKey is null ? d.StorageKey == key : d.Id == RequestKeys.NewId(caller, idempotencyKey));
                if (added.StorageKey != key)
                    store.Delete(key);
                return Results.Json(new { id = added.Id, url = GraphQL.Types.DocumentLinks.DownloadPath(change.Meeting.Id, added.Id), version = change.Meeting.Version },
                    statusCode: StatusCodes.Status201Created);
            });
    }

    private static async Task<IResult> DownloadAsync(string dialogue, string meeting, string document, HttpContext context, IGrainFactory grains, IDocumentStore store)
    {
        try
        {
            var found = await grains.GetGrain<IMeetingGrain>(MeetingKey.Of(dialogue, meeting)).GetDocumentAsync(context.User.ToCaller(), document);
            if (found.LibraryDocumentId is { } libraryId)
                return Results.Redirect(GraphQL.Types.LibraryLinks.DownloadPath(dialogue, libraryId, context.Request.Query["language"].FirstOrDefault()));
            if (found.StorageKey is null)
                return Results.Redirect(found.Url!);
            var content = store.Open(found.StorageKey);
            if (content is null)
                return Refusal(CollaborationException.NotFound("The document's file is missing from storage."));
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(content, found.ContentType, found.FileName);
        }
        catch (CollaborationException e)
        {
            return Refusal(e);
        }
    }

    /// <summary>
    /// The Summary of Discussions as Markdown (<c>summary.md</c>) or Word (<c>summary.docx</c>), in
    /// <c>?language=</c>, one of the meeting's working languages (its first when omitted; 400 for another).
    /// </summary>
    private static async Task<IResult> SummaryAsync(string dialogue, string meeting, string format, string? language, HttpContext context, IGrainFactory grains)
    {
        if (format is not ("md" or "docx"))
            return Results.NotFound();
        var caller = context.User.ToCaller();
        if (caller is null)
            return Refusal(CollaborationException.Unauthenticated("Sign in first."));
        if (MeetingKey.DialogueOf(MeetingKey.Of(dialogue, meeting)) is null)
            return Refusal(CollaborationException.NotFound($"There is no meeting '{dialogue}/{meeting}'."));
        try
        {
            var summary = await grains.GetGrain<INotesGrain>(MeetingKey.Of(dialogue, meeting)).SummaryAsync(caller, string.IsNullOrEmpty(language) ? null : language);
            var name = $"summary-of-discussions-{summary.Language}.{format}";
            context.Response.Headers.CacheControl = "no-store";
            return format == "md"
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(Integrations.Exports.SummaryOfDiscussions.ToMarkdown(summary)), "text/markdown; charset=utf-8", name)
                : Results.File(Integrations.Exports.SummaryOfDiscussions.ToDocx(summary), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
        }
        catch (CollaborationException e)
        {
            return Refusal(e);
        }
    }

    /// <summary>
    /// The participant list (CSV) or the attendance sheet (DOCX) of a meeting, for its secretariat: the meeting
    /// grain decides who may have them, as it does for documents. Headings in <c>?language=ar|en|fr</c>
    /// (English when omitted).
    /// </summary>
    private static Task<IResult> ParticipantsAsync(string dialogue, string meeting, string? language, HttpContext context, IGrainFactory grains, bool docx) =>
        MeetingFileAsync(dialogue, meeting, language, context, async (caller, words) =>
        {
            var list = await grains.GetGrain<IMeetingGrain>(MeetingKey.Of(dialogue, meeting)).GetParticipantListAsync(caller);
            return docx
                ? Results.File(Integrations.Exports.ParticipantExports.ToDocx(list, words), WordDocument, $"attendance-sheet-{words}.docx")
                : Results.File(Integrations.Exports.ParticipantExports.ToCsv(list, words), "text/csv; charset=utf-8", "participants.csv");
        });

    /// <summary>
    /// The visa-support letter of an invitee (DOCX), for the secretariat: the meeting grain decides who may have it
    /// and records that it was issued. In <c>?language=ar|en|fr</c> (English when omitted).
    /// </summary>
    private static Task<IResult> VisaLetterAsync(string dialogue, string meeting, string person, string? language, HttpContext context, IGrainFactory grains) =>
        MeetingFileAsync(dialogue, meeting, language, context, async (caller, words) =>
        {
            var facts = await grains.GetGrain<IMeetingGrain>(MeetingKey.Of(dialogue, meeting)).IssueVisaLetterAsync(caller, person, words);
            return Results.File(Integrations.Exports.VisaLetter.ToDocx(facts, words), WordDocument, $"visa-letter-{words}.docx");
        });

    private const string WordDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// A file the meeting grain writes for a signed-in caller (it decides who may have it), in the language asked
    /// (ar, en or fr; English otherwise), never cached; a refusal as the JSON every endpoint here answers.
    /// </summary>
    private static async Task<IResult> MeetingFileAsync(string dialogue, string meeting, string? language, HttpContext context, Func<Caller, string, Task<IResult>> write)
    {
        var caller = context.User.ToCaller();
        if (caller is null)
            return Refusal(CollaborationException.Unauthenticated("Sign in first."));
        if (MeetingKey.DialogueOf(MeetingKey.Of(dialogue, meeting)) is null)
            return Refusal(CollaborationException.NotFound($"There is no meeting '{dialogue}/{meeting}'."));
        try
        {
            var file = await write(caller, Language.IsSupported(language) ? language! : Language.English);
            context.Response.Headers.CacheControl = "no-store";
            return file;
        }
        catch (CollaborationException e)
        {
            return Refusal(e);
        }
    }

    internal static IResult Refusal(CollaborationException e) => Results.Json(
        new { code = e.Code.ToWireName(), message = e.Message, field = e.Field, reason = e.Reason, values = e.Values },
        statusCode: e.Code switch
        {
            ErrorCode.NotFound => StatusCodes.Status404NotFound,
            ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
            ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            ErrorCode.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });
}
