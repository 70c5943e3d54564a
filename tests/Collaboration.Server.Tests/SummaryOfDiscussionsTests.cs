using Collaboration.Integrations.Exports;
using Collaboration.Notes;
using Collaboration.Outcomes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Server.Tests;

/// <summary>
/// The Summary of Discussions' layout from a summary record, without a server: the outcomes part (numbered,
/// translated or marked, with addressees), headings for a language without a table, and markup kept literal.
/// </summary>
public sealed class SummaryOfDiscussionsTests
{
    private static DiscussionSummary Summary(string language) => new(
        "mtm/m1", language, "Mediterranean Transit Migration Dialogue", "MTM 10-Year Anniversary Event",
        new DateTime(2012, 5, 22, 9, 0, 0), new DateTime(2012, 5, 23, 18, 0, 0), null, "Valletta", "Malta",
        ["Italy", "Morocco"], ["Egypt", "Italy", "Morocco"], [], ["League of Arab States"],
        [new SummarySession("s1", "Future outlook", null, [], null, [new SummaryEntry("**Not bold** and <b>not markup</b>.", SummaryTextState.Original)])],
        [new SummaryOutcome(1, "Regional dialogues remain useful frameworks.", false, [])],
        [
            new SummaryOutcome(1, "Strengthen South-South cooperation.", true, [new SummaryAddressee(AddresseeKind.PartnerState, "Morocco"), new SummaryAddressee(AddresseeKind.Secretariat, null)]),
            new SummaryOutcome(2, "Pursue the Rabat-MTM interactions.", false, [new SummaryAddressee(AddresseeKind.PartnerStates, null)]),
        ],
        Finalized: true);

    [Fact]
    public void Outcomes_close_the_summary_numbered_with_their_addressees_and_untranslated_ones_marked()
    {
        var markdown = SummaryOfDiscussions.ToMarkdown(Summary("en"));
        Assert.Contains("## Conclusions\n\n1. Regional dialogues remain useful frameworks.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Recommendations\n\n1. *(Not yet translated)* Strengthen South-South cooperation.\n\n**Addressed to**: Morocco, The Secretariat\n", markdown, StringComparison.Ordinal);
        Assert.Contains("2. Pursue the Rabat-MTM interactions.\n\n**Addressed to**: All Partner States\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Valletta, 22 May 2012 – 23 May 2012", markdown, StringComparison.Ordinal);
        Assert.Contains("- \\*\\*Not bold\\*\\* and &lt;b&gt;not markup&lt;/b&gt;.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner Agencies", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_its_own_headings_gets_the_english_ones_and_arabic_reads_right_to_left()
    {
        Assert.StartsWith("# Summary of Discussions: MTM 10-Year Anniversary Event", SummaryOfDiscussions.ToMarkdown(Summary("es")), StringComparison.Ordinal);

        // French sets its colon apart, and a standard renderer still reads the label as bold.
        var french = Markdig.Markdown.ToHtml(SummaryOfDiscussions.ToMarkdown(Summary("fr")));
        Assert.Contains("<strong>Pays hôte</strong>\u00A0: Malta", french, StringComparison.Ordinal);
        Assert.Contains("<li><em>(Pas encore traduit)</em> Strengthen South-South cooperation.</li>", french, StringComparison.Ordinal);

        var arabic = SummaryOfDiscussions.ToMarkdown(Summary("ar"));
        Assert.Contains("<p dir=\"rtl\"><strong>موجهة إلى</strong>: Morocco، الأمانة</p>", arabic, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(SummaryOfDiscussions.ToDocx(Summary("ar"))), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.All(body.Elements<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.BiDi));
        Assert.NotNull(body.Elements<SectionProperties>().Single().GetFirstChild<BiDi>());
        Assert.Equal("Mediterranean Transit Migration Dialogue", document.PackageProperties.Creator);
    }
}
