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
                var language = ServerPage.LanguageOf(context.HttpContext);
                var (title, explanation) = RefusedTexts[language];
                await ServerPage.Render(context.HttpContext, language, title,
                    $"<p role=\"alert\">{ServerPage.Encode(explanation)}</p><p class=\"meta\" lang=\"en\" dir=\"ltr\">{ServerPage.Encode(context.Failure?.Message)}</p>",
                    StatusCodes.Status403Forbidden, languageLinks: false).ExecuteAsync(context.HttpContext);
            };
        });

    private static readonly Dictionary<string, (string Title, string Explanation)> RefusedTexts = new()
    {
        [Language.English] = ("Sign-in refused", "Signing in through your organisation did not work; the reason is below. The secretariat can add you, or send you a sign-in link by email."),
        [Language.French] = ("Connexion refusée", "La connexion par votre organisation n'a pas abouti ; la raison figure ci-dessous. Le secrétariat peut vous ajouter, ou vous envoyer un lien de connexion par courriel."),
        [Language.Arabic] = ("تعذّر تسجيل الدخول", "لم ينجح تسجيل الدخول عبر مؤسستكم، وتجدون السبب أدناه. يمكن للأمانة إضافتكم أو إرسال رابط دخول إليكم عبر البريد الإلكتروني."),
    };

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
