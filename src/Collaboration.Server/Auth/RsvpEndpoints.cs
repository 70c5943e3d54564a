using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Server.Auth;

/// <summary>
/// The page an invitation's answer link opens: it shows the answer, and only the form's POST records it, so
/// a mail scanner that follows links answers nothing. No sign-in: the signed link is the proof.
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
        endpoints.MapGet("/rsvp", ([FromQuery] string? meeting, [FromQuery] string? token, [FromQuery] string? response) =>
            !Responses.ContainsKey(response ?? "")
                ? Page("This answer link is damaged: open it from the invitation again.", StatusCodes.Status400BadRequest)
                : Page($"""
                    <form method="post" action="/rsvp">
                      <input type="hidden" name="meeting" value="{Encode(meeting)}">
                      <input type="hidden" name="token" value="{Encode(token)}">
                      <input type="hidden" name="response" value="{Encode(response)}">
                      <button type="submit">Confirm: {Encode(response)}</button>
                    </form>
                    """));

        endpoints.MapPost("/rsvp", async (HttpContext context, IGrainFactory grains) =>
        {
            var form = await context.Request.ReadFormAsync();
            var meeting = form["meeting"].ToString();
            if (MeetingKey.DialogueOf(meeting) is null || !Responses.TryGetValue(form["response"].ToString(), out var response))
                return Page("This answer link is damaged: open it from the invitation again.", StatusCodes.Status400BadRequest);
            try
            {
                var change = await grains.GetGrain<IMeetingGrain>(meeting).RespondByLinkAsync(form["token"].ToString(), response);
                var mine = change.Meeting.MyInvitation!;
                return Page(mine.WaitlistPosition is { } position
                    ? $"Thank you. The meeting is full: you are number {position} on the waitlist, and you will hear when a place frees."
                    : $"Thank you. Your answer is recorded: {mine.Status}.");
            }
            catch (CollaborationException e)
            {
                return Page(e.Message, StatusCodes.Status400BadRequest);
            }
        }).DisableAntiforgery();
        return endpoints;
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    private static IResult Page(string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Your answer</title></head>
        <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto"><h1>Your answer</h1><p role="status">{(body.StartsWith('<') ? string.Empty : Encode(body))}</p>{(body.StartsWith('<') ? body : string.Empty)}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
