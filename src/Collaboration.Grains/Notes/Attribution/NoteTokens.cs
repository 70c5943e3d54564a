using System.Globalization;
using System.Text;

namespace Collaboration.Notes.Attribution;

/// <summary>A word or punctuation mark of a note, where it stands in the text, and its forms for look-up.</summary>
/// <param name="Start">Index of its first character in the note.</param>
/// <param name="Length">Characters it covers in the note.</param>
/// <param name="Exact">Lower case, typographic apostrophes straightened, Arabic without diacritics and with one alef.</param>
/// <param name="Folded">As <paramref name="Exact"/>, without Latin accents (a writer who types "Egypte" means "Égypte").</param>
/// <param name="Capitalised">Begins with an upper-case letter (a name, or the first word of a sentence).</param>
/// <param name="Arabic">Written in Arabic script.</param>
/// <param name="Punctuation">The symbol a punctuation mark reads as, or '\0' for a word.</param>
internal sealed record NoteToken(int Start, int Length, string Exact, string Folded, bool Capitalised, bool Arabic, char Punctuation)
{
    public bool IsWord => Punctuation == '\0';

    public bool IsUpperCase { get; init; }

    /// <summary>The word as written.</summary>
    public string Raw { get; init; } = "";
}

/// <summary>
/// Cuts a note into words and punctuation the way the guard's lexicons are cut, so a lexicon entry of
/// several words ("according to", "Côte d'Ivoire", "H.E.", "المملكة المتحدة") matches the same tokens in a
/// note. French elisions ("l'", "d'", "s'") and the English possessive ("'s") are tokens of their own.
/// </summary>
internal static class NoteTokens
{
    /// <summary>Words whose following dot marks an abbreviation, not the end of a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "prof", "pr", "st", "mm", "mme", "mlle", "sr", "jr", "hon", "rt", "messrs", "no", "vs", "cf", "e.g", "i.e", "etc", "approx", "dept", "gen", "col", "capt", "amb",
    };

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal)
    {
        "l", "d", "qu", "s", "n", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu",
    };

    public static List<NoteToken> Read(string text)
    {
        var tokens = new List<NoteToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || IsIgnorable(c))
            {
                i++;
                continue;
            }
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (IsWordChar(d) || IsIgnorable(d))
                    {
                        i++;
                        continue;
                    }
                    var inside = i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start;
                    if (d is '-' or '‑' && inside)
                    {
                        i++;
                        continue;
                    }
                    // A French elision ends with its apostrophe, whatever follows: "l'OIM", "l' OIM", the lexicon's "l'".
                    if (IsApostrophe(d) && i > start && Elisions.Contains(Exact(text[start..i])))
                    {
                        i++;
                        break;
                    }
                    if (IsApostrophe(d) && inside)
                    {
                        if (text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))
                            break; // "Morocco's": the possessive is a token of its own
                        i++;
                        continue;
                    }
                    break;
                }
                tokens.Add(Word(text, start, i - start));
                continue;
            }
            if (IsApostrophe(c))
            {
                // "'s" after a word, or a closing apostrophe ("delegates'"): a possessive.
                if (i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !IsWordChar(text[i + 2])))
                {
                    tokens.Add(new NoteToken(i, 2, "'s", "'s", false, false, 'p'));
                    i += 2;
                    continue;
                }
                var afterWord = tokens.Count > 0 && tokens[^1].IsWord && tokens[^1].Start + tokens[^1].Length == i;
                tokens.Add(new NoteToken(i, 1, "'", "'", false, false, afterWord ? 'p' : '"'));
                i++;
                continue;
            }
            // The dot of "Mr.", "M.", "H.E." or an initial does not end the sentence.
            var abbreviation = c == '.' && tokens.Count > 0 && tokens[^1] is { IsWord: true } word && word.Start + word.Length == i
                && (Abbreviations.Contains(word.Exact) || (word.Raw.Length == 1 && char.IsUpper(word.Raw[0])));
            tokens.Add(new NoteToken(i, 1, c.ToString(), c.ToString(), false, false, abbreviation ? 'a' : PunctuationSymbol(c)));
            i++;
        }
        return tokens;
    }

    /// <summary>The look-up form of a lexicon entry or a word: lower case, one apostrophe, Arabic without diacritics.</summary>
    public static string Exact(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (IsIgnorable(c))
                continue;
            builder.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                _ when IsApostrophe(c) => '\'',
                '‑' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }

    /// <summary><see cref="Exact"/> without Latin accents.</summary>
    public static string Fold(string exact)
    {
        if (exact.All(c => c < 128 || IsArabic(c)))
            return exact;
        var decomposed = exact.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark || IsArabic(c))
                builder.Append(c switch { 'œ' => "oe", 'æ' => "ae", _ => c.ToString() });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Arabic diacritics and the tatweel: written or not, the word is the same.</summary>
    public static bool IsIgnorable(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or '\u200C' or '\u200D' or '\u200E' or '\u200F';

    private static NoteToken Word(string text, int start, int length)
    {
        var raw = text.Substring(start, length);
        var exact = Exact(raw);
        var firstLetter = raw.FirstOrDefault(char.IsLetter);
        var letters = raw.Where(char.IsLetter).ToList();
        return new NoteToken(start, length, exact, Fold(exact), char.IsUpper(firstLetter), raw.Any(IsArabic), '\0')
        {
            IsUpperCase = letters.Count > 0 && letters.All(char.IsUpper),
            Raw = raw,
        };
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘' or '`' or '´';

    /// <summary>
    /// What a punctuation mark means to the rules: ',' a pause (commas, brackets, dashes), '.' the end of a
    /// sentence or clause, '"' a quotation mark, 'o' anything else ('a', the dot of an abbreviation, is decided by the reader).
    /// </summary>
    private static char PunctuationSymbol(char c) => c switch
    {
        ',' or '،' or '(' or ')' or '[' or ']' or '—' or '–' or '-' => ',',
        '.' or '!' or '?' or ';' or ':' or '؛' or '؟' or '…' or '\n' => '.',
        '"' or '“' or '”' or '«' or '»' or '„' or '‹' or '›' => '"',
        _ => 'o',
    };
}
