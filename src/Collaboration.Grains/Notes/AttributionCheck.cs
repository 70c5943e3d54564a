using System.Text.RegularExpressions;

namespace Collaboration.Notes;

/// <summary>
/// Looks for attribution in a note before it is saved: the names of the meeting's people, and phrases that
/// tie a statement to a state or organisation ("the delegate of Morocco said", "Morocco's representative",
/// "according to Morocco", "selon le Maroc", "مندوب المغرب"), in English, French and Arabic. Each finding
/// comes with the whole text reworded neutrally ("A participant noted …").
/// </summary>
public sealed class AttributionCheck
{
    private const string EnglishRoles = "delegates?|delegations?|representatives?|ambassadors?|ministers?|officials?|experts?|spokesperson|co-chairs?";
    private const string EnglishVerbs = "said|says|stated|states|noted|notes|argued|proposed|explained|stressed|insisted|suggested|mentioned|reported|underlined|emphasi[sz]ed|pointed out|called for|announced";
    private const string FrenchRoles = "délégués?|déléguées?|délégations?|représentants?|représentantes?|ambassadeurs?|ministres?|experts?|expertes?";
    private const string FrenchVerbs = "dit|déclaré|souligné|noté|proposé|expliqué|insisté|indiqué|affirmé|rappelé|annoncé";
    private const string ArabicRoles = "مندوب|مندوبة|ممثل|ممثلة|ممثلو|ممثلي|وفد|سفير|سفيرة|وزير|وزيرة|خبير|خبيرة";
    private const string ArabicVerbs = "قال|قالت|أكد|أكدت|صرح|صرحت|أشار|أشارت|اقترح|اقترحت|أوضح|أوضحت|ذكر|ذكرت";

    private readonly List<Rule> _rules = [];

    public AttributionCheck(AttributionVocabulary vocabulary)
    {
        var parties = Alternation(vocabulary.States.Concat(vocabulary.Organisations));
        var people = Alternation(vocabulary.People);
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        if (parties is not null)
        {
            Add($@"\b(?:the\s+)?(?:{EnglishRoles})\s+(?:of|from)\s+(?:the\s+)?(?<name>{parties})(?!\w)", "ties the statement to a delegation", _ => "a participant");
            Add($@"(?<!\w)(?<name>{parties})['’]s?\s+(?:{EnglishRoles})\b", "ties the statement to a delegation", _ => "a participant");
            Add($@"\baccording\s+to\s+(?:the\s+)?(?<name>{parties})(?!\w)", "attributes the statement", _ => "according to a participant");
            Add($@"(?<!\w)(?:the\s+)?(?<name>{parties})\s+(?<verb>{EnglishVerbs})\b", "attributes the statement", m => "a participant " + m.Groups["verb"].Value);
            Add($@"(?<!\w)(?:le|la|les|l['’])\s*(?:{FrenchRoles})\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?<name>{parties})(?!\w)", "rattache la déclaration à une délégation", _ => "un participant");
            Add($@"(?<!\w)selon\s+(?:le\s+|la\s+|les\s+|l['’])?(?<name>{parties})(?!\w)", "attribue la déclaration", _ => "selon un participant");
            Add($@"(?<!\w)(?:le\s+|la\s+|les\s+|l['’])?(?<name>{parties})\s+a\s+(?<verb>{FrenchVerbs})(?!\w)", "attribue la déclaration", m => "un participant a " + m.Groups["verb"].Value);
            Add($@"(?:{ArabicRoles})\s+(?:دولة\s+)?(?<name>{parties})", "ينسب القول إلى وفد", _ => "أحد المشاركين");
            Add($@"(?:وفقا|وفقًا|حسب|بحسب)\s+(?:ل)?(?<name>{parties})", "ينسب القول", _ => "وفقًا لأحد المشاركين");
            Add($@"(?<verb>{ArabicVerbs})\s+(?<name>{parties})", "ينسب القول", m => m.Groups["verb"].Value + " أحد المشاركين");
        }
        if (people is not null)
            Add($@"(?<!\w)(?<name>{people})(?!\w)", "names a participant", NeutralPerson);

        void Add(string pattern, string reason, Func<Match, string> neutral) =>
            _rules.Add(new Rule(new Regex(pattern, Options, TimeSpan.FromMilliseconds(200)), reason, neutral));
    }

    /// <summary>Every attribution found in the text, each with the text reworded without it.</summary>
    public IReadOnlyList<AttributionWarning> Check(string text)
    {
        var warnings = new List<AttributionWarning>();
        var neutral = text;
        try
        {
            foreach (var rule in _rules)
            {
                foreach (Match match in rule.Pattern.Matches(text))
                    warnings.Add(new AttributionWarning(match.Value, rule.Reason, string.Empty));
                neutral = rule.Pattern.Replace(neutral, rule.Neutral.Invoke);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Unchecked text counts as a finding: a strict meeting refuses it, others are warned.
            return [new AttributionWarning(string.Empty, "could not be checked for attribution in time; shorten it", text)];
        }
        if (warnings.Count == 0)
            return [];
        var suggestion = Capitalise(neutral);
        return [.. warnings.Select(w => w with { Suggestion = suggestion })];
    }

    private static string NeutralPerson(Match match) =>
        match.Value.Any(c => c is >= '\u0600' and <= '\u06FF') ? "أحد المشاركين" : "a participant";

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string? Alternation(IEnumerable<string> names)
    {
        var escaped = names.Where(n => n.Trim().Length >= 2).Select(n => Regex.Escape(n.Trim()))
            .Distinct().OrderByDescending(n => n.Length).ToList();
        return escaped.Count == 0 ? null : string.Join('|', escaped);
    }

    private sealed record Rule(Regex Pattern, string Reason, Func<Match, string> Neutral);
}
