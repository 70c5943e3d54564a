using System.Globalization;
using System.Text;

namespace Collaboration.Exchanges;

/// <summary>
/// How a request's own needs are compared with a host's offers: by the words they share, compared without case
/// or accents, leaving out short and common words that say nothing about the expertise asked.
/// </summary>
public static class ExchangeMatching
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "about", "after", "also", "and", "are", "at", "avec", "aux", "before", "but", "by", "dans", "des", "for", "from", "have", "how",
        "into", "its", "les", "leur", "leurs", "more", "our", "par", "pour", "que", "qui", "see", "sur", "that", "the", "their", "them",
        "then", "this", "those", "through", "une", "was", "were", "what", "when", "which", "who", "will", "with", "work", "would",
    };

    /// <summary>The words of a text that can carry a need or an offer (four letters or more, not common ones).</summary>
    public static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
                word.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length >= 4 && !Common.Contains(word.ToString()))
                words.Add(word.ToString());
            word.Clear();
        }
    }
}
