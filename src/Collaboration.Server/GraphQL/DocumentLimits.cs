using System.Globalization;
using Collaboration.Server.Extensions;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Collaboration.Server.GraphQL;

/// <summary>
/// Refuses a document that is too big, too deep or too costly before GraphQL.NET validates it, in time that
/// grows with the document's length and not with what it would expand to.
/// <para>
/// GraphQL.NET's own complexity analyzer expands every fragment spread where it stands, so fragments that
/// spread the next one twice (<c>fragment F0 on Query { ...F1 ...F1 }</c>, 30 levels in under 1 KB) kept two
/// cores busy for minutes before it could compare with its limit, and the validator's check that repeated
/// fields can merge grows with the square of their number (11,500 × <c>__typename</c> took 3.5 s). Here the
/// selections are counted as written, then each fragment is measured once (memoised) and its depth and cost
/// are added where it is spread, so nothing is ever expanded.
/// </para>
/// <para>
/// Introspection (<c>__schema</c>, <c>__type</c> and everything under them) is measured apart, against its
/// own ceilings: the query every standard client sends (graphql-js's <c>getIntrospectionQuery()</c>) is 15
/// levels deep through <c>ofType</c>, which no query of the API itself needs.
/// </para>
/// </summary>
public sealed class DocumentLimits(IDocumentBuilder documentBuilder, IOptions<GraphQLLimits> options) : IConfigureExecution
{
    /// <summary>Each list multiplies what is selected under it by this, as the average number of items a list holds.</summary>
    public const int ListMultiplier = 10;

    public const string DepthReason = "DEPTH";
    public const string ComplexityReason = "COMPLEXITY";
    public const string SelectionsReason = "TOO_MANY_SELECTIONS";

    private readonly GraphQLLimits _limits = options.Value;

