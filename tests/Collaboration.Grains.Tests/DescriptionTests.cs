namespace Collaboration.Grains.Tests;

/// <summary>
/// Orleans describes a grain call's arguments in some log lines (a call that timed out, for one): the
/// arguments of note calls must describe themselves without the caller or the text.
/// </summary>
public sealed class DescriptionTests
{
    [Fact]
    public void Callers_notes_and_findings_describe_themselves_without_who_or_what()
    {
        var described = string.Join(" ",
            new Caller("person-4711", true),
            new Collaboration.Notes.NoteText("The delegate of Morocco said"),
            new Collaboration.Notes.NoteEntry(3, "session", "The delegate of Morocco said", 2, 9, false),
            new Collaboration.Notes.StoredNote(new Collaboration.Notes.NoteEntry(3, "session", "The delegate of Morocco said", 2, 9, false), "key"),
            new Collaboration.Notes.AttributionFinding(Collaboration.Notes.AttributionFindingKind.Delegation, "The delegate of Morocco", 0, 23),
            new Collaboration.Notes.AttributionCheckResult(
                [new Collaboration.Notes.AttributionFinding(Collaboration.Notes.AttributionFindingKind.Delegation, "The delegate of Morocco", 0, 23)], "A participant said", true));

        Assert.DoesNotContain("person-4711", described, StringComparison.Ordinal);
        Assert.DoesNotContain("Morocco", described, StringComparison.Ordinal);
    }
}
