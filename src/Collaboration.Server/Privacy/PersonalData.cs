using Collaboration.Exchanges;
using Collaboration.WorkingGroups;
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
        var workingGroups = new JsonArray();
        var exchanges = new JsonArray();
        var priorities = new JsonArray();
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
                    ["cityId"] = membership.CityId,
                });
            }
            foreach (var meetingId in await MeetingsOfAsync(caller, key, personId))
            {
                if (await grains.GetGrain<IMeetingGrain>(meetingId).GetPersonalRecordAsync(caller, personId) is { } meeting)
                    meetings.Add(JsonSerializer.SerializeToNode(meeting, JsonOptions));
            }
            if (await grains.GetGrain<IDialogueGrain>(key).GetMembershipAsync(caller.PersonId) is null && !caller.IsAdministrator)
                continue;
            await AddDialogueContentsAsync(caller, key, personId, workingGroups, exchanges, priorities);
        }
        var export = new JsonObject
        {
            ["person"] = JsonSerializer.SerializeToNode(new { id = record.PersonId, record.Profile, record.IsAdministrator }, JsonOptions),
            ["accessTokens"] = JsonSerializer.SerializeToNode(record.AccessTokens, JsonOptions),
            ["calendarFeed"] = record.HasCalendarFeed,
            ["memberships"] = memberships,
            ["meetings"] = meetings,
            ["workingGroups"] = workingGroups,
            ["expertExchanges"] = exchanges,
            ["registryOfPriorities"] = priorities,
            ["liveNotes"] = "Notes are kept under the Chatham House Rule: no entry records who wrote or said it, so none is anyone's personal data.",
        };
        return export.ToJsonString(JsonOptions);
    }

    /// <summary>The working groups, expert exchanges and registry entries of one dialogue that name the person, as the caller sees them.</summary>
    private async Task AddDialogueContentsAsync(Caller caller, string key, string personId, JsonArray workingGroups, JsonArray exchanges, JsonArray priorities)
    {
        foreach (var summary in await grains.GetGrain<IWorkingGroupIndexGrain>(key).ListAsync())
        {
            var group = await grains.GetGrain<IWorkingGroupGrain>(summary.Id).GetAsync(caller);
            var items = group.ActionItems.Where(i => i.OwnerId == personId).ToList();
            if (!group.Details.PersonIds.Contains(personId) && !group.Details.ChairIds.Contains(personId) && items.Count == 0)
                continue;
            workingGroups.Add(new JsonObject
            {
                ["id"] = group.Id,
                ["name"] = group.Details.Name,
                ["member"] = group.Details.PersonIds.Contains(personId),
                ["chair"] = group.Details.ChairIds.Contains(personId),
                ["actionItems"] = JsonSerializer.SerializeToNode(items.Select(i => new { i.Title, i.DueDate, i.Status }), JsonOptions),
            });
        }
        foreach (var summary in await grains.GetGrain<IExpertExchangeIndexGrain>(key).ListAsync())
        {
            ExpertExchangeView exchange;
            try
            {
                exchange = await grains.GetGrain<IExpertExchangeGrain>(summary.Id).GetAsync(caller);
            }
            catch (CollaborationException e) when (e.Code == ErrorCode.NotFound)
            {
                continue; // not a party: then it holds nothing of theirs the caller may read
            }
            var roles = new List<string>();
            if (exchange.Request.RequestingExpertId == personId)
                roles.Add("requesting expert");
            if (exchange.Request.ParticipantIds.Contains(personId))
                roles.Add("participant");
            if (exchange.HostExperts.Any(e => e.PersonId == personId))
                roles.Add("host expert");
            if (roles.Count > 0)
                exchanges.Add(JsonSerializer.SerializeToNode(new { exchange.Id, exchange.Request.Topic, exchange.Status, roles }, JsonOptions));
        }
        if (await grains.GetGrain<IDialogueGrain>(key).GetDirectoryAsync() is not { } directory)
            return;
        foreach (var partnerState in directory.PartnerStates)
        {
            var registry = await grains.GetGrain<IPriorityRegistryGrain>($"{key}/{partnerState.Code}").GetAsync(caller);
            foreach (var priority in registry.Priorities.Where(p => p.ContactExperts.Any(e => e.PersonId == personId)))
                priorities.Add(JsonSerializer.SerializeToNode(new { registry.PartnerStateCode, priority.Kind, priority.Topic, role = "contact expert" }, JsonOptions));
        }
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
            var name = person.Profile.Name;
            foreach (var meetingId in await MeetingsOfAsync(caller, key, personId))
                await grains.GetGrain<IMeetingGrain>(meetingId).ErasePersonAsync(caller, personId, name);
            foreach (var group in await grains.GetGrain<IWorkingGroupIndexGrain>(key).ListAsync())
                await grains.GetGrain<IWorkingGroupGrain>(group.Id).ErasePersonAsync(caller, personId);
            foreach (var exchange in await grains.GetGrain<IExpertExchangeIndexGrain>(key).ListAsync())
                await grains.GetGrain<IExpertExchangeGrain>(exchange.Id).ErasePersonAsync(caller, personId, name);
            if (await grains.GetGrain<IDialogueGrain>(key).GetDirectoryAsync() is { } directory)
            {
                foreach (var partnerState in directory.PartnerStates)
                    await grains.GetGrain<IPriorityRegistryGrain>($"{key}/{partnerState.Code}").ErasePersonAsync(caller, personId);
            }
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
