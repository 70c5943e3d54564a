using System.ComponentModel.DataAnnotations;

namespace Collaboration.Server.Extensions;

/// <summary>Settings of the server itself (section <c>Collaboration</c>).</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>The address people reach the server at; links in mail start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Load the MTM demo dialogue at start (also the <c>--demo</c> switch).</summary>
    public bool Demo { get; set; }
}

/// <summary>The silo's identity and ports (section <c>Orleans</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "collaboration";

    public string ServiceId { get; set; } = "collaboration";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (PostgreSQL profile); loopback by default, the pod IP on
    /// Kubernetes (<c>Orleans__AdvertisedIPAddress=$(POD_IP)</c>).
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}

/// <summary>Limits of the GraphQL endpoint (section <c>GraphQL</c>).</summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Deepest selection nesting a document may have.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxDepth must be a whole number of at least 1.")]
    public int MaxDepth { get; set; } = 12;

    /// <summary>Largest complexity (fields weighted, lists multiplied) a document may have.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxComplexity must be a whole number of at least 1.")]
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>Most selections (fields, fragment spreads, inline fragments) one document may write, counted before validation.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxSelections must be a whole number of at least 1.")]
    public int MaxSelections { get; set; } = 500;

    /// <summary>Deepest nesting under <c>__schema</c> or <c>__type</c>: graphql-js's standard introspection query is 15 deep.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxIntrospectionDepth must be a whole number of at least 1.")]
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>Largest complexity of the introspection in a document: graphql-js's standard query is about 52,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxIntrospectionComplexity must be a whole number of at least 1.")]
    public int MaxIntrospectionComplexity { get; set; } = 100_000;

    /// <summary>Most field aliases one document may use.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxAliases must be a whole number of at least 1.")]
    public int MaxAliases { get; set; } = 50;

    /// <summary>Largest request body (or GET query string) accepted, in bytes.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "GraphQL:MaxRequestBytes must be a whole number of at least 1.")]
    public int MaxRequestBytes { get; set; } = 128 * 1024;
}

/// <summary>Lifetimes of sign-in links, sessions and access tokens (section <c>SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    [Range(1, 36500, ErrorMessage = "SignIn:MaxAccessTokenDays must be a number of days from 1 to 36500.")]
    public int MaxAccessTokenDays { get; set; } = 365;
}

/// <summary>Optional OpenID Connect sign-in for secretariat staff, e.g. Microsoft Entra ID (section <c>OpenIdConnect</c>).</summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "OpenIdConnect";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; empty turns it off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Refuse an identity provider whose metadata is not served over HTTPS (off only for local stand-ins).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
