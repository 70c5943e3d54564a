using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Server.Tests;

/// <summary>
/// A loopback stand-in for an OpenID Connect provider (as Microsoft Entra ID would be): discovery document,
/// signing keys and a token endpoint that redeems codes this test issued, each for an email address.
/// </summary>
public sealed class OpenIdConnectStandIn : IAsyncDisposable
{
    public const string ClientId = "collaboration-tests";
    public const string ClientSecret = "stand-in-secret";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Email)> _codes = new();
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";

    public static async Task<OpenIdConnectStandIn> StartAsync()
    {
        var standIn = new OpenIdConnectStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0: the system picks a free port as it binds, and the issuer is read back once it listens.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var key = new RsaSecurityKey(standIn._rsa) { KeyId = "stand-in-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(standIn._rsa.ExportParameters(false)) { KeyId = key.KeyId });

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = standIn.Issuer,
            ["authorization_endpoint"] = $"{standIn.Issuer}/authorize",
            ["token_endpoint"] = $"{standIn.Issuer}/token",
            ["jwks_uri"] = $"{standIn.Issuer}/keys",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () => Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } },
        }));
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !standIn._codes.TryRemove(form["code"].ToString(), out var grant))
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            return Results.Json(new
            {
                access_token = Guid.NewGuid().ToString("N"),
                token_type = "Bearer",
                expires_in = 3600,
                id_token = standIn.IdToken(grant.Nonce, grant.Email, key),
            });
        });
        await app.StartAsync();
        standIn.Issuer = app.Urls.Single().TrimEnd('/');
        standIn._app = app;
        return standIn;
    }

    /// <summary>What the provider would do after the person signed in there: a code for the nonce it was sent.</summary>
    public string IssueCode(string nonce, string email)
    {
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (nonce, email);
        return code;
    }

    private string IdToken(string nonce, string email, SecurityKey key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = ClientId,
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        Claims = new Dictionary<string, object> { ["sub"] = email, ["email"] = email, ["nonce"] = nonce, ["name"] = "Staff Member" },
    });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
