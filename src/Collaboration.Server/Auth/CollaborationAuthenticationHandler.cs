using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Auth;

/// <summary>
/// Authenticates a request by its bearer access token or its session cookie, each looked up by hash in its
/// credential grain. As a sign-in handler it also starts sessions for external sign-in (OpenID Connect).
/// </summary>
public sealed class CollaborationAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    SignInService signIn)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Collaboration";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret;
        CredentialKind kind;
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = authorization["Bearer ".Length..].Trim();
            kind = CredentialKind.AccessToken;
        }
        else if (Request.Cookies.TryGetValue(SignInService.SessionCookie, out var cookie))
        {
            secret = cookie;
            kind = CredentialKind.Session;
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (!Secrets.IsPlausible(secret))
            return AuthenticateResult.Fail("The credential is malformed.");
        var grant = await grains.GetGrain<ICredentialGrain>(Secrets.Hash(secret)).ValidateAsync(kind);
        if (grant is null)
            return AuthenticateResult.Fail("The credential is unknown, expired or revoked.");
        var person = await grains.GetGrain<IPersonGrain>(grant.PersonId).FindAsync();
        if (person is null)
            return AuthenticateResult.Fail("The credential's person no longer exists.");

        var identity = new ClaimsIdentity(
            [
                new Claim(CallerClaims.PersonId, person.Id),
                new Claim(CallerClaims.Administrator, person.IsAdministrator ? "true" : "false"),
                new Claim(CallerClaims.CredentialKind, kind.ToString()),
                new Claim(ClaimTypes.Name, person.Profile.Name),
            ],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>An external provider (OpenID Connect) vouched for a person: start a session for them.</summary>
    protected override async Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        var personId = user.FindFirstValue(CallerClaims.PersonId)
            ?? throw new InvalidOperationException("External sign-in must name the person it signs in.");
        await signIn.StartSessionAsync(Context, personId);
    }

    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => signIn.EndSessionAsync(Context);
}
