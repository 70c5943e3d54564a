using System.Globalization;

namespace Collaboration.Meetings;

/// <summary>
/// The meeting as its Summary of Discussions shows it: delegations by the states and organisations people
/// represent, never the people (only moderators are named: the agenda makes them public), in one language.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<SummaryFacts> GetSummaryFactsAsync(string? asked)
    {
        var directory = await DirectoryAsync();
        if (!State.Exists)
            throw CollaborationException.NotFound($"There is no meeting '{Key}'.");
        var details = State.Details!;
        var original = details.Titles[0].Language;
        var language = asked ?? original;
        if (!details.WorkingLanguages.Contains(language))
            throw NotesGrain.NotAMeetingLanguage(language, details.WorkingLanguages);
        var order = StringComparer.Create(CultureInfo.GetCultureInfo(language is "ar" or "fr" ? language : "en"), ignoreCase: false);
        var states = directory.PartnerStates.ToDictionary(s => s.Code, s => StateNameIn(s, language));
        var agencies = directory.PartnerAgencies.ToDictionary(o => o.Key, o => o.Name);
        var observers = directory.Observers.ToDictionary(o => o.Key, o => o.Name);
        Membership? MembershipOf(string personId) => directory.MembershipOf(personId);

        var coChairStates = State.CoChairs.Select(c => MembershipOf(c.PersonId)?.PartnerStateCode).OfType<string>()
            .Where(states.ContainsKey).Select(code => states[code]).Distinct().ToList();
        // Delegations that take part: those whose people accepted their invitation (the co-chairing states have their own
        // line); a declined, tentative, waitlisted or withdrawn invitation counts for nothing.
        var taking = State.Invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.Invitee.PersonId)
            .Select(MembershipOf).OfType<Membership>().ToList();
        List<string> Names(IEnumerable<string?> keys, Dictionary<string, string> names) =>
            [.. keys.OfType<string>().Where(names.ContainsKey).Select(k => names[k]).Distinct().Order(order)];

        var documents = State.Documents.ToDictionary(d => d.Id, d => d.Title);
        var sessions = State.Sessions.Select(s => new SummarySession(
            s.Id,
            s.TitleIn(language),
            s.Description,
            [.. s.Moderators.Select(m => m.Name).Where(n => n != ErasedPerson.Name)],
            s.DiscussionGuideDocumentId is { } guide ? documents.GetValueOrDefault(guide) : null,
            [])).ToList();

        var parties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in states)
            parties[$"{Outcomes.AddresseeKind.PartnerState}:{code}"] = name;
        foreach (var (key, name) in agencies.Concat(observers))
            parties[$"{Outcomes.AddresseeKind.Organisation}:{key}"] = name;

        return new SummaryFacts(
            directory.Settings.Name,
            (details.Titles.FirstOrDefault(t => t.Language == language) ?? details.Titles[0]).Text,
            details.StartsLocal,
            details.EndsLocal,
            details.Venue,
            details.City,
            states.GetValueOrDefault(details.HostCountry) ?? details.HostCountry,
            coChairStates,
            Names(taking.Select(m => m.PartnerStateCode), states),
            Names(taking.Select(m => m.OrganisationKey), agencies),
            Names(taking.Select(m => m.OrganisationKey), observers),
            sessions,
            language,
            original,
            parties);
    }

    /// <summary>
    /// A partner state's name in a language, from the names the directory keeps: its name is the English one, and
    /// its other names hold the French and Arabic ones (Maroc, المغرب) without saying which is which, so Arabic is
    /// the first in Arabic script and French the first other name in Latin script. Otherwise its name.
    /// </summary>
    internal static string StateNameIn(PartnerState state, string language)
    {
        static bool Arabic(string name) => name.Any(c => c is >= '\u0600' and <= '\u06FF');
        var others = state.OtherNames ?? [];
        return language switch
        {
            Language.Arabic => others.FirstOrDefault(Arabic),
            Language.French => others.FirstOrDefault(n => !Arabic(n) && n != state.Name),
            _ => null,
        } ?? state.Name;
    }
}