    /// <summary>Inside <see cref="DocumentCache"/> (200): a cached document was within the limits when it was cached.</summary>
    public float SortOrder => 300;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null || options.Schema is null)
            return next(options);

        GraphQLDocument document;
        try
        {
            // A syntax error throws an ExecutionError, which the executer answers as it always did.
            document = documentBuilder.Build(options.Query);
        }
        catch (GraphQLMaxDepthExceededException nested)
        {
            // The parser's own nesting limit: the request's fault, not a failure of the server.
            return Task.FromResult(new ExecutionResult(new DocumentTooDeepError(nested)));
        }

        if (Refusal(document, options.OperationName, options.Schema) is { } refusal)
            return Task.FromResult(new ExecutionResult(refusal));
        options.Document = document;
        return next(options);
    }

    private ValidationError? Refusal(GraphQLDocument document, string? operationName, ISchema schema)
    {
        var selections = CountSelections(document);
        if (selections > _limits.MaxSelections)
        {
            return Error(document, SelectionsReason,
                $"The document has {selections:N0} selections (fields and fragments); at most {_limits.MaxSelections:N0} are allowed.", null);
        }

        // Which operation runs, and whether there is exactly one, is the executer's to say.
        var operation = FindOperation(document, operationName);
        if (operation is null)
            return null;

        if (!schema.Initialized)
            schema.Initialize();
        var measure = new Measurer(document, schema).Operation(operation);
        if (measure.Depth > _limits.MaxDepth)
            return Error(document, DepthReason, $"The operation is nested {measure.Depth} levels deep; at most {_limits.MaxDepth} are allowed.", operation);
        if (measure.IntrospectionDepth > _limits.MaxIntrospectionDepth)
        {
            return Error(document, DepthReason,
                $"The introspection in the operation is nested {measure.IntrospectionDepth} levels deep; at most {_limits.MaxIntrospectionDepth} are allowed.", operation);
        }
        if (measure.Cost > _limits.MaxComplexity)
        {
            return Error(document, ComplexityReason,
                $"The operation's complexity is {Format(measure.Cost)} (each field counts 1, under a list {ListMultiplier} times); at most {_limits.MaxComplexity:N0} is allowed.", operation);
        }
        if (measure.IntrospectionCost > _limits.MaxIntrospectionComplexity)
        {
            return Error(document, ComplexityReason,
                $"The introspection's complexity is {Format(measure.IntrospectionCost)}; at most {_limits.MaxIntrospectionComplexity:N0} is allowed.", operation);
        }
        return null;
    }

    /// <summary>Every field, fragment spread and inline fragment written in the document, each once.</summary>
    private static int CountSelections(GraphQLDocument document)
    {
        var count = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            if (definition is IHasSelectionSetNode { SelectionSet: { } set })
                pending.Push(set);
        }
        while (pending.TryPop(out var set))
        {
            count += set.Selections.Count;
            foreach (var selection in set.Selections)
            {
                if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                    pending.Push(inner);
            }
        }
        return count;
    }

    private static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
                continue;
            if (string.IsNullOrEmpty(operationName))
            {
                if (found is not null)
                    return null;
                found = operation;
            }
            else if (operation.Name == operationName)
            {
                return operation;
            }
        }
        return found;
    }

    private static string Format(double cost) =>
        cost < 1e9 ? cost.ToString("N0", CultureInfo.InvariantCulture) : "over " + 1e9.ToString("N0", CultureInfo.InvariantCulture);

    private static ValidationError Error(GraphQLDocument document, string reason, string message, ASTNode? node) =>
        node is null
            ? new ValidationError(document.Source, null, message) { Code = reason }
            : new ValidationError(document.Source, null, message, node) { Code = reason };

    /// <summary>Depth and cost of the API's own fields, and apart from them of introspection.</summary>
    private readonly record struct Measure(int Depth, double Cost, int IntrospectionDepth, double IntrospectionCost)
    {
        public static Measure operator +(Measure a, Measure b) =>
            new(Math.Max(a.Depth, b.Depth), a.Cost + b.Cost, Math.Max(a.IntrospectionDepth, b.IntrospectionDepth), a.IntrospectionCost + b.IntrospectionCost);
    }

    /// <summary>
    /// Measures one document against the schema. Fields are looked up only to know which are lists and what
    /// type a selection is on; a field the schema does not have counts as a single object (the validator
    /// refuses it after). Costs are doubles: an exponential document reaches infinity, never a wrong sign.
    /// </summary>
    private sealed class Measurer(GraphQLDocument document, ISchema schema)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private readonly Dictionary<string, Measure> _measured = new(StringComparer.Ordinal);

        private readonly HashSet<string> _measuring = new(StringComparer.Ordinal);

        public Measure Operation(GraphQLOperationDefinition operation)
        {
            IGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => schema.Subscription,
            };
            return SelectionSet(operation.SelectionSet, root, root == schema.Query);
        }

        private Measure SelectionSet(GraphQLSelectionSet set, IGraphType? parent, bool isQueryRoot)
        {
            var total = default(Measure);
            foreach (var selection in set.Selections)
            {
                total += selection switch
                {
                    GraphQLField field => Field(field, parent, isQueryRoot),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    GraphQLInlineFragment inline => SelectionSet(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? parent, isQueryRoot),
                    _ => default,
                };
            }
            return total;
        }

        private Measure Field(GraphQLField field, IGraphType? parent, bool isQueryRoot)
        {
            var name = field.Name.StringValue;
            var definition = name switch
            {
                "__typename" => schema.TypeNameMetaFieldType,
                "__schema" when isQueryRoot => schema.SchemaMetaFieldType,
                "__type" when isQueryRoot => schema.TypeMetaFieldType,
                _ => (parent as IComplexGraphType)?.GetField(name),
            };
            var (type, lists) = Unwrap(definition?.ResolvedType);
            var below = field.SelectionSet is { } set ? SelectionSet(set, type, false) : default;
            var multiplier = Math.Pow(ListMultiplier, lists);

            // Introspection fields (and anything nested in them) count against introspection's ceilings only.
            var introspection = name is "__schema" or "__type" || parent?.Name.StartsWith("__", StringComparison.Ordinal) == true;
            if (introspection)
            {
                return new Measure(0, 0,
                    1 + Math.Max(below.Depth, below.IntrospectionDepth), 1 + multiplier * (below.Cost + below.IntrospectionCost));
            }
            return new Measure(1 + below.Depth, 1 + multiplier * below.Cost,
                below.IntrospectionDepth == 0 ? 0 : 1 + below.IntrospectionDepth, multiplier * below.IntrospectionCost);
        }

        /// <summary>A fragment's measure, computed the first time it is spread; a fragment that spreads itself counts nothing more (the validator refuses the cycle).</summary>
        private Measure Fragment(string name)
        {
            if (_measured.TryGetValue(name, out var known))
                return known;
            if (!_fragments.TryGetValue(name, out var fragment) || !_measuring.Add(name))
                return default;
            var measure = SelectionSet(fragment.SelectionSet, TypeNamed(fragment.TypeCondition), TypeNamed(fragment.TypeCondition) == schema.Query);
            _measuring.Remove(name);
            _measured[name] = measure;
            return measure;
        }

        private IGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
            condition is null ? null : schema.AllTypes[condition.Type.Name.Value];

        /// <summary>The named type under a field's wrappers, and how many lists wrap it.</summary>
        private static (IGraphType? Type, int Lists) Unwrap(IGraphType? type)
        {
            var lists = 0;
            while (true)
            {
                switch (type)
                {
                    case NonNullGraphType nonNull:
                        type = nonNull.ResolvedType;
                        break;
                    case ListGraphType list:
                        lists++;
                        type = list.ResolvedType;
                        break;
                    default:
                        return (type, lists);
                }
            }
        }
    }

    /// <summary>A document nested past the parser's limit; shown with code VALIDATION and reason MAX_NESTING.</summary>
    private sealed class DocumentTooDeepError(GraphQLMaxDepthExceededException nested)
        : DocumentError("The document is nested more deeply than the server reads.", nested);
}
