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

    [Fact]
    public void Outcomes_and_their_follow_up_describe_themselves_without_their_text()
    {
        const string Text = "Partner states should open pathways";
        var update = new Collaboration.Outcomes.ProgressUpdate("u1", DateTimeOffset.UnixEpoch, new(Collaboration.Outcomes.AddresseeKind.PartnerState, "TN"),
            Collaboration.Outcomes.FollowUpStatus.InProgress, Text);
        var translation = new Collaboration.Outcomes.OutcomeTranslation("fr", Text, 1);
        var outcome = new Collaboration.Outcomes.Outcome("o1", Collaboration.Outcomes.OutcomeKind.Recommendation, 1, null, "en", Text, 1,
            Collaboration.Outcomes.OutcomeStatus.Published, [], [translation], Collaboration.Outcomes.FollowUpStatus.Open, [update], []);
        var described = string.Join(" ", update, translation, outcome,
            new Collaboration.Outcomes.OutcomeInput(Collaboration.Outcomes.OutcomeKind.Conclusion, null, "en", Text),
            new Collaboration.Outcomes.RecommendationFollowUp("m/1", "Meeting", null, 2030, outcome),
            new Collaboration.Outcomes.MeetingOutcomes("m/1", [outcome], true, 3, new(false, false, false, false, false)));

        Assert.DoesNotContain("pathways", described, StringComparison.Ordinal);
    }
}
