using System.Net;
using System.Security.Claims;
using Collaboration.Server.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Collaboration.Server.Auth;

/// <summary>
/// Optional sign-in for secretariat staff through their organisation's identity provider (Microsoft Entra
/// ID or any OpenID Connect provider). The provider vouches for an email address; a session starts for the
/// person whose account uses it. Nobody gets an account this way: the secretariat adds people first.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string StartPath = "/auth/oidc/sign-in";
    public const string CallbackPath = "/auth/oidc/callback";

    public static void AddCollaborationOpenIdConnect(this AuthenticationBuilder authentication, OpenIdConnectSettings settings) =>
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = "code";
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CollaborationAuthenticationHandler.SchemeName;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in (string[])["openid", "profile", "email"])
                o.Scope.Add(scope);
            o.Events.OnTokenValidated = async context =>
            {
                var principal = context.Principal!;
                var email = principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("upn");
                var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
                var personId = email is null ? null : await grains.GetGrain<IAccountGrain>(email.Trim().ToLowerInvariant()).FindPersonAsync();
                if (personId is null)
                {
                    context.Fail("No account uses the address your organisation vouched for; ask the secretariat to add you.");
                    return;
                }
                context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CallerClaims.PersonId, personId)], Scheme));
            };
            o.Events.OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title></head><body><h1>Sign-in refused</h1><p role=\"alert\">{WebUtility.HtmlEncode(context.Failure?.Message)}</p></body></html>");
            };
        });

    /// <summary><c>GET /auth/oidc/sign-in</c> sends the browser to the identity provider (404 when none is configured).</summary>
    public static IEndpointRouteBuilder MapOpenIdConnectSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, async (HttpContext context, IAuthenticationSchemeProvider schemes) =>
        {
            if (await schemes.GetSchemeAsync(Scheme) is null)
                return Results.NotFound();
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
        });
        return endpoints;
    }
}
