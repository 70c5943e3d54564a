using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

public sealed class OutboxStatusEnum : EnumerationGraphType<Mail.OutboxStatus>
{
    public OutboxStatusEnum() => Name = "OutboxStatus";
}

public sealed class OutboxEntryGraphType : ObjectGraphType<Mail.OutboxEntry>
{
    public OutboxEntryGraphType()
    {
        Name = "OutboxMessage";
        Description = "An outgoing message that is not sent yet, or that was given up.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<OutboxStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("nextAttemptAt").Resolve(c => c.Source.NextAttemptAt);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
    }
}

/// <summary>The durable outbox, for administrators: what is waiting or failed, and retrying the failed.</summary>
public static class OutboxFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutboxEntryGraphType>>>>("outbox")
            .Description("Outgoing messages not sent yet or given up (administrators).")
            .ResolveAsync(async c => await c.Grains().GetGrain<Mail.IOutboxIndexGrain>(0).ListAsync(c.Caller()));

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<OutboxEntryGraphType>>("retryOutboxMessage")
            .Description("Sends a failed message again (administrators).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = c.GetArgument<string>("id");
                if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
                    throw CollaborationException.NotFound("The outbox has no such message.");
                return await c.Grains().GetGrain<Mail.IOutboxGrain>(id).RetryAsync(caller);
            });
}
