using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Server.Tests;

/// <summary>
/// A loopback stand-in for Microsoft 365: Entra ID's token endpoint (over HTTPS with a certificate made for
/// the test, as Azure.Identity insists on HTTPS) and the Graph calendar endpoints the server uses (over HTTP
/// on 127.0.0.1). It records every request, dedupes creations by transactionId as Graph does, and can answer
/// 429 with Retry-After.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    public const string TenantId = "0f6a1a43-6c3e-4f39-9f2e-5b8d0a7c1e11";
    public const string ClientId = "collaboration-graph-tests";
    public const string ClientSecret = "stand-in-graph-secret";
    public const string Mailbox = "secretariat@mtm.example";

    /// <summary>Graph reads property names without regard to case (the SDK sends action bodies in PascalCase).</summary>
    public static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private readonly X509Certificate2 _certificate = MakeCertificate();
    private readonly ConcurrentDictionary<string, JsonObject> _events = new();
    private readonly ConcurrentDictionary<string, string> _transactions = new();
    private readonly ConcurrentDictionary<string, (DateTime Start, DateTime End)[]> _busy = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Lock _gate = new();
    private int _throttleNext;
    private string? _throttleOnce;
    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    public string GraphUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyDictionary<string, JsonObject> Events => _events;

    /// <summary>The next <paramref name="count"/> Graph calls are answered 429 with Retry-After: 1.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttleNext, count);

    /// <summary>The first Graph call whose body holds <paramref name="text"/> is answered 429 with Retry-After: 1.</summary>
    public void ThrottleOnce(string text) => _throttleOnce = text;

    /// <summary>Makes <paramref name="email"/> a mailbox of the tenant, busy at the given UTC times.</summary>
    public void Knows(string email, params (DateTime Start, DateTime End)[] busy) => _busy[email] = busy;

    /// <summary>Azure.Identity's credential for this stand-in: the real client-secret flow, trusting the test certificate.</summary>
    public ClientSecretCredential Credential()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
        };
        return new ClientSecretCredential(TenantId, ClientId, ClientSecret, new ClientSecretCredentialOptions
        {
            AuthorityHost = new Uri(Authority),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(handler),
        });
    }

    public static async Task<GraphStandIn> StartAsync()
    {
        var standIn = new GraphStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0 for both: the system picks free ports as they bind, and they are read back once listening
        // (tokens over HTTPS, Graph over HTTP, which is how a request tells them apart).
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(standIn._certificate));
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRequestDecompression(); // Graph's SDK gzips request bodies.
        var app = builder.Build();
        app.UseRequestDecompression();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", body,
                context.Request.Headers.Authorization.ToString(), 0);
            var throttleOnce = standIn._throttleOnce;
            var throttled = throttleOnce is not null && body.Contains(throttleOnce, StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref standIn._throttleOnce, null, throttleOnce) == throttleOnce;
            if (!context.Request.IsHttps && (throttled || Interlocked.Decrement(ref standIn._throttleNext) >= 0))
            {
                standIn._requests.Enqueue(recorded with { Status = 429 });
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "Please retry after 1 second." } });
                return;
            }
            try
            {
                await next(context);
                standIn._requests.Enqueue(recorded with { Status = context.Response.StatusCode });
            }
            catch (Exception e)
            {
                standIn._requests.Enqueue(recorded with { Status = 500, Body = $"{recorded.Body}\n{e}" });
                throw;
            }
        });

        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (tenant != TenantId || form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "client_credentials")
                return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"graph-token-{Guid.NewGuid():N}" });
        });

        app.MapPost("/v1.0/users/{mailbox}/events", async (string mailbox, HttpRequest request) =>
        {
            if (Unauthorized(request, mailbox) is { } refused)
                return refused;
            var body = (await JsonNode.ParseAsync(request.Body, CaseInsensitive))!.AsObject();
            lock (standIn._gate)
            {
                // Graph answers a repeated transactionId with the event it already made.
                if (body["transactionId"]?.GetValue<string>() is { } transaction && standIn._transactions.TryGetValue(transaction, out var existing))
                    return Results.Json(standIn._events[existing], statusCode: 201);
                var id = $"AAMk{Guid.NewGuid():N}";
                body["id"] = id;
                if (body["isOnlineMeeting"]?.GetValue<bool>() == true)
                    body["onlineMeeting"] = new JsonObject { ["joinUrl"] = $"https://teams.stand-in.example/l/meetup-join/{id}" };
                standIn._events[id] = body;
                if (body["transactionId"]?.GetValue<string>() is { } made)
                    standIn._transactions[made] = id;
                return Results.Json(body, statusCode: 201);
            }
        });
        app.MapMethods("/v1.0/users/{mailbox}/events/{id}", ["PATCH"], async (string mailbox, string id, HttpRequest request) =>
        {
            if (Unauthorized(request, mailbox) is { } refused)
                return refused;
            if (!standIn._events.TryGetValue(id, out var held))
                return Results.Json(new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } }, statusCode: 404);
            var patch = (await JsonNode.ParseAsync(request.Body, CaseInsensitive))!.AsObject();
            lock (standIn._gate)
            {
                foreach (var (name, value) in patch.ToList())
                    held[name] = value?.DeepClone();
                return Results.Json(held);
            }
        });
        app.MapPost("/v1.0/users/{mailbox}/events/{id}/cancel", async (string mailbox, string id, HttpRequest request) =>
        {
            if (Unauthorized(request, mailbox) is { } refused)
                return refused;
            if (!standIn._events.TryGetValue(id, out var held))
                return Results.Json(new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } }, statusCode: 404);
            var body = (await JsonNode.ParseAsync(request.Body, CaseInsensitive))!.AsObject();
            lock (standIn._gate)
            {
                held["isCancelled"] = true;
                held["cancellationComment"] = body["comment"]?.DeepClone();
            }
            return Results.StatusCode(202);
        });
        app.MapPost("/v1.0/users/{mailbox}/calendar/getSchedule", async (string mailbox, HttpRequest request) =>
        {
            if (Unauthorized(request, mailbox) is { } refused)
                return refused;
            var body = (await JsonNode.ParseAsync(request.Body, CaseInsensitive))!.AsObject();
            var schedules = body["schedules"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            return Results.Json(new
            {
                value = schedules.Select(address => standIn._busy.TryGetValue(address, out var busy)
                    ? (object)new
                    {
                        scheduleId = address,
                        availabilityView = "",
                        scheduleItems = busy.Select(b => new
                        {
                            status = "busy",
                            subject = "Private appointment",
                            start = new { dateTime = b.Start.ToString("yyyy-MM-ddTHH:mm:ss.fffffff"), timeZone = "UTC" },
                            end = new { dateTime = b.End.ToString("yyyy-MM-ddTHH:mm:ss.fffffff"), timeZone = "UTC" },
                        }),
                    }
                    : new { scheduleId = address, error = new { message = $"The mailbox {address} is not in the organization.", responseCode = "ErrorMailRecipientNotFound" } }),
            });
        });
        app.MapFallback((HttpContext context) => Results.Json(new { error = new { code = "NotImplemented", message = $"The stand-in has no {context.Request.Method} {context.Request.Path}." } }, statusCode: 501));
        standIn._app = app;
        await app.StartAsync();
        standIn.Authority = app.Urls.Single(u => u.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/') + "/";
        standIn.GraphUrl = app.Urls.Single(u => u.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/v1.0";
        return standIn;
    }

    private static IResult? Unauthorized(HttpRequest request, string mailbox)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer graph-token-", StringComparison.Ordinal))
            return Results.Json(new { error = new { code = "InvalidAuthenticationToken", message = "Access token is empty." } }, statusCode: 401);
        return mailbox == Mailbox ? null : Results.Json(new { error = new { code = "ErrorInvalidUser", message = $"The requested user '{mailbox}' is invalid." } }, statusCode: 404);
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _certificate.Dispose();
    }
}

public sealed record RecordedRequest(string Method, string Path, string Body, string Authorization, int Status)
{
    public JsonObject Json => JsonNode.Parse(Body, GraphStandIn.CaseInsensitive)!.AsObject();
}
