using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Server.Auth;

/// <summary>
/// The pages a mailed or printed link opens. A link only shows a form: the secret is spent by the form's
/// POST, so a mail scanner that fetches links cannot use it up.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sign-in", ([FromQuery] string? token) => Page(
            "Sign in",
            $"""
            <form method="post" action="/auth/sign-in">
              <input type="hidden" name="token" value="{Encode(token)}">
              <button type="submit">Sign in to Collaboration</button>
            </form>
            """));

        endpoints.MapFormPost("/auth/sign-in", "Sign in", (context, form, signIn) =>
            signIn.SignInWithLinkAsync(context, form["token"].ToString()));

        endpoints.MapGet("/setup", ([FromQuery] string? token) => Page(
            "Set up Collaboration",
            $"""
            <p>Create the first secretariat administrator.</p>
            <form method="post" action="/auth/setup">
              <input type="hidden" name="token" value="{Encode(token)}">
              <p><label>Name <input name="name" required autocomplete="name"></label></p>
              <p><label>Email <input name="email" type="email" required autocomplete="email"></label></p>
              <p><label>Language <select name="language">
                <option value="en">English</option><option value="fr">Français</option><option value="ar">العربية</option>
              </select></label></p>
              <button type="submit">Create administrator and sign in</button>
            </form>
            """));

        endpoints.MapFormPost("/auth/setup", "Set up Collaboration", (context, form, signIn) =>
            signIn.CompleteSetupAsync(
                context,
                form["token"].ToString(),
                new PersonProfile(form["name"].ToString(), form["email"].ToString(), form["language"].ToString() is { Length: > 0 } l ? l : Language.English)));

        endpoints.MapGet("/account", async (HttpContext context, IGrainFactory grains) =>
        {
            var caller = context.User.ToCaller();
            if (caller is null)
                return Page("Collaboration", "<p>You are not signed in. Open the sign-in link from your mail.</p>", StatusCodes.Status401Unauthorized);
            var person = await grains.GetGrain<IPersonGrain>(caller.PersonId).FindAsync();
            return Page(
                "Collaboration",
                $"""
                <p>Signed in as {Encode(person?.Profile.Name)} ({Encode(person?.Profile.Email)}){(caller.IsAdministrator ? ", administrator" : string.Empty)}.</p>
                <p>The API is at <code>/graphql</code>.</p>
                <form method="post" action="/auth/sign-out"><button type="submit">Sign out</button></form>
                """);
        });

        endpoints.MapPost("/auth/sign-out", async (HttpContext context) =>
        {
            if (!IsSameOrigin(context))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            await context.SignOutAsync(CollaborationAuthenticationHandler.SchemeName);
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();

        return endpoints;
    }

    /// <summary>
    /// A form that spends a link: refused from another site, redirected to the app (<c>/</c>) on success, and
    /// answered with the rule's message on a page when the rule refuses.
    /// </summary>
    private static void MapFormPost(
        this IEndpointRouteBuilder endpoints, string pattern, string title, Func<HttpContext, IFormCollection, SignInService, Task> action) =>
        endpoints.MapPost(pattern, async (HttpContext context, SignInService signIn) =>
        {
            if (!IsSameOrigin(context))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            var form = await context.Request.ReadFormAsync();
            try
            {
                await action(context, form, signIn);
            }
            catch (CollaborationException e)
            {
                return Page(title, $"<p role=\"alert\">{Encode(e.Message)}</p>", StatusCodes.Status400BadRequest);
            }
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();

    /// <summary>Form posts from another site are refused (the browser names the posting origin).</summary>
    public static bool IsSameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>{Encode(title)}</title></head>
        <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto"><h1>{Encode(title)}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
