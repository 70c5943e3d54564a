using Collaboration.Mail;
using Collaboration.Server.Extensions;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Auth;

/// <summary>
/// Sign-in links, sessions, access tokens and first-administrator setup. It makes secrets and hands their
/// hashes to the grains that hold the rules; the values themselves only ever go to their owner.
/// </summary>
public sealed partial class SignInService(
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<SignInOptions> options,
    IOptions<CollaborationOptions> server,
    ILogger<SignInService> logger)
{
    public const string SessionCookie = "collaboration.session";
    public const string AccessTokenPrefix = "clb_";

    /// <summary>
    /// Mails a single-use sign-in link when the address has an account. Answers the same either way, so the
    /// answer does not tell who has an account.
    /// </summary>
    public async Task RequestLinkAsync(string email, CancellationToken cancellationToken)
    {
        var address = Validate.Email(email);
        var account = grains.GetGrain<IAccountGrain>(address);
        var personId = await account.FindPersonAsync();
        var person = personId is null ? null : await grains.GetGrain<IPersonGrain>(personId).FindAsync();
        if (person is null)
        {
            LogNoAccount(logger);
            return;
        }
        if (!await account.AllowSignInLinkAsync())
        {
            // Answered like any other request, so the answer tells nothing; the mailbox is spared.
            LogTooMany(logger, person.Id);
            return;
        }

        var token = Secrets.New();
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        await grains.GetGrain<ICredentialGrain>(Secrets.Hash(token))
            .IssueAsync(new CredentialGrant(CredentialKind.SignInLink, person.Id, expires));
        var link = $"{server.Value.PublicBaseUrl.TrimEnd('/')}/sign-in?token={token}";
        // Through the durable outbox like all mail: an SMTP outage delays the link, it does not lose it.
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        cancellationToken.ThrowIfCancellationRequested();
        await grains.GetGrain<IOutboxGrain>(id).EnqueueAsync(SignInMail.Compose(id, person.Profile, link, options.Value.LinkLifetime));
        LogLinkSent(logger, person.Id);
    }

    /// <summary>Redeems a sign-in link (once) and starts a session for its person.</summary>
    public async Task<string> SignInWithLinkAsync(HttpContext context, string token)
    {
        if (!Secrets.IsPlausible(token))
            throw CollaborationException.Unauthenticated("This sign-in link is not valid. Ask for a new one.");
        var grant = await grains.GetGrain<ICredentialGrain>(Secrets.Hash(token)).RedeemAsync();
        await StartSessionAsync(context, grant.PersonId);
        return grant.PersonId;
    }

    /// <summary>Uses the printed setup link to create the first administrator, and signs them in.</summary>
    public async Task<string> CompleteSetupAsync(HttpContext context, string token, PersonProfile administrator)
    {
        if (!Secrets.IsPlausible(token))
            throw CollaborationException.Unauthenticated("This setup link is not valid.");
        var personId = await grains.GetGrain<ISetupGrain>(0).CompleteAsync(Secrets.Hash(token), administrator);
        await StartSessionAsync(context, personId);
        return personId;
    }

    /// <summary>Opens setup with a new link when no administrator exists yet; null once setup is complete.</summary>
    public async Task<string?> OpenSetupAsync()
    {
        var setup = grains.GetGrain<ISetupGrain>(0);
        if (await setup.IsCompleteAsync())
            return null;
        var token = Secrets.New();
        await setup.OpenAsync(Secrets.Hash(token));
        return $"{server.Value.PublicBaseUrl.TrimEnd('/')}/setup?token={token}";
    }

    /// <summary>Starts a session: a new secret in an HttpOnly cookie, its hash in a credential grain.</summary>
    public async Task StartSessionAsync(HttpContext context, string personId)
    {
        var token = Secrets.New();
        var expires = clock.GetUtcNow() + options.Value.SessionLifetime;
        await grains.GetGrain<ICredentialGrain>(Secrets.Hash(token))
            .IssueAsync(new CredentialGrant(CredentialKind.Session, personId, expires));
        context.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary>Ends the request's session, if it has one: the secret is revoked and the cookie removed.</summary>
    public async Task EndSessionAsync(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(SessionCookie, out var token) && Secrets.IsPlausible(token))
            await grains.GetGrain<ICredentialGrain>(Secrets.Hash(token)).RevokeAsync();
        context.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/" });
    }

    /// <summary>Creates a personal access token; its value is returned this once and never again.</summary>
    public async Task<(string Token, AccessTokenView View)> CreateAccessTokenAsync(Caller caller, string name, int days)
    {
        if (days < 1 || days > options.Value.MaxAccessTokenDays)
            throw CollaborationException.Validation($"expiresInDays must be between 1 and {options.Value.MaxAccessTokenDays}.", "expiresInDays");
        var token = Secrets.New(AccessTokenPrefix);
        var hash = Secrets.Hash(token);
        var expires = clock.GetUtcNow().AddDays(days);
        // Listed first: a token that failed to issue shows in the list (and can be revoked) rather than
        // working unseen.
        var view = await grains.GetGrain<IPersonGrain>(caller.PersonId).AddAccessTokenAsync(caller, name, hash, expires);
        await grains.GetGrain<ICredentialGrain>(hash)
            .IssueAsync(new CredentialGrant(CredentialKind.AccessToken, caller.PersonId, expires, view.Id));
        return (token, view);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link requested for an address without an account")]
    private static partial void LogNoAccount(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in link for person {PersonId} not sent: too many asked for within the hour")]
    private static partial void LogTooMany(ILogger logger, string personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link mailed to person {PersonId}")]
    private static partial void LogLinkSent(ILogger logger, string personId);
}
