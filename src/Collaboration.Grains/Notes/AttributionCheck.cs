using System.Text;
using System.Text.RegularExpressions;
using Collaboration.Notes.Attribution;

namespace Collaboration.Notes;

/// <summary>
/// Looks for attribution in a note before it leaves the writer: a statement tied to a person (a name of the
/// dialogue's directory, an honorific or title before a name), to a state (its name, adjective or people: "the
/// Egyptian delegation proposed", "la délégation marocaine a souligné", "الوفد المغربي") or to an organisation
/// (UNHCR, l'OIM, المنظمة الدولية للهجرة), in English, French and Arabic. Each finding says what it reveals and
/// where it stands; the whole note comes back reworded neutrally ("A delegation proposed …").
/// </summary>
/// <remarks>
/// Words come from the lexicons (<see cref="AttributionLexicon"/>); this class reads a note as a string of word
/// classes (one symbol a word: S state, R speaker role, V reporting verb …) and matches a few patterns over it:
/// a speaker role bound to a party wherever it stands, a person's name wherever it stands, a party that speaks
/// (subject of a reporting verb), is introduced ("according to"), is the agent of a passive or owns a speech
/// noun ("Morocco's proposal"). A party named as the topic ("flows from Libya", "Tunisia's new strategy") is
/// not attribution. Cost is linear in the note's length.
/// </remarks>
public sealed class AttributionCheck
{
    /// <summary>The longest a note may take to check; a note that takes longer counts as unchecked.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    private readonly TokenTrie<Tag> _directory = new();

    public AttributionCheck(AttributionVocabulary vocabulary)
    {
        foreach (var state in vocabulary.States)
        {
            foreach (var name in state.Names)
                _directory.Add(NoteTokens.Read(name), new Tag('S', Category.Delegation), replace: false);
        }
        foreach (var organisation in vocabulary.Organisations)
        {
            foreach (var name in organisation.Names.Where(n => n.Trim().Length >= 2))
                _directory.Add(NoteTokens.Read(name), new Tag('O', Category.Organisation), replace: false);
        }
        var known = AttributionLexicon.KnownWords;
        foreach (var person in vocabulary.People)
        {
            var tokens = NoteTokens.Read(person).Where(t => t.IsWord).ToList();
            if (tokens.Count == 0)
                continue;
            var tag = new Tag('P', Category.Person);
            // A name made only of ordinary words ("Moroccan Delegate", a placeholder) is read as those words.
            if (tokens.Any(t => !known.Contains(t.Exact)))
            {
                var raw = tokens[0].Raw;
                _directory.Add(tokens, tag, replace: true, caseSensitive: tokens.Count == 1 && !tokens[0].Arabic ? t => t.Raw == raw : null);
            }
            // The surname alone ("Rossi stressed"), written as a name, unless it is also an ordinary word.
            var surname = tokens[^1];
            if (tokens.Count > 1 && surname.Exact.Length >= 3 && !known.Contains(surname.Exact) && !surname.Arabic)
                _directory.Add([surname], tag, replace: false, caseSensitive: t => t.Raw == surname.Raw);
        }
    }

    /// <summary>Every attribution in the text, and the text reworded without it (null when none is needed or none could be made).</summary>
    public AttributionCheckResult Check(string text, bool overrideAllowed)
    {
        try
        {
            var findings = Find(text);
            if (findings.Count == 0)
                return new AttributionCheckResult([], null, overrideAllowed);
            var rewording = Reword(text, findings);
            // A rewording is offered only when it is itself clean: the writer may take it as it is.
            for (var attempt = 0; attempt < 2 && rewording is not null; attempt++)
            {
                var left = Find(rewording);
                if (left.Count == 0)
                    break;
                rewording = attempt == 0 ? Reword(rewording, left) : null;
            }
            return new AttributionCheckResult([.. findings.Select(f => f.ToFinding(text))], rewording, overrideAllowed);
        }
        catch (RegexMatchTimeoutException)
        {
            return new AttributionCheckResult([new AttributionFinding(AttributionFindingKind.Unchecked, string.Empty, 0, 0)], null, overrideAllowed);
        }
    }

