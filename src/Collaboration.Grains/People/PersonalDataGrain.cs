using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Dialogues;
using Collaboration.Exchanges;
using Collaboration.Meetings;
using Collaboration.WorkingGroups;
using Orleans.Concurrency;

namespace Collaboration.People;

/// <summary>
/// A person's personal data on request: the export gathers what each grain holds about them (the grains
/// decide who may ask), and erasure has each grain forget them; every dialogue is asked at once. Live notes
/// hold nobody's identity, so they have nothing to export or erase.
/// </summary>
[StatelessWorker]
public sealed class PersonalDataGrain(IGrainFactory grains) : Grain, IPersonalDataGrain
{
    public async Task<string> ExportAsync(Caller caller, string personId)
    {
        // The person grain decides first whether the caller may read this person at all.
        var record = await grains.GetGrain<IPersonGrain>(personId).ExportAsync(caller);
        var keys = await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync();
        var dialogues = await Task.WhenAll(keys.Select(key => ExportDialogueAsync(caller, key, personId)));
        JsonArray All(Func<DialoguePart, IEnumerable<JsonNode?>> part) => new([.. dialogues.SelectMany(part).Select(n => n?.DeepClone())]);
        var export = new JsonObject
        {
            ["person"] = JsonSerializer.SerializeToNode(new { id = record.PersonId, record.Profile, record.IsAdministrator }, JsonOptions),
            ["accessTokens"] = JsonSerializer.SerializeToNode(record.AccessTokens, JsonOptions),
            ["calendarFeed"] = record.HasCalendarFeed,
            ["memberships"] = All(d => d.Membership is null ? [] : [d.Membership]),
            ["meetings"] = All(d => d.Meetings),
            ["workingGroups"] = All(d => d.WorkingGroups),
            ["expertExchanges"] = All(d => d.Exchanges),
            ["registryOfPriorities"] = All(d => d.Priorities),
            ["liveNotes"] = "Notes are kept under the Chatham House Rule: no entry records who wrote or said it, so none is anyone's personal data.",
        };
        return export.ToJsonString(JsonOptions);
    }

    /// <summary>What one dialogue holds about the person, as the caller may read it.</summary>
    private sealed record DialoguePart(JsonNode? Membership, JsonArray Meetings, JsonArray WorkingGroups, JsonArray Exchanges, JsonArray Priorities);

    private async Task<DialoguePart> ExportDialogueAsync(Caller caller, string key, string personId)
    {
        var dialogue = grains.GetGrain<IDialogueGrain>(key);
        JsonNode? membership = null;
        if (await dialogue.GetMembershipAsync(personId) is { } member)
        {
            membership = new JsonObject
            {
                ["dialogue"] = key,
                ["roles"] = new JsonArray([.. member.Roles.Select(r => JsonValue.Create(r.ToString()))]),
                ["partnerStateCode"] = member.PartnerStateCode,
                ["organisationKey"] = member.OrganisationKey,
                ["city"] = member.City,
                ["cityId"] = member.CityId,
            };
        }
        var records = await Task.WhenAll((await MeetingsOfAsync(caller, key, personId))
            .Select(id => grains.GetGrain<IMeetingGrain>(id).GetPersonalRecordAsync(caller, personId)));
        var part = new DialoguePart(membership, [.. records.OfType<MeetingPersonalRecord>().Select(r => JsonSerializer.SerializeToNode(r, JsonOptions))], [], [], []);
        // The dialogue's working groups, exchanges and registry: for its members and administrators.
        if (await dialogue.GetMembershipAsync(caller.PersonId) is not null || caller.IsAdministrator)
            await AddDialogueContentsAsync(caller, key, personId, part.WorkingGroups, part.Exchanges, part.Priorities);
        return part;
    }

