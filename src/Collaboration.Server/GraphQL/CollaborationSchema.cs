using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

/// <summary>The one API: queries and mutations of every capability.</summary>
public sealed class CollaborationSchema : Schema
{
    public CollaborationSchema(IServiceProvider services, Query query, Mutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
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
