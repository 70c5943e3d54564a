using Collaboration.Integrations.Calendar;
using Collaboration.Server.Auth;

namespace Collaboration.Server.Extensions;

/// <summary>
/// Calendar subscriptions: a person's own feed at a secret, revocable address, and a public feed per
/// dialogue of its publicly listed meetings. Calendar programs fetch them without signing in.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/public/{dialogue}.ics", async (string dialogue, IGrainFactory grains, TimeProvider clock) =>
        {
            if (dialogue.Length > 32 || dialogue.Contains('/', StringComparison.Ordinal))
                return Results.NotFound();
            var meetings = await AllAsync(grains.GetGrain<IMeetingCatalogGrain>(dialogue), null, new MeetingFilter());
            return Ics(CalendarFeeds.Build($"{dialogue}: public meetings", meetings, Language.English, clock.GetUtcNow()));
        });

        endpoints.MapGet("/calendar/{token}.ics", async (string token, IGrainFactory grains, TimeProvider clock) =>
        {
            if (!Secrets.IsPlausible(token))
                return Results.NotFound();
            var grant = await grains.GetGrain<ICredentialGrain>(Secrets.Hash(token)).ValidateAsync(CredentialKind.CalendarFeed);
            var person = grant is null ? null : await grains.GetGrain<IPersonGrain>(grant.PersonId).FindAsync();
            if (person is null)
                return Results.NotFound();
            var caller = new Caller(person.Id, person.IsAdministrator);
            var meetings = new List<MeetingSummary>();
            var series = new List<WorkingGroups.WorkingGroupSummary>();
            foreach (var (key, membership) in await grains.GetGrain<IAcrossDialoguesGrain>(0).GetMembershipsAsync(person.Id))
            {
                meetings.AddRange(await AllAsync(grains.GetGrain<IMeetingCatalogGrain>(key), caller, new MeetingFilter(PersonId: person.Id)));
                series.AddRange((await grains.GetGrain<WorkingGroups.IWorkingGroupIndexGrain>(key).ListAsync()).Where(g => g.Includes(person.Id, membership)));
            }
            return Ics(CalendarFeeds.Build($"Collaboration: {person.Profile.Name}", meetings, person.Profile.PreferredLanguage, clock.GetUtcNow(), series));
        });
        return endpoints;
    }

    private static async Task<List<MeetingSummary>> AllAsync(IMeetingCatalogGrain catalog, Caller? caller, MeetingFilter filter)
    {
        var all = new List<MeetingSummary>();
        string? after = null;
        do
        {
            var page = await catalog.QueryAsync(caller, filter, MeetingCatalogGrain.MaxPageSize, after);
            all.AddRange(page.Meetings);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);
        return all;
    }

    private static IResult Ics(string calendar) => Results.Text(calendar, "text/calendar; charset=utf-8");
}
