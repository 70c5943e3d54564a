using GraphQL.Validation;
using GraphQLParser.AST;

namespace Collaboration.Server.GraphQL;

/// <summary>GET may only read: a mutation over GET is refused (the endpoint answers 405).</summary>
public sealed class QueriesOnlyRule : ValidationRuleBase
{
    public static readonly QueriesOnlyRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
            context.ReportError(new HttpMethodValidationError(context.Document.Source, context.Operation));
        return default;
    }
}

public sealed class HttpMethodValidationError(GraphQLParser.ROM source, ASTNode node)
    : ValidationError(source, "METHOD_NOT_ALLOWED", "Only queries may be sent with GET; send mutations with POST.", node);

/// <summary>Caps how many aliased fields one document may use (alias flooding multiplies work).</summary>
public sealed class AliasLimitRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new ValueTask<INodeVisitor?>(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++count == maxAliases + 1)
                ctx.ReportError(new ValidationError(ctx.Document.Source, "aliases",
                    $"A document may use at most {maxAliases} aliases.", field) { Code = "TOO_MANY_ALIASES" });
        }));
    }
}