    /// <summary>The word classes a text reads as, one line per stretch of one language, for tuning the rules.</summary>
    internal IEnumerable<string> Explain(string text)
    {
        var tokens = NoteTokens.Read(text);
        foreach (var (language, from, to) in Segments(tokens))
        {
            var symbols = Tagging(AttributionLexicon.For(language), tokens, from, to);
            yield return $"{language}: " + string.Join(" ", symbols.Select(s => $"{s.Class}:{string.Join(' ', tokens[s.First..(s.Last + 1)].Select(t => t.Raw.Length > 0 ? t.Raw : t.Exact))}"));
        }
        foreach (var span in Find(text))
            yield return $"finding: «{text[span.Start..span.End]}»";
    }

    private List<Span> Find(string text)
    {
        var tokens = NoteTokens.Read(text);
        var spans = new List<Span>();
        foreach (var (language, from, to) in Segments(tokens))
        {
            var lexicon = AttributionLexicon.For(language);
            var symbols = Tagging(lexicon, tokens, from, to);
            var line = "." + new string([.. symbols.Select(s => s.Class)]);
            foreach (var rule in Rules.For(language))
            {
                foreach (Match match in rule.Matches(line))
                {
                    var np = match.Groups["np"];
                    if (!np.Success || np.Length == 0)
                        continue;
                    var covered = symbols.GetRange(np.Index - 1, np.Length);
                    var first = covered[0];
                    var last = covered[^1];
                    var start = tokens[first.First].Start + first.PrefixChars;
                    var end = tokens[last.Last].Start + tokens[last.Last].Length;
                    spans.Add(new Span(start, end, language, covered));
                }
            }
        }
        return Merge(spans);
    }

