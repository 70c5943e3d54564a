namespace Collaboration.Notes.Attribution;

/// <summary>
/// Entries of one or more words, found in a note by their longest match at a position: first by the words
/// as written (accents kept, so French "à" is not "a"), then accent-folded.
/// </summary>
internal sealed class TokenTrie<T>
    where T : class
{
    private readonly Node _exact = new();
    private readonly Node _folded = new();

    public int Count { get; private set; }

    /// <summary>
    /// Adds an entry. With <paramref name="replace"/> false an existing entry stays. A case-sensitive entry
    /// matches only a first word written so (a one-word name that is also an ordinary word, "US", "Chad"; a
    /// French adjective, "suisse", beside the name "Suisse"); it is tried before the entry without a case.
    /// </summary>
    public void Add(IReadOnlyList<NoteToken> tokens, T value, bool replace, Func<NoteToken, bool>? caseSensitive = null)
    {
        if (tokens.Count == 0)
            return;
        Count++;
        Insert(_exact, tokens.Select(t => t.Exact), value, replace, caseSensitive);
        Insert(_folded, tokens.Select(t => t.Folded), value, replace, caseSensitive);
    }

    /// <summary>The entry without a case condition for these words, if any.</summary>
    public T? Find(IReadOnlyList<NoteToken> tokens)
    {
        var node = _exact;
        foreach (var token in tokens)
        {
            if (!node.Next.TryGetValue(token.Exact, out node!))
                return null;
        }
        return node.Value;
    }

    /// <summary>The one-word entries, in look-up form.</summary>
    public IEnumerable<string> SingleWords() => _exact.Next.Where(n => n.Value.Value is not null || n.Value.Cased.Count > 0).Select(n => n.Key);

    /// <summary>
    /// The longest entry starting at <paramref name="index"/> and ending before <paramref name="limit"/>, its value
    /// and how many tokens it covers. The first token may be looked up in another form (an Arabic word without
    /// its proclitic).
    /// </summary>
    public (T? Value, int Length) Match(IReadOnlyList<NoteToken> tokens, int index, int limit, string? first = null)
    {
        var exact = Walk(_exact, tokens, index, limit, first ?? tokens[index].Exact, t => t.Exact, first is null);
        if (exact.Value is not null)
            return exact;
        return Walk(_folded, tokens, index, limit, first is null ? tokens[index].Folded : NoteTokens.Fold(first), t => t.Folded, first is null);
    }

    private static (T? Value, int Length) Walk(Node root, IReadOnlyList<NoteToken> tokens, int index, int limit, string first, Func<NoteToken, string> key, bool asWritten)
    {
        (T? Value, int Length) best = (null, 0);
        var node = root;
        for (var i = index; i < limit; i++)
        {
            if (!node.Next.TryGetValue(i == index ? first : key(tokens[i]), out node!))
                break;
            var cased = asWritten ? node.Cased.Find(c => c.Matches(tokens[index])).Value : null;
            if ((cased ?? node.Value) is { } value)
                best = (value, i - index + 1);
        }
        return best;
    }

    private static void Insert(Node root, IEnumerable<string> keys, T value, bool replace, Func<NoteToken, bool>? caseSensitive)
    {
        var node = root;
        foreach (var key in keys)
        {
            if (!node.Next.TryGetValue(key, out var next))
                node.Next[key] = next = new Node();
            node = next;
        }
        if (caseSensitive is not null)
        {
            if (replace || node.Cased.Count == 0)
                node.Cased.Insert(0, (caseSensitive, value));
        }
        else if (node.Value is null || replace)
            node.Value = value;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);

        /// <summary>The entry for these words however they are written.</summary>
        public T? Value { get; set; }

        /// <summary>Entries for these words written a certain way (their first word's case), tried first.</summary>
        public List<(Func<NoteToken, bool> Matches, T Value)> Cased { get; } = [];
    }
}
