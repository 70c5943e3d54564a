using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Collaboration.Meetings;
using Collaboration.Server.Auth;
using Collaboration.Server.GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

[assembly: HostingStartup(typeof(Collaboration.Benchmarks.MeetingPageFloor))]

namespace Collaboration.Benchmarks;

/// <summary>
/// The floor of the GraphQL meeting page: a minimal-API endpoint, <c>GET /bench-floor/meetings/{id}</c>, that
/// authenticates the same way, calls the same grain method and writes the same JSON as the web client's
/// meeting query, without GraphQL. It exists only in the server process the benchmark starts: the benchmark
/// loads this assembly there as a .NET startup hook (<see cref="StartupHook"/>) and names it in
/// <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>, so the server's own code has no such endpoint.
/// </summary>
public sealed class MeetingPageFloor : IHostingStartup
{
    public const string Path = "/bench-floor";

    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOTNET_STARTUP_HOOKS"] = typeof(MeetingPageFloor).Assembly.Location,
        ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(MeetingPageFloor).Assembly.GetName().Name!,
    };

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, Filter>());

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path, floor =>
            {
                floor.UseRouting();
                floor.UseAuthentication();
                floor.UseEndpoints(endpoints => endpoints.MapGet("/meetings/{**id}", WriteMeetingAsync));
            });
            next(app);
        };
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task WriteMeetingAsync(HttpContext context, string id, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IMeetingGrain>(id).GetAsync(context.User.ToCaller());
        context.Response.ContentType = "application/graphql-response+json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { data = new { meeting = Page(view) } }, Json, context.RequestAborted);
    }

    /// <summary>The fields of the web client's <c>MeetingQuery</c> (clients/web/src/api/operations.ts), in its order.</summary>
    private static object Page(MeetingView m) => new
    {
        id = m.Id,
        dialogueKey = m.DialogueKey,
        titles = m.Details.Titles.Select(t => new { language = t.Language, text = t.Text }),
        descriptions = m.Details.Descriptions.Select(t => new { language = t.Language, text = t.Text }),
        type = Constant(m.Details.Type),
        status = Constant(m.Status),
        hostCountry = m.Details.HostCountry,
        city = m.Details.City,
        venue = m.Details.Venue,
        timeZone = m.Details.TimeZone,
        startsAt = m.StartsAt,
        endsAt = m.EndsAt,
        startsLocal = LocalTime.Format(m.Details.StartsLocal),
        endsLocal = LocalTime.Format(m.Details.EndsLocal),
        workingLanguages = m.Details.WorkingLanguages,
        capacity = m.Details.Capacity,
        format = Constant(m.Details.Format),
        onlineMeetingUrl = m.OnlineMeetingUrl,
        liveNotesForParticipants = m.Details.LiveNotesForParticipants,
        version = m.Version,
        revision = m.Revision,
        sessions = m.Sessions.Select(s => new { id = s.Id, title = s.Title, startsAt = s.StartsAt, endsAt = s.EndsAt, moderators = s.Moderators.Select(Person) }),
        coChairs = m.CoChairs.Select(Person),
        rapporteurs = m.Rapporteurs.Select(Person),
        invitations = m.Invitations.Select(i => new { invitee = Person(i.Invitee), status = Constant(i.Status), waitlistPosition = i.WaitlistPosition, deliveryProblem = i.DeliveryProblem }),
        participants = m.Participants.Select(Person),
        documents = m.Documents.Select(d => DocumentLinks.Resolve(m.Id, d)).Select(d => new { id = d.Id, title = d.Title, kind = Constant(d.Kind), url = d.Url, fileName = d.FileName }),
        myInvitation = m.MyInvitation is { } mine ? new { status = Constant(mine.Status), waitlistPosition = mine.WaitlistPosition } : null,
        acceptedCount = m.AcceptedCount,
        waitlistCount = m.WaitlistCount,
    };

    private static object Person(MeetingPerson p) => new { personId = p.PersonId, name = p.Name, affiliation = p.Affiliation, regionalGroup = p.RegionalGroup };

    private static readonly ConcurrentDictionary<Enum, string> Constants = new();

    /// <summary>An enum value as GraphQL names it (ExpertMeeting → EXPERT_MEETING).</summary>
    private static string Constant(Enum value) => Constants.GetOrAdd(value, v =>
    {
        var name = v.ToString();
        var constant = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                constant.Append('_');
            constant.Append(char.ToUpperInvariant(name[i]));
        }
        return constant.ToString();
    });
}
