using GraphQL;
using GraphQL.Types;

namespace Collaboration.Server.GraphQL;

public sealed class OutboxStatusEnum : EnumerationGraphType<Mail.OutboxStatus>
{
    public OutboxStatusEnum()
    {
        Name = "OutboxStatus";
        Description = "Where an outgoing message stands: PENDING (waiting or retrying), SENT, or FAILED (given up; retry it by hand).";
    }
}

public sealed class OutboxEntryGraphType : ObjectGraphType<Mail.OutboxEntry>
{
    public OutboxEntryGraphType()
    {
        Name = "OutboxMessage";
        Description = "An outgoing message that is not sent yet, or that was given up.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The message's id, to retry it.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("to").Description("The recipient's address.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the message is, e.g. an invitation to a meeting.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<OutboxStatusEnum>>("status").Description("Where it stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attempts").Description("How many times sending was tried.").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was queued.").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("nextAttemptAt").Description("When it will be tried again, while it is pending.").Resolve(c => c.Source.NextAttemptAt);
        Field<StringGraphType>("lastError").Description("What the mail server said the last time it failed.").Resolve(c => c.Source.LastError);
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
            .Argument<NonNullGraphType<IdGraphType>>("id", "The message's id, as the outbox query lists it.")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var id = c.GetArgument<string>("id");
                if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
                    throw CollaborationException.NotFound("The outbox has no such message.");
                return await c.Grains().GetGrain<Mail.IOutboxGrain>(id).RetryAsync(caller);
            });
}
