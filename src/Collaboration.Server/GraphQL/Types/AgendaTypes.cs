using GraphQL.Types;

namespace Collaboration.Server.GraphQL.Types;

public sealed class AgendaItemKindEnum : EnumerationGraphType<AgendaItemKind>
{
    public AgendaItemKindEnum()
    {
        Name = "AgendaItemKind";
        Description = "What waits: UPCOMING_MEETING, PENDING_INVITATION, NOTES_TO_APPROVE, EXPERT_EXCHANGE (at the caller's step), ACTION_ITEM, MILESTONE; "
            + "for the secretariat DRAFT_MEETING, MEETING_WITHOUT_CO_CHAIRS, UNDELIVERED_INVITATIONS; for administrators FAILED_MESSAGE.";
    }
}

public sealed class AgendaActionEnum : EnumerationGraphType<AgendaAction>
{
    public AgendaActionEnum()
    {
        Name = "AgendaAction";
        Description = "What the caller is expected to do with an agenda item; each but ATTEND and CHECK_INVITATIONS is a mutation (or hub method) the item's object offers.";
    }
}

public sealed class AgendaItemGraphType : ObjectGraphType<AgendaItem>
{
    public AgendaItemGraphType()
    {
        Name = "AgendaItem";
        Description = "One thing that waits for the caller, with the object it concerns and what they are expected to do.";
        Field(x => x.Kind).Description("What kind of thing waits.");
        Field(x => x.Action).Description("What the caller is expected to do.");
        Field(x => x.ObjectId, type: typeof(NonNullGraphType<IdGraphType>))
            .Description("The id of the meeting, expert exchange, action item, milestone or outbox message it concerns (as Meeting.id, ExpertExchange.id, ActionItem.id, Milestone.id, OutboxMessage.id give it).");
        Field<IdGraphType>("parentId")
            .Description("The object that holds it: the working group of an action item, the partnership of a milestone; null otherwise.")
            .Resolve(c => c.Source.ParentId);
        Field<StringGraphType>("dialogueKey").Description("The dialogue it belongs to; null for the installation's outbox.").Resolve(c => c.Source.DialogueKey);
        Field(x => x.Title).Description("Its title or name, in the language asked where it has several.");
        Field(x => x.DueAt)
            .Description("When it is due, for things due at an instant: a meeting's start, a consultation's deadline, when a message failed. Null otherwise.");
        Field<StringGraphType>("dueDate").Description("The day it is due, for things due on a date (action items, milestones), e.g. 2031-06-01; null otherwise.")
            .Resolve(c => c.Source.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Overdue).Description("Whether it is past its due date or start and still waits.");
    }
}
