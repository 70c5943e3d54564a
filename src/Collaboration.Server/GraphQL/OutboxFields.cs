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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The message's id, to retry it.");
        Field(x => x.To).Description("The recipient's address.");
        Field(x => x.Description).Description("What the message is, e.g. an invitation to a meeting.");
        Field(x => x.Status).Description("Where it stands.");
        Field(x => x.Attempts).Description("How many times sending was tried.");
        Field(x => x.CreatedAt).Description("When it was queued.");
        Field(x => x.NextAttemptAt).Description("When it will be tried again, while it is pending.");
        Field(x => x.LastError).Description("What the mail server said the last time it failed.");
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
