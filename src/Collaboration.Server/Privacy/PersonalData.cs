using System.Text.Json;
using System.Text.Json.Nodes;

namespace Collaboration.Server.Privacy;

/// <summary>
/// A person's personal data on request: the export gathers what each grain holds about them (the grains
/// decide who may ask), and erasure has each grain forget them. Live notes hold nobody's identity, so they
/// have nothing to export or erase.
/// </summary>
public sealed class PersonalData(IGrainFactory grains)
{
    public async Task<string> ExportAsync(Caller caller, string personId)
    {
        var record = await grains.GetGrain<IPersonGrain>(personId).ExportAsync(caller);
        var memberships = new JsonArray();
        var meetings = new JsonArray();
        foreach (var key in await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync())
        {
            if (await grains.GetGrain<IDialogueGrain>(key).GetMembershipAsync(personId) is { } membership)
            {
                memberships.Add(new JsonObject
                {
                    ["dialogue"] = key,
                    ["roles"] = new JsonArray([.. membership.Roles.Select(r => JsonValue.Create(r.ToString()))]),
                    ["partnerStateCode"] = membership.PartnerStateCode,
                    ["organisationKey"] = membership.OrganisationKey,
                    ["city"] = membership.City,
                });
            }
            foreach (var meetingId in await MeetingsOfAsync(caller, key, personId))
            {
                if (await grains.GetGrain<IMeetingGrain>(meetingId).GetPersonalRecordAsync(caller, personId) is { } meeting)
                    meetings.Add(JsonSerializer.SerializeToNode(meeting, JsonOptions));
            }
        }
        var export = new JsonObject
        {
            ["exportedAt"] = DateTimeOffset.UtcNow,
            ["person"] = JsonSerializer.SerializeToNode(new { id = record.PersonId, record.Profile, record.IsAdministrator }, JsonOptions),
            ["accessTokens"] = JsonSerializer.SerializeToNode(record.AccessTokens, JsonOptions),
            ["calendarFeed"] = record.HasCalendarFeed,
            ["memberships"] = memberships,
            ["meetings"] = meetings,
            ["liveNotes"] = "Notes are kept under the Chatham House Rule: no entry records who wrote or said it, so none is anyone's personal data.",
        };
        return export.ToJsonString(JsonOptions);
    }

    /// <summary>Erases a person (administrators), confirmed by their address: meetings and memberships first, the person last, so a failed run can be repeated.</summary>
    public async Task EraseAsync(Caller caller, string personId, string confirmEmail)
    {
        if (!caller.IsAdministrator)
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.NotFound("There is no such person.");
        if (!string.Equals(person.Profile.Email, confirmEmail.Trim(), StringComparison.OrdinalIgnoreCase))
            throw CollaborationException.Validation("Type the person's email address to confirm the erasure.", "email", "ERASURE_NOT_CONFIRMED");
        if (person.Id == caller.PersonId)
            throw CollaborationException.InvalidState("An administrator cannot erase themself; another administrator can.");
        foreach (var key in await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync())
        {
            foreach (var meetingId in await MeetingsOfAsync(caller, key, personId))
                await grains.GetGrain<IMeetingGrain>(meetingId).ErasePersonAsync(caller, personId, person.Profile.Name);
            await grains.GetGrain<IDialogueGrain>(key).ErasePersonAsync(caller, personId);
        }
        var erased = await grains.GetGrain<IPersonGrain>(personId).EraseAsync(caller);
        await grains.GetGrain<IAccountGrain>(erased.Email).ForgetAsync(personId);
    }

    private async Task<List<string>> MeetingsOfAsync(Caller caller, string dialogueKey, string personId)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey)
                .QueryAsync(caller, new MeetingFilter(PersonId: personId), Meetings.MeetingCatalogGrain.MaxPageSize, after);
            ids.AddRange(page.Meetings.Select(m => m.Id));
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);
        return ids;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
