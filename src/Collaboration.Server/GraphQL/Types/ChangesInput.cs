using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

/// <summary>
/// An input whose fields a caller may leave out to keep them as they are: it remembers which fields were sent.
/// GraphQL keeps "left out" and "sent as null" apart (a left-out field is not in the input's map at all), so a
/// field sent as null can clear a value while a left-out one keeps it.
/// </summary>
public abstract class ChangesInput
{
    /// <summary>The fields the caller sent, as the API spells them.</summary>
    public IReadOnlyList<string> Given { get; set; } = [];
}

/// <summary>An input type of changes: no defaults, every field optional, and the model learns which fields were sent.</summary>
public abstract class ChangesInputGraphType<T> : InputObjectGraphType<T> where T : ChangesInput
{
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var parsed = (T)base.ParseDictionary(value);
        parsed.Given = [.. value.Keys];
        return parsed;
    }
}
