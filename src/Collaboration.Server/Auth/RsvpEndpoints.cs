using System.Globalization;
using Collaboration.Integrations.Email;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Server.Auth;

/// <summary>
/// The page an invitation's answer link opens: it names the meeting (title in the page's language when the
/// meeting has it, dates in the meeting's time zone), shows the answer and links to the meeting's page in the
/// app; only the form's POST records the answer, so a mail scanner that follows links answers nothing. No
/// sign-in: the signed link is the proof. The page speaks the link's <c>lang</c> (the invitee's language in
/// mailed links), else the browser's, else the invitee's.
/// </summary>
public static class RsvpEndpoints
{
    private static readonly Dictionary<string, InvitationResponse> Responses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accept"] = InvitationResponse.Accept,
        ["tentative"] = InvitationResponse.Tentative,
        ["decline"] = InvitationResponse.Decline,
    };

    public static IEndpointRouteBuilder MapRsvpEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rsvp", async (HttpContext context, IGrainFactory grains, [FromQuery] string? meeting, [FromQuery] string? token, [FromQuery] string? response) =>
        {
            if (MeetingKey.DialogueOf(meeting) is null || !Responses.TryGetValue(response ?? "", out var answer))
                return Damaged(context, ServerPage.LanguageOf(context));
            InvitationLinkPreview preview;
            try
            {
                preview = await grains.GetGrain<IMeetingGrain>(meeting!).PreviewByLinkAsync(token ?? string.Empty);
            }
            catch (CollaborationException e)
            {
                return Refused(context, ServerPage.LanguageOf(context), e.Code, e.Message);
            }
            var language = ServerPage.LanguageOf(context, fallback: preview.Language);
            var text = Texts[language];
            var form = preview.ProblemMessage is { } problem
                ? $"<p role=\"alert\">{Encode(text.CannotAnswer)}</p><p class=\"meta\" lang=\"en\" dir=\"ltr\">{Encode(problem)}</p>"
                : $"""
                  <form method="post" action="/rsvp">
                    <input type="hidden" name="meeting" value="{Encode(meeting)}">
                    <input type="hidden" name="token" value="{Encode(token)}">
                    <input type="hidden" name="response" value="{Encode(response)}">
                    {ServerPage.LanguageField(language)}
                    <button type="submit">{Encode(text.Confirm[answer])}</button>
                  </form>
                  """;
            return ServerPage.Render(context, language, text.Title,
                $"<p>{string.Format(CultureInfo.InvariantCulture, Encode(text.InvitedAs), $"<bdi>{Encode(preview.InviteeName)}</bdi>")}</p>"
                + Meeting(preview, text, language)
                + $"<p>{Encode(text.AnswerNow)} <strong>{Encode(StatusText(text, preview.Status, preview.WaitlistPosition))}</strong></p>"
                + form);
        });

        endpoints.MapPost("/rsvp", async (HttpContext context, IGrainFactory grains) =>
        {
            var form = await context.Request.ReadFormAsync();
            var meeting = form["meeting"].ToString();
            var token = form["token"].ToString();
            var language = ServerPage.LanguageOf(context, form["lang"].ToString());
            if (MeetingKey.DialogueOf(meeting) is null || !Responses.TryGetValue(form["response"].ToString(), out var response))
                return Damaged(context, language);
            var grain = grains.GetGrain<IMeetingGrain>(meeting);
            try
            {
                var mine = (await grain.RespondByLinkAsync(token, response)).Meeting.MyInvitation!;
                var text = Texts[language];
                var recorded = mine.WaitlistPosition is { } position
                    ? string.Format(CultureInfo.InvariantCulture, text.Waitlisted, position)
                    : string.Format(CultureInfo.InvariantCulture, text.Recorded, StatusText(text, mine.Status, null));
                var preview = await grain.PreviewByLinkAsync(token);
                return ServerPage.Render(context, language, text.Title,
                    $"<p role=\"status\">{Encode(recorded)}</p>" + Meeting(preview, text, language));
            }
            catch (CollaborationException e)
            {
                return Refused(context, language, e.Code, e.Message);
            }
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The meeting the link answers: its title, when (in its own time zone), where, and a link to its page in the app.</summary>
    private static string Meeting(InvitationLinkPreview preview, RsvpText text, string language)
    {
        var title = preview.Titles.FirstOrDefault(t => t.Language == language) ?? preview.Titles[0];
        var place = string.Join(", ", new[] { preview.Venue, preview.City, preview.HostCountry }.Where(p => !string.IsNullOrEmpty(p)));
        var when = $"{preview.StartsLocal:yyyy-MM-dd HH:mm} – {preview.EndsLocal:yyyy-MM-dd HH:mm}";
        return $"""
            <h2 lang="{Encode(title.Language)}" dir="auto">{Encode(title.Text)}</h2>
            <dl>
              <dt>{Encode(text.When)}</dt><dd><bdi dir="ltr">{Encode(when)}</bdi> <span class="meta">(<bdi dir="ltr">{Encode(preview.TimeZone)}</bdi>)</span></dd>
              <dt>{Encode(text.Where)}</dt><dd dir="auto">{Encode(place)}</dd>
            </dl>
            <p><a href="{Encode(MailComposer.MeetingPath(preview.MeetingId))}">{Encode(text.MeetingPage)}</a></p>
            """;
    }

    private static IResult Damaged(HttpContext context, string language) =>
        ServerPage.Render(context, language, Texts[language].Title, $"<p role=\"alert\">{Encode(Texts[language].Damaged)}</p>", StatusCodes.Status400BadRequest);

    /// <summary>A refusal in the page's words, with the rule's own (English) message under it for the secretariat.</summary>
    private static IResult Refused(HttpContext context, string language, ErrorCode code, string message)
    {
        var text = Texts[language];
        return ServerPage.Render(context, language, text.Title,
            $"<p role=\"alert\">{Encode(code == ErrorCode.Unauthenticated ? text.NotValid : text.CannotAnswer)}</p><p class=\"meta\" lang=\"en\" dir=\"ltr\">{Encode(message)}</p>",
            StatusCodes.Status400BadRequest);
    }

    private static string StatusText(RsvpText text, InvitationStatus status, int? waitlistPosition) =>
        status == InvitationStatus.Waitlisted && waitlistPosition is { } position
            ? $"{text.Statuses[status]} ({position})"
            : text.Statuses[status];

    private static string Encode(string? value) => ServerPage.Encode(value);

    private sealed record RsvpText(
        string Title, string InvitedAs, string When, string Where, string AnswerNow, string MeetingPage,
        IReadOnlyDictionary<InvitationResponse, string> Confirm, IReadOnlyDictionary<InvitationStatus, string> Statuses,
        string Recorded, string Waitlisted, string Damaged, string NotValid, string CannotAnswer);

    private static readonly Dictionary<string, RsvpText> Texts = new()
    {
        [Language.English] = new(
            "Your answer", "{0}, you are invited to:", "When", "Where", "Your answer so far:", "Open the meeting's page (sign-in needed)",
            new Dictionary<InvitationResponse, string> { [InvitationResponse.Accept] = "Yes, I will attend", [InvitationResponse.Tentative] = "I may attend", [InvitationResponse.Decline] = "No, I cannot attend" },
            new Dictionary<InvitationStatus, string>
            {
                [InvitationStatus.Invited] = "not answered yet", [InvitationStatus.Accepted] = "Accepted", [InvitationStatus.Tentative] = "Maybe",
                [InvitationStatus.Declined] = "Declined", [InvitationStatus.Withdrawn] = "Invitation withdrawn", [InvitationStatus.Waitlisted] = "On the waitlist",
            },
            "Thank you. Your answer is recorded: {0}.",
            "Thank you. The meeting is full: you are number {0} on the waitlist, and you will hear from us when a place frees up.",
            "This answer link is damaged: open it from the invitation again.",
            "This answer link does not work: it has expired or was altered. Answer from the meeting's page once signed in, or write to the secretariat.",
            "This invitation can no longer be answered."),
        [Language.French] = new(
            "Votre réponse", "{0}, vous êtes invité(e) à :", "Date", "Lieu", "Votre réponse actuelle :", "Ouvrir la page de la réunion (connexion requise)",
            new Dictionary<InvitationResponse, string> { [InvitationResponse.Accept] = "Oui, je serai présent(e)", [InvitationResponse.Tentative] = "Je serai peut-être présent(e)", [InvitationResponse.Decline] = "Non, je ne pourrai pas venir" },
            new Dictionary<InvitationStatus, string>
            {
                [InvitationStatus.Invited] = "pas encore de réponse", [InvitationStatus.Accepted] = "acceptée", [InvitationStatus.Tentative] = "peut-être",
                [InvitationStatus.Declined] = "déclinée", [InvitationStatus.Withdrawn] = "invitation retirée", [InvitationStatus.Waitlisted] = "sur liste d'attente",
            },
            "Merci. Votre réponse est enregistrée : {0}.",
            "Merci. La réunion est complète : vous êtes n° {0} sur la liste d'attente, et nous vous préviendrons dès qu'une place se libérera.",
            "Ce lien de réponse est incomplet : ouvrez-le de nouveau depuis l'invitation.",
            "Ce lien de réponse ne fonctionne pas : il a expiré ou a été modifié. Répondez depuis la page de la réunion une fois connecté(e), ou écrivez au secrétariat.",
            "Il n'est plus possible de répondre à cette invitation."),
        [Language.Arabic] = new(
            "ردّكم", "{0}، يسرّنا دعوتكم إلى:", "الموعد", "المكان", "ردّكم حتى الآن:", "فتح صفحة الاجتماع (يتطلب تسجيل الدخول)",
            new Dictionary<InvitationResponse, string> { [InvitationResponse.Accept] = "نعم، سأحضر", [InvitationResponse.Tentative] = "قد أحضر", [InvitationResponse.Decline] = "لا، يتعذّر عليّ الحضور" },
            new Dictionary<InvitationStatus, string>
            {
                [InvitationStatus.Invited] = "لم تردّوا بعد", [InvitationStatus.Accepted] = "قبول الدعوة", [InvitationStatus.Tentative] = "حضور محتمل",
                [InvitationStatus.Declined] = "اعتذار عن الحضور", [InvitationStatus.Withdrawn] = "سُحبت الدعوة", [InvitationStatus.Waitlisted] = "على قائمة الانتظار",
            },
            "شكرًا لكم. سُجّل ردّكم: {0}.",
            "شكرًا لكم. اكتمل عدد المشاركين في الاجتماع: ترتيبكم {0} على قائمة الانتظار، وسنُعلمكم فور توفّر مكان.",
            "رابط الرد هذا غير مكتمل: يُرجى فتحه مجددًا من رسالة الدعوة.",
            "رابط الرد هذا لا يعمل: فقد انتهت صلاحيته أو جرى تعديله. يمكنكم الرد من صفحة الاجتماع بعد تسجيل الدخول، أو مراسلة الأمانة.",
            "لم يعد بالإمكان الرد على هذه الدعوة."),
    };
}
