using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>The one API: queries and mutations of every capability.</summary>
public sealed class CollaborationSchema : Schema
{
    private readonly IServiceProvider _services;

    public CollaborationSchema(IServiceProvider services, Query query, Mutation mutation)
        : base(services)
    {
        _services = services;
        Query = query;
        Mutation = mutation;

        // What graphql-js's getIntrospectionQuery asks for with the options standard clients turn on: whether a
        // directive repeats, and deprecated arguments and input fields. GraphQL.NET keeps both behind switches,
        // and its default filter hides isRepeatable.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Filter = new ExperimentalIntrospectionFeaturesSchemaFilter();
    }

    protected override SchemaTypes CreateSchemaTypes() =>
        new CollaborationSchemaTypes(this, _services, _services.GetService<IEnumerable<IGraphTypeMappingProvider>>(), OnBeforeInitializeType);

    /// <summary>
    /// Completes GraphQL.NET's introspection types where the specification (October 2021) has more than they
    /// do: <c>__Type.specifiedByURL</c>, and <c>includeDeprecated</c> on <c>__Directive.args</c>.
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Type = typeof(StringGraphType),
                Description = "For a custom scalar, the address of the specification its values follow. None of this API's scalars names one.",
                Resolver = new FuncFieldResolver<object?>(_ => null),
            });
        }
        else if (graphType is __Directive directive && directive.GetField("args") is { Arguments: null } args)
        {
            args.Arguments = new QueryArguments(new QueryArgument<BooleanGraphType>
            {
                Name = "includeDeprecated",
                DefaultValue = false,
                Description = "Whether deprecated arguments are listed too.",
            });
            args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(c =>
                (c.Source.Arguments ?? Enumerable.Empty<QueryArgument>()).Where(a => c.GetArgument<bool>("includeDeprecated") || string.IsNullOrWhiteSpace(a.DeprecationReason)));
        }
        base.OnBeforeInitializeType(graphType);
    }
}

/// <summary>
/// The schema's types, with <c>__type(name:)</c> answering null for an empty name as for any name no type has:
/// GraphQL.NET's own resolver throws there, which would answer INTERNAL for a request's mistake.
/// </summary>
internal sealed class CollaborationSchemaTypes(
    ISchema schema, IServiceProvider services, IEnumerable<IGraphTypeMappingProvider>? mappings, Action<IGraphType> onBeforeInitialize)
    : SchemaTypes(schema, services, mappings, onBeforeInitialize)
{
    // Set before the base constructor runs, which already reads the property.
    private readonly FieldType _typeMetaField = new NamedTypeMetaField();

    protected override FieldType TypeMetaFieldType => _typeMetaField;

    private sealed class NamedTypeMetaField : TypeMetaFieldType
    {
        public NamedTypeMetaField() =>
            Resolver = new FuncFieldResolver<object?>(c => c.GetArgument<string>("name") is { Length: > 0 } name ? c.Schema.AllTypes[name] : null);
    }
}

/// <summary>The root query type; each capability adds its fields.</summary>
public sealed class Query : ObjectGraphType
{
    public Query()
    {
        Name = "Query";
        IdentityFields.AddQueries(this);
        DialogueFields.AddQueries(this);
        MeetingFields.AddQueries(this);
        WorkingGroupFields.AddQueries(this);
        ExchangeFields.AddQueries(this);
        CityFields.AddQueries(this);
        NotesFields.AddQueries(this);
        OutboxFields.AddQueries(this);
        PrivacyFields.AddQueries(this);
    }
}

/// <summary>The root mutation type; each capability adds its fields.</summary>
public sealed class Mutation : ObjectGraphType
{
    public Mutation()
    {
        Name = "Mutation";
        IdentityFields.AddMutations(this);
        DialogueFields.AddMutations(this);
        MeetingFields.AddMutations(this);
        WorkingGroupFields.AddMutations(this);
        ExchangeFields.AddMutations(this);
        CityFields.AddMutations(this);
        OutboxFields.AddMutations(this);
        CalendarFeedFields.AddMutations(this);
        PrivacyFields.AddMutations(this);
    }
}
