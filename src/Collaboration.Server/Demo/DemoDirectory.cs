using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Server.Demo;

/// <summary>
/// The demo dialogues: the MTM Dialogue and the Rabat Process, each with its directory from the source documents
/// (embedded <c>mtm.json</c> and <c>rabat.json</c>) and a handful of invented people, one per role. Morocco's focal
/// point belongs to both, as in life, and sees both. A dialogue that exists already is not loaded again.
/// </summary>
public sealed partial class DemoDirectory(IGrainFactory grains, ILogger<DemoDirectory> logger)
{
    private static readonly Caller Loader = new("demo-loader", IsAdministrator: true);

    /// <summary>The demo dialogues' data files, in the order they are loaded.</summary>
    public static readonly IReadOnlyList<string> Dialogues = ["mtm", "rabat"];

    public async Task LoadAsync()
    {
        foreach (var name in Dialogues)
            await LoadAsync(Read(name));
    }

    private async Task LoadAsync(DemoData demo)
    {
        var dialogue = grains.GetGrain<IDialogueGrain>(demo.Key);
        try
        {
            await dialogue.GetAsync(Loader);
            LogPresent(logger, demo.Key);
            return;
        }
        catch (CollaborationException e) when (e.Code == ErrorCode.NotFound)
        {
            // Not there yet: load it.
        }

        await dialogue.CreateAsync(Loader, demo.Settings);
        foreach (var state in demo.PartnerStates)
            await dialogue.AddPartnerStateAsync(Loader, state);
        foreach (var agency in demo.PartnerAgencies)
            await dialogue.AddOrganisationAsync(Loader, OrganisationKind.PartnerAgency, agency);
        foreach (var observer in demo.Observers)
            await dialogue.AddOrganisationAsync(Loader, OrganisationKind.Observer, observer);
        // City officials choose one of the dialogue's cities, so the cities come before the people.
        foreach (var city in demo.Cities ?? [])
            await grains.GetGrain<Cities.ICityGrain>($"{demo.Key}/{city.Key}").CreateAsync(Loader, new Cities.CityDetails(city.Name, city.CountryCode, null, city.Languages ?? []));
        foreach (var person in demo.People)
            await dialogue.AddMemberAsync(Loader, new PersonProfile(person.Name, person.Email, person.PreferredLanguage, person.Organisation), person.Membership);
        LogLoaded(logger, demo.Key, demo.PartnerStates.Count, demo.PartnerAgencies.Count, demo.People.Count);
    }

    /// <summary>A demo dialogue's data as shipped inside the server: the MTM Dialogue's unless named.</summary>
    public static DemoData Read(string name = "mtm")
    {
        using var stream = typeof(DemoDirectory).Assembly.GetManifestResourceStream($"Collaboration.Demo.{name}.json")
            ?? throw new InvalidOperationException($"The demo data '{name}' is missing from the build.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return JsonSerializer.Deserialize<DemoData>(stream, options) ?? throw new InvalidOperationException("The demo data is empty.");
    }

    public sealed record DemoData(
        string Key,
        DialogueSettings Settings,
        List<PartnerState> PartnerStates,
        List<Organisation> PartnerAgencies,
        List<Organisation> Observers,
        List<DemoPerson> People,
        List<DemoCity>? Cities = null);

    /// <summary>A City-to-City city of the demo dialogue, under its key.</summary>
    public sealed record DemoCity(string Key, string Name, string CountryCode, List<string>? Languages);

    public sealed record DemoPerson(string Name, string Email, string PreferredLanguage, string? Organisation, Membership Membership);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo dialogue {Key} is present already; not loading it again")]
    private static partial void LogPresent(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo dialogue {Key}: {States} partner states, {Agencies} partner agencies, {People} people")]
    private static partial void LogLoaded(ILogger logger, string key, int states, int agencies, int people);
}
