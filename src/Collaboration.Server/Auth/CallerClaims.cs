using System.Security.Claims;

namespace Collaboration.Server.Auth;

/// <summary>The claims the authentication handler sets, and how transports turn them into a <see cref="Caller"/>.</summary>
public static class CallerClaims
{
    public const string PersonId = "collaboration:person";
    public const string Administrator = "collaboration:administrator";
    public const string CredentialKind = "collaboration:credential";

    /// <summary>The caller, or null for an anonymous request.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal? user)
    {
        var id = user?.FindFirstValue(PersonId);
        return id is null ? null : new Caller(id, user!.HasClaim(Administrator, "true"));
    }

    /// <summary>The caller; UNAUTHENTICATED when the request carries no valid credential.</summary>
    public static Caller RequireCaller(this ClaimsPrincipal? user) =>
        user.ToCaller() ?? throw CollaborationException.Unauthenticated("Sign in first: this needs a session or an access token.");
}
