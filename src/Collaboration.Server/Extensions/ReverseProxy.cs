using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.Extensions;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, but only when the request arrives from one of the proxies named in
/// <c>Network:TrustedProxies</c> (addresses or CIDR networks): anyone else could forge the header to escape
/// the per-client limits. With none named, the headers are ignored.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Network:TrustedProxies";

    public static WebApplicationBuilder AddCollaborationReverseProxy(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no known proxy at all the middleware would believe anyone, so no headers are read then.
            options.ForwardedHeaders = trusted.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                    options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address))
                    options.KnownProxies.Add(address);
                else
                    throw new OptionsValidationException(Section, typeof(ForwardedHeadersOptions),
                        [$"{Section} holds '{entry}', which is neither an IP address nor a CIDR network."]);
            }
        });
        // Read at start, so a wrong entry stops the server instead of its first request.
        builder.Services.AddOptions<ForwardedHeadersOptions>().ValidateOnStart();
        return builder;
    }
}
