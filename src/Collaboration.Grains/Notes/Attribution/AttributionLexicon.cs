using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Notes.Attribution;

/// <summary>What a word (or a run of words) of a note stands for.</summary>
/// <param name="Symbol">
/// Its class for the rules: S state, A state adjective, M a state's people, O organisation, P person, H honorific,
/// h title before a name, R/Q strong speaker role (singular/plural), r/q weak role, V reporting verb, G its -ing
/// form, v both a reporting verb and a speech noun, N speech noun, X auxiliary, B "be", Y adverb, D definite
/// article, K other determiner, J French "des", F "of", f French "du", l French "au/aux", L other preposition,
/// b "by", U "for" (heading a sentence), I introducer ("according to"), g Arabic "state of", &amp; "and",
/// E/e an Arabic strong/weak role with the article, z a phrase whose next words are the speaker ("raised by",
/// "posée par", "gave the floor to"), w a relative pronoun ("who", "qui", "التي"), k a source noun ("data",
/// "figures": "according to IOM figures" cites a publication, not a speaker).
/// </param>
/// <param name="Category">Who a name stands for: a person, a state's delegation, an organisation.</param>
/// <param name="Gender">'m' or 'f' where the language marks it (French, Arabic).</param>
/// <param name="Number">'s' singular or 'p' plural.</param>
/// <param name="Neutral">For a speaker role: the category of its neutral rewording.</param>
internal sealed record Tag(char Symbol, Category Category = Category.None, char Gender = '\0', char Number = 's', Category Neutral = Category.None)
{
    /// <summary>A role noun that is also a reporting verb's participle ("invité": a guest, or invited after "a").</summary>
    public bool AlsoVerb { get; init; }

    public static Tag Of(char symbol) => new(symbol);
}

/// <summary>Who a finding reveals.</summary>
internal enum Category
{
    None,
    Person,
    Delegation,
    Organisation,
}

