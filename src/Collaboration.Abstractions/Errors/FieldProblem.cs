namespace Collaboration.Errors;

/// <summary>
/// One bad field of an input: which field, a stable reason key with its values (clients translate them) and
/// the message in English. A refusal of a form carries one per bad field, so the form shows them all at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.field-problem")]
public sealed record FieldProblem(
    [property: Id(0)] string Field,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string Message,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Values = null);
