using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Collaboration.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Extensions;

/// <summary>Abuse limits (section <c>RateLimits</c>); 0 switches a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>GraphQL requests per minute per signed-in person (or per client address when anonymous).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "RateLimits:GraphQLPerMinute must be 0 (no limit) or more.")]
    public int GraphQLPerMinute { get; set; } = 600;

    /// <summary>Notes-hub calls per minute per person.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "RateLimits:HubCallsPerMinute must be 0 (no limit) or more.")]
    public int HubCallsPerMinute { get; set; } = 1200;

    /// <summary>Sign-in links asked per hour from one client address, whatever addresses they are for.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "RateLimits:SignInLinksPerClientPerHour must be 0 (no limit) or more.")]
    public int SignInLinksPerClientPerHour { get; set; } = 60;
}

/// <summary>
/// Per-user limits on GraphQL requests (HTTP 429 with Retry-After and the GraphQL error code
/// TOO_MANY_REQUESTS) and on notes-hub calls (a HubException with that code; the connection stays).
/// </summary>
public static class RateLimits
{
    public const string GraphQLPolicy = "graphql-per-user";

    public static WebApplicationBuilder AddCollaborationRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.ReadSettings<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddSingleton(options);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(GraphQLPolicy, context => Window(PartitionOf(context), options.GraphQLPerMinute, TimeSpan.FromMinutes(1)));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/graphql-response+json";
                await response.WriteAsync(
                    """{"errors":[{"message":"Too many requests: slow down and try again shortly.","extensions":{"code":"TOO_MANY_REQUESTS"}}]}""",
                    cancellationToken);
            };
        });
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<SignInLinkLimiter>();
        builder.Services.Configure<HubOptions>(o => o.AddFilter<HubRateLimitFilter>());
        return builder;
    }

    /// <summary>A fixed window of <paramref name="limit"/> permits per key, or no limit when it is 0.</summary>
    private static RateLimitPartition<string> Window(string key, int limit, TimeSpan window) => limit <= 0
        ? RateLimitPartition.GetNoLimiter(key)
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });

    private static string PartitionOf(HttpContext context) =>
        context.User.ToCaller() is { } caller ? "person:" + caller.PersonId : "address:" + context.Connection.RemoteIpAddress;

    /// <summary>
    /// Counts sign-in link requests per client address, so nobody can make the server mail many people at
    /// once (each address also gets at most five links an hour, in its account grain).
    /// </summary>
    public sealed class SignInLinkLimiter(RateLimitOptions options) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter =
            PartitionedRateLimiter.Create<string, string>(key => Window(key, options.SignInLinksPerClientPerHour, TimeSpan.FromHours(1)));

        /// <summary>TOO_MANY_REQUESTS when this client asked for too many links this hour.</summary>
        public void Check(HttpContext context)
        {
            using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!lease.IsAcquired)
                throw new CollaborationException(ErrorCode.TooManyRequests, "Too many sign-in links were asked from your network this hour; try again later.");
        }

        public void Dispose() => _limiter.Dispose();
    }

    /// <summary>Counts a person's hub calls; over the limit, the call is refused and the connection stays open.</summary>
    public sealed class HubRateLimitFilter(RateLimitOptions options) : IHubFilter, IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter =
            PartitionedRateLimiter.Create<string, string>(key => Window(key, options.HubCallsPerMinute, TimeSpan.FromMinutes(1)));

        public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            var key = context.Context.User.ToCaller()?.PersonId ?? context.Context.ConnectionId;
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
                throw new HubException("TOO_MANY_REQUESTS: Too many calls: slow down and try again shortly.");
            return await next(context);
        }

        public void Dispose() => _limiter.Dispose();
    }
}