    /// <summary>The working groups, expert exchanges and registry entries of one dialogue that name the person, as the caller sees them.</summary>
    private async Task AddDialogueContentsAsync(Caller caller, string key, string personId, JsonArray workingGroups, JsonArray exchanges, JsonArray priorities)
    {
        var groups = await Task.WhenAll((await grains.GetGrain<IWorkingGroupIndexGrain>(key).ListAsync())
            .Select(summary => grains.GetGrain<IWorkingGroupGrain>(summary.Id).GetAsync(caller)));
        foreach (var group in groups)
        {
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
        // The exchanges the caller may read (a party's, or every one for the secretariat).
        foreach (var exchange in await grains.GetGrain<IExpertExchangeIndexGrain>(key).ListForAsync(caller))
        {
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
        var registries = await Task.WhenAll(directory.PartnerStates.Select(s => grains.GetGrain<IPriorityRegistryGrain>($"{key}/{s.Code}").GetAsync(caller)));
        foreach (var registry in registries)
        {
            foreach (var priority in registry.Priorities.Where(p => p.ContactExperts.Any(e => e.PersonId == personId)))
                priorities.Add(JsonSerializer.SerializeToNode(new { registry.PartnerStateCode, priority.Kind, priority.Topic, role = "contact expert" }, JsonOptions));
        }
    }

    /// <summary>Erases a person (administrators), confirmed by their address: meetings and memberships first, the person last, so a failed run can be repeated.</summary>
    public async Task EraseAsync(Caller caller, string personId, string confirmEmail)
    {
        if (!InstallationRules.MayAdminister(caller))
            throw CollaborationException.Forbidden("Only an administrator erases a person.");
        var person = await grains.GetGrain<IPersonGrain>(personId).FindAsync()
            ?? throw CollaborationException.NotFound("There is no such person.");
        if (!string.Equals(person.Profile.Email, confirmEmail.Trim(), StringComparison.OrdinalIgnoreCase))
            throw CollaborationException.Validation("Type the person's email address to confirm the erasure.", "email", "ERASURE_NOT_CONFIRMED");
        if (person.Id == caller.PersonId)
            throw CollaborationException.InvalidState("An administrator cannot erase themself; another administrator can.");
        var keys = await grains.GetGrain<IDialogueRegistryGrain>(0).GetKeysAsync();
        await Task.WhenAll(keys.Select(key => EraseFromDialogueAsync(caller, key, personId, person.Profile.Name)));
        var erased = await grains.GetGrain<IPersonGrain>(personId).EraseAsync(caller);
        await grains.GetGrain<IAccountGrain>(erased.Email).ForgetAsync(personId);
    }

    /// <summary>Has every meeting, working group, exchange and registry of one dialogue forget the person, then the dialogue's membership.</summary>
    private async Task EraseFromDialogueAsync(Caller caller, string key, string personId, string name)
    {
        var erasures = new List<Task>();
        erasures.AddRange((await MeetingsOfAsync(caller, key, personId)).Select(id => grains.GetGrain<IMeetingGrain>(id).ErasePersonAsync(caller, personId, name)));
        erasures.AddRange((await grains.GetGrain<IWorkingGroupIndexGrain>(key).ListAsync()).Select(g => grains.GetGrain<IWorkingGroupGrain>(g.Id).ErasePersonAsync(caller, personId)));
        erasures.AddRange((await grains.GetGrain<IExpertExchangeIndexGrain>(key).ListAsync()).Select(e => grains.GetGrain<IExpertExchangeGrain>(e.Id).ErasePersonAsync(caller, personId, name)));
        if (await grains.GetGrain<IDialogueGrain>(key).GetDirectoryAsync() is { } directory)
            erasures.AddRange(directory.PartnerStates.Select(s => grains.GetGrain<IPriorityRegistryGrain>($"{key}/{s.Code}").ErasePersonAsync(caller, personId)));
        await Task.WhenAll(erasures);
        await grains.GetGrain<IDialogueGrain>(key).ErasePersonAsync(caller, personId);
    }

    private async Task<List<string>> MeetingsOfAsync(Caller caller, string dialogueKey, string personId)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey)
                .QueryAsync(caller, new MeetingFilter(PersonId: personId), MeetingCatalogGrain.MaxPageSize, after);
            ids.AddRange(page.Meetings.Select(m => m.Id));
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);
        return ids;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}
