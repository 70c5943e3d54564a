namespace Collaboration.Server.Extensions;

/// <summary>
/// The usual security headers on every answer, and a strict Content-Security-Policy: scripts only from this
/// server (no inline script, no eval), connections only back to it, no framing. Inline style attributes stay
/// allowed for the server's own small pages. No Referer leaves the site (a link's token stays here);
/// same-origin requests keep theirs, and their Origin, which form posts are checked against.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["X-Frame-Options"] = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
            return next(context);
        });
        return app;
    }
}