/// <summary>
/// The words the guard reads notes by, one set per working language (English, French, Arabic): every
/// country's names, adjectives and peoples, the organisations of migration dialogues, reporting verbs in all
/// their forms, speaker roles, honorifics and the neutral wordings of a rewording. All of it lives in the JSON
/// files beside this class (embedded in the assembly), so a linguist changes data, not code.
/// </summary>
internal sealed class AttributionLexicon
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "ar"];

    private static readonly Lazy<IReadOnlyDictionary<string, AttributionLexicon>> All = new(Load);

    private AttributionLexicon(string language) => Language = language;

    public string Language { get; }

    /// <summary>Entries by their words in look-up form (exact, then accent-folded).</summary>
    public TokenTrie<Tag> Words { get; } = new();

    /// <summary>Common words, so a note's language can be told and a surname is not mistaken for one.</summary>
    public FrozenSet<string> StopWords { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Verb forms that say something else too often to count as speech ("accueillir": to host, not only to welcome).</summary>
    private FrozenSet<string> NotReportingVerbs { get; set; } = FrozenSet<string>.Empty;

    /// <summary>Arabic words that end a name after an honorific ("السيد روسي أن …").</summary>
    public FrozenSet<string> FunctionWords { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Neutral wordings by category and form ("s"/"p" in English; "ms", "fp" … in French; "m", "f", "p" in Arabic).</summary>
    public IReadOnlyDictionary<Category, IReadOnlyDictionary<string, string>> Neutral { get; private set; } =
        new Dictionary<Category, IReadOnlyDictionary<string, string>>();

    public static AttributionLexicon For(string language) => All.Value[language];

    /// <summary>Every word of every language's lexicon, in look-up form: a surname that is one of them is not looked for alone.</summary>
    public static FrozenSet<string> KnownWords => KnownWordsLazy.Value;

    private static readonly Lazy<FrozenSet<string>> KnownWordsLazy = new(() =>
        Languages.SelectMany(l => For(l).Words.SingleWords().Concat(For(l).StopWords)).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Lower-case forms of names that are also ordinary words: a note must capitalise them to mean the name.</summary>
    private static readonly FrozenSet<string> CommonWords = new[]
    {
        "us", "it", "is", "as", "on", "in", "an", "at", "or", "no", "so", "do", "go", "me", "we", "he", "be", "by", "am", "eu", "au",
        "la", "le", "un", "et", "ou", "turkey", "chad", "jordan", "china", "guinea", "georgia", "oman", "togo", "mali", "niger",
        "peru", "iran", "cuba", "malta", "bar", "man", "ilo", "who", "wfp", "ec", "ifad", "coe", "amu", "ufm",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, AttributionLexicon> Load()
    {
        var lexicons = Languages.ToDictionary(l => l, l => new AttributionLexicon(l));
        var files = lexicons.Keys.ToDictionary(l => l, l => Read<WordsFile>($"lexicon.{l}.json"));
        foreach (var (language, lexicon) in lexicons)
            lexicon.LoadWords(files[language]);
        // An honorific reads the same in a note of another language ("Mme Traoré" in English, "Mr Rossi" in French).
        foreach (var (language, lexicon) in lexicons)
        {
            foreach (var honorific in files.Where(f => f.Key != language).SelectMany(f => f.Value.Honorifics))
                lexicon.Words.Add(NoteTokens.Read(honorific), new Tag('H', Category.Person, HonorificGender(honorific)), replace: false);
        }

        foreach (var country in Read<List<CountryEntry>>("countries.json"))
        {
            var en = lexicons["en"];
            foreach (var name in country.En.Names)
                en.AddName(name, new Tag('S', Category.Delegation));
            foreach (var adjective in country.En.Adjectives)
                en.AddName(adjective, new Tag('A', Category.Delegation));
            foreach (var people in country.En.People)
                en.AddName(people, new Tag('M', Category.Delegation, Number: 'p'));

            var fr = lexicons["fr"];
            foreach (var name in country.Fr.Names)
                fr.AddName(name.Name, new Tag('S', Category.Delegation, name.Gender.FirstOrDefault('m'), name.Number.FirstOrDefault('s')));
            // French writes adjectives in lower case and names capitalised: "suisse", "la Suisse", "les Libanais".
            foreach (var adjective in country.Fr.Adjectives)
                fr.AddName(adjective, new Tag('A', Category.Delegation, FrenchGender(adjective), adjective.EndsWith('s') || adjective.EndsWith('x') ? 'p' : 's'), LowerCase);
            foreach (var people in country.Fr.People)
                fr.AddName(people, new Tag('M', Category.Delegation, people.EndsWith("es", StringComparison.Ordinal) ? 'f' : 'm', 'p'), Capitalised);

            var ar = lexicons["ar"];
            foreach (var name in country.Ar.Names)
                ar.AddName(name.Name, new Tag('S', Category.Delegation, name.Gender.FirstOrDefault('f')));
            // The feminine plural of a nisba is regular: المغربية → المغربيات.
            foreach (var adjective in country.Ar.Adjectives.Concat(country.Ar.Adjectives.Where(a => a.EndsWith("ية", StringComparison.Ordinal)).Select(a => a[..^1] + "ات")))
                ar.AddName(adjective, new Tag('A', Category.Delegation));
            foreach (var people in country.Ar.People)
                ar.AddName(people, new Tag('M', Category.Delegation, 'm', 'p'));
        }

        foreach (var organisation in Read<List<OrganisationEntry>>("organisations.json"))
        {
            foreach (var name in organisation.En)
                lexicons["en"].AddName(name, new Tag('O', Category.Organisation));
            foreach (var name in organisation.Fr)
                lexicons["fr"].AddName(name.Name, new Tag('O', Category.Organisation, name.Gender.FirstOrDefault('m')));
            foreach (var name in organisation.Ar)
                lexicons["ar"].AddName(name.Name, new Tag('O', Category.Organisation, name.Gender.FirstOrDefault('f')));
            // Acronyms read the same in every language ("le HCR", "UNHCR", "IOM" in an Arabic note).
            foreach (var acronym in organisation.En.Concat(organisation.Fr.Select(f => f.Name)).Where(IsAcronym))
            {
                foreach (var lexicon in lexicons.Values)
                    lexicon.AddName(acronym, new Tag('O', Category.Organisation, 'm'));
            }
        }

        foreach (var verb in Read<List<EnglishVerb>>("verbs.en.json"))
        {
            foreach (var form in (string?[])[verb.Base, verb.Third, verb.Past, verb.Participle])
                lexicons["en"].AddVerb(form, 'V');
            lexicons["en"].AddVerb(verb.Ing, 'G');
        }
        foreach (var verb in Read<List<FrenchVerb>>("verbs.fr.json"))
        {
            var fr = lexicons["fr"];
            foreach (var form in verb.Present.Concat(verb.Imperfect).Concat(verb.PastSimple).Append(verb.Infinitive))
                fr.AddVerb(form, 'V');
            foreach (var participle in FrenchParticiples(verb.Participle))
            {
                fr.AddVerb(participle, 'V');
                if (verb.Pronominal)
                {
                    foreach (var auxiliary in (string[])["s'est", "se sont", "s'était", "s'étaient", "s'est alors", "se sont alors", "s'est également", "se sont également"])
                        fr.AddVerb($"{auxiliary} {participle}", 'V');
                }
            }
        }
        foreach (var verb in Read<List<ArabicVerb>>("verbs.ar.json"))
        {
            foreach (var form in verb.Past.Concat(verb.Present))
                lexicons["ar"].AddVerb(form, 'V');
        }
        // Idioms and fixed phrases that report speech ("took issue with", "s'est dit", "مثلت").
        foreach (var (language, lexicon) in lexicons)
        {
            foreach (var phrase in files[language].ReportingPhrases ?? [])
                lexicon.AddVerb(phrase, 'V');
        }
        return lexicons;
    }

    private void LoadWords(WordsFile file)
    {
        void Add(IEnumerable<string>? words, char symbol)
        {
            foreach (var word in words ?? [])
                Words.Add(NoteTokens.Read(word), Tag.Of(symbol), replace: false);
        }

        foreach (var role in file.Roles)
        {
            // An Arabic role with the article ("الوفد") binds a party by an adjective, never as a construct.
            var definite = Language == "ar" && role.Word.StartsWith("ال", StringComparison.Ordinal);
            var symbol = (role.Strength, role.Number) switch
            {
                ("strong", _) when definite => 'E',
                (_, _) when definite => 'e',
                ("strong", "p") => 'Q',
                ("strong", _) => 'R',
                (_, "p") => 'q',
                _ => 'r',
            };
            Words.Add(NoteTokens.Read(role.Word), new Tag(symbol, Category.None, role.Gender.FirstOrDefault('m'), role.Number.FirstOrDefault('s'), Parse(role.Neutral)), replace: true);
        }
        foreach (var honorific in file.Honorifics)
            Words.Add(NoteTokens.Read(honorific), new Tag('H', Category.Person, HonorificGender(honorific)), replace: true);
        foreach (var title in file.Titles)
            Words.Add(NoteTokens.Read(title), new Tag('h', Category.Person, HonorificGender(title)), replace: true);
        Add(file.Introducers, 'I');
        Add(file.For, 'U');
        Add(file.SpeechNouns, 'N');
        Add(file.PossessiveSpeechNouns, 'W');
        Add(file.Auxiliaries, 'X');
        Add(file.Be, 'B');
        Add(file.Adverbs, 'Y');
        Add(file.Definite, 'D');
        Add(file.Indefinite, 'K');
        Add(file.Des, 'J');
        Add(file.Of, 'F');
        Add(file.OfContracted, 'f');
        Add(file.ToContracted, 'l');
        Add(file.By, 'b');
        Add(file.And, '&');
        Add(file.StateWord, 'g');
        Add(file.Prepositions, 'L');
        Add(file.RelativePronouns, 'w');
        Add(file.SourceNouns, 'k');
        foreach (var phrase in file.AgentPhrases ?? [])
            Words.Add(NoteTokens.Read(phrase), Tag.Of('z'), replace: true);
        StopWords = file.StopWords.Select(NoteTokens.Exact).ToFrozenSet(StringComparer.Ordinal);
        FunctionWords = (file.FunctionWords ?? []).Select(NoteTokens.Exact).ToFrozenSet(StringComparer.Ordinal);
        NotReportingVerbs = (file.NotReportingVerbs ?? []).Select(NoteTokens.Exact).ToFrozenSet(StringComparer.Ordinal);
        Neutral = file.Neutral.ToDictionary(n => Parse(n.Key), n => (IReadOnlyDictionary<string, string>)n.Value);
    }

    /// <summary>
    /// Adds a name. One that is also an ordinary word matches only as written; <paramref name="written"/> says
    /// how else it must be written (a French adjective in lower case, a people's name capitalised).
    /// </summary>
    private void AddName(string name, Tag tag, Func<NoteToken, bool>? written = null)
    {
        if (string.IsNullOrWhiteSpace(name))
            return;
        var tokens = NoteTokens.Read(name);
        var raw = tokens[0].Raw;
        var needsCase = tokens.Count == 1 && (CommonWords.Contains(tokens[0].Exact) || StopWords.Contains(tokens[0].Exact));
        Words.Add(tokens, tag, replace: true, caseSensitive: needsCase ? t => t.Raw == raw : written);
    }

    private static bool LowerCase(NoteToken token) => !token.Capitalised;

    private static bool Capitalised(NoteToken token) => token.Capitalised;

    private void AddVerb(string? form, char symbol)
    {
        if (string.IsNullOrWhiteSpace(form) || NotReportingVerbs.Contains(NoteTokens.Exact(form)))
            return;
        var tokens = NoteTokens.Read(form);
        // A word that is both a reporting verb and a speech noun ("call", "report") reads as either.
        var existing = Words.Find(tokens);
        if (existing is { Symbol: 'N' } && symbol == 'V')
            Words.Add(tokens, Tag.Of('v'), replace: true);
        else if (existing is { Symbol: 'R' or 'Q' or 'r' or 'q' } && symbol == 'V')
            Words.Add(tokens, existing with { AlsoVerb = true }, replace: true);
        else if (existing is null || existing.Symbol is 'x')
            Words.Add(tokens, Tag.Of(symbol), replace: false);
    }

    private static IEnumerable<string> FrenchParticiples(string participle)
    {
        var words = participle.Split(' ', 2);
        foreach (var ending in (string[])["", "e", "s", "es"])
        {
            var first = words[0].EndsWith('s') && ending is "s" or "es" ? words[0] + (ending == "es" ? "es" : "") : words[0] + ending;
            yield return words.Length == 2 ? $"{first} {words[1]}" : first;
        }
    }

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 12 && !name.Contains(' ') && name.Count(char.IsUpper) >= 2;

    private static char FrenchGender(string adjective) =>
        adjective.EndsWith('e') || adjective.EndsWith("es", StringComparison.Ordinal) ? 'f' : 'm';

    private static char HonorificGender(string word) =>
        FeminineHonorifics.Contains(NoteTokens.Exact(word).TrimEnd('.')) ? 'f' : 'm';

    private static readonly FrozenSet<string> FeminineHonorifics = new[]
    {
        "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "sheikha", "her excellency", "mme", "mmes", "mlle", "mlles",
        "mademoiselle", "mesdames", "professeure", "l'ambassadrice", "ambassadrice", "la ministre", "la présidente", "présidente",
        "la directrice", "directrice", "la commissaire", "la secrétaire générale", "secrétaire générale", "la maire", "la juge",
        "la cheffe", "la sénatrice", "l'envoyée spéciale", "la rapporteuse spéciale", "la représentante spéciale",
        "la secrétaire d'état", "la vice-ministre", "السيدة", "السيدات", "الانسة", "الدكتورة", "الاستاذة", "البروفيسورة",
        "صاحبة السمو", "الشيخة", "المهندسة", "القاضية", "المستشارة", "السفيرة", "الوزيرة", "المديرة", "المديرة العامة", "الرئيسة",
        "الامينة العامة", "المفوضة", "المبعوثة", "المقررة الخاصة", "كاتبة الدولة",
    }.Select(NoteTokens.Exact).ToFrozenSet(StringComparer.Ordinal);

    private static Category Parse(string? category) => category switch
    {
        "person" => Category.Person,
        "delegation" => Category.Delegation,
        "organisation" => Category.Organisation,
        _ => Category.None,
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private static T Read<T>(string file)
    {
        var assembly = typeof(AttributionLexicon).Assembly;
        var name = $"{typeof(AttributionLexicon).Namespace}.{file}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The attribution lexicon '{file}' is not embedded in {assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"The attribution lexicon '{file}' is empty.");
    }

    private sealed record WordsFile(
        List<string> Definite, List<string> Indefinite, List<string> Of, List<string> Prepositions, List<string> By, List<string> And,
        List<string> Auxiliaries, List<string> Be, List<string> Adverbs, List<string> Introducers, List<string> For, List<string> SpeechNouns,
        List<string> Honorifics, List<string> Titles, List<RoleEntry> Roles, Dictionary<string, Dictionary<string, string>> Neutral,
        List<string> StopWords, List<string>? FunctionWords = null, List<string>? OfContracted = null, List<string>? Des = null,
        List<string>? ToContracted = null, List<string>? StateWord = null, List<string>? PossessiveSpeechNouns = null,
        List<string>? NotReportingVerbs = null, List<string>? ReportingPhrases = null, List<string>? AgentPhrases = null,
        List<string>? RelativePronouns = null, List<string>? SourceNouns = null);

    private sealed record RoleEntry(string Word, string Strength, string Number, string Neutral, string Gender = "m");

    private sealed record CountryEntry(string Code, CountryEnglish En, CountryFrench Fr, CountryArabic Ar);

    private sealed record CountryEnglish(List<string> Names, List<string> Adjectives, List<string> People);

    private sealed record CountryFrench(List<FrenchName> Names, List<string> Adjectives, List<string> People);

    private sealed record CountryArabic(List<ArabicName> Names, List<string> Adjectives, List<string> People);

    private sealed record FrenchName(string Name, string Article = "", string Gender = "m", string Number = "s");

    private sealed record ArabicName(string Name, string Gender = "f");

    private sealed record OrganisationEntry(string Key, List<string> En, List<FrenchName> Fr, List<ArabicName> Ar);

    private sealed record EnglishVerb(string Base, string? Third, string? Past, string? Participle, string? Ing);

    private sealed record FrenchVerb(string Infinitive, List<string> Present, List<string> Imperfect, List<string> PastSimple, string Participle, bool Pronominal)
    {
        [JsonPropertyName("pastSimple")]
        public List<string> PastSimple { get; init; } = PastSimple;
    }

    private sealed record ArabicVerb(List<string> Past, List<string> Present, string? Masdar);
}
