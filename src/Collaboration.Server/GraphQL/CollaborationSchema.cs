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
        Description = "Collaboration: the secretariat's platform for intergovernmental migration dialogues (the MTM Dialogue, the Rabat, "
            + "Budapest and Prague Processes). Dialogues and their members, meetings and their live notes under the Chatham House Rule, "
            + "working groups, South-South expert exchanges and City-to-City partnerships. Errors carry extensions.code.";

        // What graphql-js's getIntrospectionQuery asks for with the options standard clients turn on: whether a
        // directive repeats, and deprecated arguments and input fields. GraphQL.NET keeps both behind switches,
        // and its default filter hides isRepeatable.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Filter = new ExperimentalIntrospectionFeaturesSchemaFilter();

        // The built-in scalars come without descriptions; instances of our own take their place in this schema
        // only (GraphQL.NET shares its built-in instances between schemas).
        RegisterType(new StringGraphType { Description = "Text, in UTF-8." });
        RegisterType(new BooleanGraphType { Description = "true or false." });
        RegisterType(new IntGraphType { Description = "A whole number from -2,147,483,648 to 2,147,483,647." });
        RegisterType(new LongGraphType { Description = "A whole number that may be larger than an Int, such as a file's size in bytes." });
        RegisterType(new IdGraphType { Description = "An identifier, written as text. Use it as it is given: its form may change." });
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
        Description = "Everything that can be read: dialogues and their directory, meetings and their notes, working groups, expert exchanges, cities, document libraries, the outbox, personal data.";
        IdentityFields.AddQueries(this);
        DialogueFields.AddQueries(this);
        MeetingFields.AddQueries(this);
        WorkingGroupFields.AddQueries(this);
        ExchangeFields.AddQueries(this);
        CityFields.AddQueries(this);
        NotesFields.AddQueries(this);
        OutcomeFields.AddQueries(this);
        LibraryFields.AddQueries(this);
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
        Description = "Every change. Changes to something two people can edit take the expectedVersion read; each is checked against the caller's role first.";
        IdentityFields.AddMutations(this);
        DialogueFields.AddMutations(this);
        MeetingFields.AddMutations(this);
        WorkingGroupFields.AddMutations(this);
        ExchangeFields.AddMutations(this);
        CityFields.AddMutations(this);
        OutcomeFields.AddMutations(this);
        LibraryFields.AddMutations(this);
        NotesFields.AddMutations(this);
        OutboxFields.AddMutations(this);
        CalendarFeedFields.AddMutations(this);
        PrivacyFields.AddMutations(this);
    }
}