    /// <summary>Overlapping findings become one: a rewording replaces each stretch once.</summary>
    private static List<Span> Merge(List<Span> spans)
    {
        var merged = new List<Span>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var held = merged[^1];
                if (span.End > held.End)
                    merged[^1] = held with { End = span.End, Symbols = [.. held.Symbols, .. span.Symbols.Where(s => held.Symbols.All(h => h.First != s.First))] };
                continue;
            }
            merged.Add(span);
        }
        return merged;
    }

    /// <summary>Stretches of one language, sentence by sentence: Arabic by script, English or French by their common words.</summary>
    private static List<(string Language, int From, int To)> Segments(List<NoteToken> tokens)
    {
        var english = AttributionLexicon.For("en").StopWords;
        var french = AttributionLexicon.For("fr").StopWords;
        var segments = new List<(string Language, int From, int To)>();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].Punctuation != '.')
                continue;
            var words = tokens.GetRange(start, i - start).Where(t => t.IsWord).ToList();
            if (words.Count > 0)
            {
                var language = words.Count(t => t.Arabic) * 2 >= words.Count ? "ar"
                    : words.Count(t => french.Contains(t.Exact)) > words.Count(t => english.Contains(t.Exact)) ? "fr" : "en";
                if (segments.Count > 0 && segments[^1].Language == language)
                    segments[^1] = segments[^1] with { To = Math.Min(i + 1, tokens.Count) };
                else
                    segments.Add((language, segments.Count > 0 ? segments[^1].To : 0, Math.Min(i + 1, tokens.Count)));
            }
            start = i + 1;
        }
        return segments;
    }

    private List<Symbol> Tagging(AttributionLexicon lexicon, List<NoteToken> tokens, int from, int to)
    {
        var symbols = new List<Symbol>();
        var namesAfterHonorific = 0;
        for (var i = from; i < to;)
        {
            var token = tokens[i];
            if (!token.IsWord)
            {
                symbols.Add(new Symbol(token.Punctuation, i, i, 0, null));
                namesAfterHonorific = 0;
                i++;
                continue;
            }

            // "Mr de la Cruz": the particles of a name after an honorific belong to the name.
            if (namesAfterHonorific > 0 && !token.Arabic && NameParticles.Contains(token.Exact) && ParticlesThenName(tokens, i, to))
            {
                symbols.Add(new Symbol('C', i, i, 0, null));
                namesAfterHonorific--;
                i++;
                continue;
            }

            var (tag, length) = Longest(lexicon, tokens, i, to);
            var prefix = "";
            if (tag is null && token.Arabic)
            {
                foreach (var (clitic, rest) in Proclitics(token.Exact))
                {
                    var (found, covered) = Longest(lexicon, tokens, i, to, rest);
                    if (found is not null && covered > length)
                        (tag, length, prefix) = (found, covered, clitic);
                }
            }

            // A verb with its object pronoun attached ("طرحته", "أثارتها") is still the verb.
            if (tag is null && token.Arabic)
            {
                foreach (var enclitic in (string[])["هما", "هم", "هن", "ها", "ه"])
                {
                    if (token.Exact.Length > enclitic.Length + 2 && token.Exact.EndsWith(enclitic, StringComparison.Ordinal))
                    {
                        var (verb, covered) = Longest(lexicon, tokens, i, i + 1, token.Exact[..^enclitic.Length]);
                        if (verb is { Symbol: 'V' or 'v' })
                        {
                            (tag, length) = (verb, covered);
                            break;
                        }
                    }
                }
            }

            // After an auxiliary, a role noun that is also a participle is the verb: "a invité".
            if (tag is { AlsoVerb: true } && symbols.Count > 0 && symbols[^1].Class == 'X')
                tag = Tag.Of('V');

            // After an Arabic honorific, a nisba ("السيد روسي", "الدكتور المصري") is a name, not a state's adjective.
            if (tag is { Symbol: 'A' } && token.Arabic && namesAfterHonorific > 0)
                tag = null;
            // A verb written with its passive vowel ("اعتُبرت") has no speaker for a subject.
            if (tag is { Symbol: 'V' or 'v' } && token.Arabic && token.Raw.Take(4).Contains('\u064F'))
                tag = Tag.Of('x');

            if (tag is not null)
            {
                if (prefix.Length > 0)
                {
                    var entity = tag.Symbol is 'S' or 'O' or 'A' or 'M' or 'P' or 'R' or 'Q' or 'r' or 'q' or 'E' or 'e' or 'g';
                    if (entity && prefix.StartsWith('و'))
                        symbols.Add(new Symbol('&', i, i, 0, null, IsPrefix: true));
                    if (entity && prefix.Length > 0 && prefix[^1] is 'ل' or 'ب' or 'ك')
                        symbols.Add(new Symbol('L', i, i, 0, null, IsPrefix: true));
                }
                symbols.Add(new Symbol(tag.Symbol, i, i + length - 1, RawPrefixLength(token, prefix.Length), tag));
                namesAfterHonorific = tag.Symbol is 'H' or 'h' ? (token.Arabic ? 2 : 4) : 0;
                i += length;
                continue;
            }

            char symbol;
            if (namesAfterHonorific > 0 && IsNameAfterHonorific(lexicon, token, symbols))
            {
                symbol = 'C';
                namesAfterHonorific--;
            }
            else
            {
                namesAfterHonorific = 0;
                symbol = token switch
                {
                    { Arabic: false, Capitalised: true } when char.IsLetter(token.Raw[0]) => 'C',
                    { Arabic: false } when lexicon.Language == "en" && token.Exact.Length > 4 && token.Exact.EndsWith("ly", StringComparison.Ordinal) => 'Y',
                    _ => 'x',
                };
            }
            symbols.Add(new Symbol(symbol, i, i, 0, null));
            i++;
        }
        return symbols;
    }

    /// <summary>
    /// After an honorific, the words of an Arabic name (which nothing capitalises): the first unknown word,
    /// and a second one that reads as a surname (not a definite noun, unless a nisba "العلوي").
    /// </summary>
    private static bool IsNameAfterHonorific(AttributionLexicon lexicon, NoteToken token, List<Symbol> symbols)
    {
        if (!token.Arabic)
            return token.Capitalised || NameParticles.Contains(token.Exact);
        if (lexicon.FunctionWords.Contains(token.Exact) || lexicon.StopWords.Contains(token.Exact))
            return false;
        var second = symbols.Count > 0 && symbols[^1].Class == 'C';
        return !second || !token.Exact.StartsWith("ال", StringComparison.Ordinal) || token.Exact.EndsWith('ي');
    }

    private static bool ParticlesThenName(List<NoteToken> tokens, int index, int to)
    {
        for (var i = index; i < to && tokens[i].IsWord; i++)
        {
            if (!NameParticles.Contains(tokens[i].Exact))
                return tokens[i].Capitalised;
        }
        return false;
    }

    /// <summary>Particles inside a name after an honorific: "Mr de la Cruz", "M. van der Berg", "Dr El Amrani".</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "ten", "el", "al", "bin", "ben", "ibn", "abu", "bou", "ould", "mac", "d'",
    };

    private (Tag? Tag, int Length) Longest(AttributionLexicon lexicon, List<NoteToken> tokens, int index, int to, string? first = null)
    {
        var (word, wordLength) = lexicon.Words.Match(tokens, index, to, first);
        var (name, nameLength) = _directory.Match(tokens, index, to, first);
        if (name is not null && (nameLength > wordLength || (nameLength == wordLength && (name.Symbol == 'P' && nameLength > 1 || word is null))))
            return (name, nameLength);
        return (word, wordLength);
    }

    /// <summary>An Arabic word without its proclitics: و ف (and), ب ل ك (prepositions), لل for ل + ال.</summary>
    private static IEnumerable<(string Clitic, string Remainder)> Proclitics(string word)
    {
        var bases = new List<(string, string)> { ("", word) };
        if (word.Length > 3 && word[0] is 'و' or 'ف')
            bases.Add((word[..1], word[1..]));
        foreach (var (clitic, rest) in bases)
        {
            if (clitic.Length > 0)
                yield return (clitic, rest);
            if (rest.Length > 3 && rest.StartsWith("لل", StringComparison.Ordinal))
                yield return (clitic + "ل", "ا" + rest[1..]);
            if (rest.Length > 3 && rest[0] is 'ب' or 'ل' or 'ك')
                yield return (clitic + rest[0], rest[1..]);
        }
    }

    /// <summary>How many characters of the word as written its proclitic takes (diacritics may sit between them).</summary>
    private static int RawPrefixLength(NoteToken token, int letters)
    {
        var i = 0;
        for (var taken = 0; taken < letters && i < token.Raw.Length; i++)
        {
            if (!NoteTokens.IsIgnorable(token.Raw[i]))
                taken++;
        }
        while (i < token.Raw.Length && NoteTokens.IsIgnorable(token.Raw[i]))
            i++;
        return i;
    }

    private static string Reword(string text, List<Span> spans)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            result.Append(text, at, span.Start - at);
            var phrase = Neutral(span);
            var sentenceStart = AtSentenceStart(text, span.Start);
            if (span.Language == "fr")
                phrase = Elide(result, phrase);
            if (sentenceStart && phrase.Length > 0 && char.IsLower(phrase[0]))
                phrase = char.ToUpperInvariant(phrase[0]) + phrase[1..];
            result.Append(phrase);
            at = span.End;
        }
        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    /// <summary>The neutral words for a stretch, in its language, gender and number.</summary>
    private static string Neutral(Span span)
    {
        var lexicon = AttributionLexicon.For(span.Language);
        var symbols = span.Symbols.Where(s => !s.IsPrefix).ToList();
        Category category;
        char gender, number;
        var role = symbols.FirstOrDefault(s => s.Class is 'R' or 'Q' or 'r' or 'q' or 'E' or 'e');
        var parties = symbols.Where(s => s.Class is 'S' or 'O' or 'A').ToList();
        var people = symbols.Where(s => s.Class is 'P' or 'H' or 'h').ToList();
        var joined = symbols.Count(s => s.Class == '&') > 0 ? 'p' : 's';
        if (role?.Tag is { } r)
        {
            category = r.Neutral == Category.Delegation && parties.Count > 0 && parties.All(p => p.Class == 'O') ? Category.Organisation : r.Neutral;
            (gender, number) = (r.Gender, r.Number == 'p' ? 'p' : joined);
        }
        else if (people.Count > 0)
            (category, gender, number) = (Category.Person, people[0].Tag!.Gender, joined);
        else if (symbols.FirstOrDefault(s => s.Class == 'M')?.Tag is { } m)
            (category, gender, number) = (Category.Person, m.Gender, 'p');
        else if (parties.Count > 0)
        {
            category = parties.Any(p => p.Class is 'S' or 'A') ? Category.Delegation : Category.Organisation;
            gender = parties[0].Tag!.Gender;
            number = parties.Count > 1 || joined == 'p' ? 'p' : 's';
        }
        else
            (category, gender, number) = (Category.Person, 'm', 's');
        if (category == Category.None)
            category = Category.Person;

        var forms = lexicon.Neutral[category];
        var key = span.Language switch
        {
            "fr" => $"{(gender == 'f' ? 'f' : 'm')}{number}",
            "ar" => number == 'p' ? "p" : gender == 'm' ? "m" : gender == 'f' ? "f" : parties.Count > 0 ? "f" : "m",
            _ => number.ToString(),
        };
        var phrase = forms[key];
        // A French stretch that began with a contraction keeps its preposition: "du Maroc" → "d'un participant".
        if (span.Language == "fr" && symbols.Count > 0)
        {
            phrase = symbols[0].Class switch
            {
                'f' or 'F' => "de " + phrase,
                'l' => "à " + phrase,
                _ => phrase,
            };
        }
        return phrase;
    }

    /// <summary>French elision at the seam: "de un" → "d'un", "de des" → "des", "que un" → "qu'un".</summary>
    private static string Elide(StringBuilder before, string phrase)
    {
        phrase = Regex.Replace(phrase, @"^de (une?)\b", "d'$1");
        phrase = Regex.Replace(phrase, @"^de (des)\b", "$1");
        var tail = before.ToString();
        var previous = Regex.Match(tail, @"(\b(?:de|que|De|Que)\s+)$");
        if (previous.Success && Regex.IsMatch(phrase, @"^(?:une?|des)\b"))
        {
            before.Length -= previous.Length;
            var word = previous.Groups[1].Value.Trim();
            return phrase.StartsWith("des", StringComparison.Ordinal) && word is "de" or "De"
                ? (word == "De" ? "Des" + phrase[3..] : phrase)
                : word[..^1] + "'" + phrase;
        }
        return phrase;
    }

    private static bool AtSentenceStart(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '“' or '«' or '(' or '\'' or '‘')
                continue;
            return c is '.' or '!' or '?' or ':' or ';' or '\n';
        }
        return true;
    }

    /// <summary>A word class over one or more tokens; an Arabic proclitic may stand before it as a symbol of its own.</summary>
    private sealed record Symbol(char Class, int First, int Last, int PrefixChars, Tag? Tag, bool IsPrefix = false);

    private sealed record Span(int Start, int End, string Language, List<Symbol> Symbols)
    {
        public AttributionFinding ToFinding(string text)
        {
            var kind = Symbols.Any(s => s.Class is 'P' or 'H' or 'h' or 'C')
                ? AttributionFindingKind.Person
                : Symbols.Any(s => s.Class is 'S' or 'A' or 'M' or 'g')
                    ? AttributionFindingKind.Delegation
                    : Symbols.Any(s => s.Class == 'O')
                        ? AttributionFindingKind.Organisation
                        : AttributionFindingKind.Person;
            return new AttributionFinding(kind, text[Start..End], Start, End - Start);
        }
    }

    /// <summary>The patterns, per language, over the string of word classes (which begins with '.').</summary>
    private static class Rules
    {
        private static readonly Dictionary<string, Regex[]> ByLanguage = new()
        {
            ["en"] = Build(English()),
            ["fr"] = Build(French()),
            ["ar"] = Build(Arabic()),
        };

        public static Regex[] For(string language) => ByLanguage[language];

        private static Regex[] Build(IEnumerable<string> patterns) =>
            [.. patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Budget))];

        private static IEnumerable<string> English()
        {
            const string Party = "D?[SO]";
            var parties = $"{Party}(?:,{Party})*(?:,?&{Party})?";
            const string Adjectives = "A(?:,?&A)*";
            const string Person = "(?:D?[Hh]+[CP]+|P+)(?:FD?[SO])?";
            // A role bound to a party: "the Moroccan delegation", "the IOM Regional Director", "the delegate of
            // Egypt", "Morocco's representative", "ICMPD's project manager", "an official of the Libyan Ministry".
            string Bound(string role) =>
                $"(?:[DK]?(?:{Adjectives}|O|S)[xC]{{0,2}}{role}|[DK]?{role}F(?:{parties})|{Party}p[xC]{{0,2}}{role}|[DK]?{role}FD?{Adjectives}[xC]{{0,2}}[rq](?:FD?[xC]{{1,2}})?)";
            var strong = Bound("[RQh]");
            var any = $"(?:{Bound("[RQhrq]")}|[DK]?M|{Person}|{parties})";
            var speakers = $"{any}(?:,{any})*(?:,?&{any})?";
            const string Parenthesis = "(?:,[^,.]{1,25},)?";
            const string Speech = $"{Parenthesis}w?(?:[XY]*[VvG]|[XY]*B[XYB]*G)";
            // What an introducer names is a speaker, unless it is a publication's ("according to IOM figures").
            const string NoSource = "(?!p?[xYC]{0,3}k)";
            yield return $"(?<np>{strong})";
            yield return $"(?<np>{Person})";
            yield return $"(?<![FLUbfl])(?<np>{speakers}){Speech}";
            yield return $"I(?<np>{speakers}){NoSource}";
            yield return $"B[XY]*[Vv][xYC]?b(?<np>{speakers}){NoSource}";
            yield return $"[Nv][xYC]?b(?<np>{speakers})";
            yield return $"z(?<np>{speakers})";
            yield return $"(?<np>{any})p[xYC]{{0,2}}[NvW]";
            yield return $"[Nv]F(?<np>{speakers})";
            yield return $"[,\"][XY]*[Vv](?<np>{any})";
            yield return $"\\.U(?<np>{speakers}),";
            yield return $"\\.[Vv]b(?<np>{speakers})";
        }

        private static IEnumerable<string> French()
        {
            const string Party = "D?[SO]";
            var parties = $"{Party}(?:,[fFJ]?{Party})*(?:,?&[fFJ]?{Party})?";
            const string Adjectives = "A(?:,?&A)*";
            const string Person = "(?:D?[Hh]+[CP]+|P+)(?:[fFJ]D?[SO])?";
            // "la délégation marocaine", "le représentant du Maroc", "la représentante de l'OIM", "le représentant
            // spécial de l'UE", "un responsable du ministère libyen", "l'officier des garde-côtes italiens".
            string Bound(string role) =>
                $"(?:[DKJfl]?{role}x{{0,2}}(?:{Adjectives}|[fFJ](?:{parties})|[fFJ]D?[rqx]{{1,2}}x?{Adjectives}(?:[fFJ]D?[xC]{{1,2}})?|O))";
            var strong = Bound("[RQh]");
            var any = $"(?:{Bound("[RQhrq]")}|[DKJ]?M|{Person}|{parties})";
            var speakers = $"{any}(?:,[fFJ]?{any})*(?:,?&[fFJ]?{any})?";
            const string Speech = "(?:,[^,.]{1,25},)?w?(?:[XY]|D(?=[XY]*[Vv]))*[Vv]";
            const string NoSource = "(?!x{0,2}k)";
            yield return $"(?<np>{strong})";
            yield return $"(?<np>{Person})";
            yield return $"(?<![FfJlLUb])(?<np>{speakers}){Speech}";
            yield return $"I(?<np>[fFJ]?{speakers}){NoSource}";
            yield return $"B[XY]*[Vv][xYC]?b(?<np>{speakers})";
            yield return $"[Nv][xYC]?b(?<np>{speakers})";
            yield return $"z(?<np>{speakers})";
            yield return $"[Nv]x?(?<np>[fFJ]{speakers})";
            yield return $"[,\"][XY]*[Vv](?<np>{any})";
            yield return $"\\.U(?<np>{speakers}),";
            yield return $"\\.[Vv]b(?<np>{speakers})";
        }

        private static IEnumerable<string> Arabic()
        {
            const string Party = "g?[SO]";
            var parties = $"{Party}(?:&{Party})*";
            const string Adjectives = "A(?:&A)*";
            const string Person = "(?:[Hh]+[CP]+|P+)";
            // A role without the article binds a party as a construct ("مندوب المغرب"); with it, by an adjective
            // ("الوفد المغربي"); either, by a preposition ("ممثل عن المفوضية"، "ضباط الاتصال التابعون لفرونتكس") or
            // through an institution ("مسؤول في وزارة الداخلية الليبية").
            string Bound(string indefinite, string definite) =>
                $"(?:K?(?:{indefinite}g?(?:{parties}|{Adjectives})|{indefinite}x{{1,2}}{Adjectives}|{definite}{Adjectives}|{indefinite}x{{0,2}}[FL]L?(?:{parties})|{definite}(?:x{{0,2}}F|L)L?(?:{parties})|(?:{indefinite}|{definite})[FL]?[rqEe]x{{0,2}}{Adjectives}))";
            var strong = Bound("[RQ]", "[Eh]");
            var any = $"(?:{Bound("[RQrq]", "[Eeh]")}|K?M|{Person}|K?{parties})";
            var speakers = $"{any}(?:&{any})*";
            yield return $"(?<np>{strong})";
            yield return $"(?<np>{Person})";
            yield return $"[Vv]Y*(?<np>{speakers})";
            yield return $"(?<![FLb])(?<np>{speakers})(?:,[^,.]{{1,12}},)?w?Y*X?[Vv]";
            yield return $"IL?(?<np>{speakers})";
            yield return $"[Nv](?<np>{speakers})";
            yield return $"[Nv][xV]{{0,3}}F(?<np>{speakers})";
            yield return $"zL?(?<np>{speakers})";
            yield return $"[VvN][^.,]{{0,3}}bL?(?<np>{speakers})";
            // A passive with "تم" names its agent after "من قبل", however long the action between.
            yield return $"B[^.]{{0,12}}bL?(?<np>{speakers})";
            yield return $"\\.UL?(?<np>{speakers}),";
        }
    }
}
