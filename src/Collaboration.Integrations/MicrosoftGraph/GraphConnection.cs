using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Collaboration.Integrations.MicrosoftGraph;

/// <summary>
/// The Graph client for the secretariat's mailbox: app-only credentials (a client secret through
/// Azure.Identity, unless the host supplies another <see cref="TokenCredential"/>) and the SDK's own
/// middleware, which retries throttled calls after their Retry-After.
/// </summary>
public sealed class GraphConnection(GraphOptions options, GraphStatus status, TokenCredential? credential = null)
{
    private readonly Lazy<GraphServiceClient> client = new(() =>
    {
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Microsoft Graph is misconfigured: {string.Join(" ", problems)}");
        var tokens = credential ?? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret,
            new ClientSecretCredentialOptions { AuthorityHost = new Uri(options.AuthorityHost) });
        // Tokens go only to the configured Graph host (the SDK's default list names Microsoft's clouds alone).
        var authentication = new Microsoft.Kiota.Authentication.Azure.AzureIdentityAuthenticationProvider(
            tokens, [new Uri(options.BaseUrl).Host], scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(authentication, options.BaseUrl.TrimEnd('/'));
    });

    public GraphOptions Options => options;

    /// <summary>
    /// Runs one call against the secretariat's mailbox, records how it went, and turns Graph's answers into the
    /// outbox's terms: throttling becomes <see cref="Mail.RetryLaterException"/>, everything else a plain failure.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<Microsoft.Graph.Users.Item.UserItemRequestBuilder, Task<T>> call)
    {
        try
        {
            var result = await call(client.Value.Users[options.Mailbox]);
            status.Succeeded();
            return result;
        }
        catch (ApiException e) when (e.ResponseStatusCode is 429 or 503)
        {
            var after = RetryAfter(e) ?? TimeSpan.FromMinutes(1);
            status.Failed($"Microsoft Graph is throttling (HTTP {e.ResponseStatusCode}); retrying after {after.TotalSeconds:0} s.");
            throw new Mail.RetryLaterException($"Microsoft Graph answered {e.ResponseStatusCode}; retry after {after.TotalSeconds:0} s.", after, e);
        }
        catch (ApiException e)
        {
            var detail = (e as ODataError)?.Error?.Message ?? e.Message;
            status.Failed($"Microsoft Graph answered HTTP {e.ResponseStatusCode}: {detail}");
            throw new InvalidOperationException($"Microsoft Graph answered HTTP {e.ResponseStatusCode}: {detail}", e);
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException or InvalidOperationException or HttpRequestException)
        {
            status.Failed(e is AuthenticationFailedException ? $"Microsoft Graph credentials were refused: {e.Message}" : e.Message);
            throw;
        }
    }

    private static TimeSpan? RetryAfter(ApiException e)
    {
        if (e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is not { } value)
            return null;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }
}
