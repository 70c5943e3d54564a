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
public abstract class ChangesInputGraphType<T> : InputObjectGraphType<T>
{
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var parsed = base.ParseDictionary(value);
        if (parsed is ChangesInput changes)
            changes.Given = [.. value.Keys];
        return parsed;
    }
}

/// <summary>
/// The changes input of a complete input type, its fields written once: the complete type's fields in its order,
/// each optional and without its default (a key that says what to change stays required), described as the
/// complete type describes them unless the change needs saying otherwise (what null clears, what a list replaces).
/// </summary>
public abstract class ChangesInputGraphType<T, TComplete> : ChangesInputGraphType<T>
    where TComplete : InputObjectGraphType<T>, new()
{
    protected ChangesInputGraphType(string name, string description, IReadOnlyDictionary<string, string>? describedForChanges = null, string? key = null)
    {
        Name = name;
        Description = description;
        var complete = new TComplete();
        foreach (var field in complete.Fields)
        {
            AddField(new FieldType
            {
                Name = field.Name,
                Type = field.Name == key ? field.Type : Optional(field.Type!),
                Description = describedForChanges?.GetValueOrDefault(field.Name) ?? field.Description,
            });
        }

        var unknown = (describedForChanges?.Keys ?? []).Append(key).OfType<string>().Where(f => !complete.HasField(f)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"{name} describes fields {complete.Name} does not have: {string.Join(", ", unknown)}.");
    }

    private static Type Optional(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) ? type.GetGenericArguments()[0] : type;
}
