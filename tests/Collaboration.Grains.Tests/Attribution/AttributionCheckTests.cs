using Collaboration.Notes;

namespace Collaboration.Grains.Tests.Attribution;

/// <summary>
/// The guard's findings and rewordings, case by case: the grammar a rewording must keep (articles, French
/// elision and gender, Arabic proclitics and gender), names from the whole directory, and what is not
/// attribution (a party as the topic, a published source).
/// </summary>
public sealed class AttributionCheckTests
{
    private static readonly AttributionCheck Guard = new(AttributionCorpusTests.MtmVocabulary() with
    {
        People = [.. AttributionCorpusTests.MtmVocabulary().People, "Amadou Diallo"],
    });

    [Theory]
    [InlineData("Mr Rossi stressed the need for legal pathways.", "A participant stressed the need for legal pathways.")]
    [InlineData("Diallo added that returns had doubled.", "A participant added that returns had doubled.")]
    [InlineData("UNHCR highlighted the protection gaps.", "A participating organisation highlighted the protection gaps.")]
    [InlineData("The Egyptian delegation proposed a pilot.", "A delegation proposed a pilot.")]
    [InlineData("According to the Tunisian representative, arrivals fell.", "According to a participant, arrivals fell.")]
    [InlineData("Morocco and Tunisia supported the text.", "Some delegations supported the text.")]
    [InlineData("\"Return must be voluntary,\" said Mr de la Cruz.", "\"Return must be voluntary,\" said a participant.")]
    [InlineData("La délégation marocaine s'est félicitée de la proposition du Maroc.", "Une délégation s'est félicitée de la proposition d'un participant.")]
    [InlineData("Selon la représentante de l'OIM, les retours ont doublé.", "Selon une participante, les retours ont doublé.")]
    [InlineData("Les délégués tunisiens ont rappelé l'importance des données.", "Des participants ont rappelé l'importance des données.")]
    [InlineData("Mme Traoré a plaidé pour des voies légales.", "Une participante a plaidé pour des voies légales.")]
    [InlineData("قال مندوب المغرب إن العودة يجب أن تكون طوعية.", "قال أحد المشاركين إن العودة يجب أن تكون طوعية.")]
    [InlineData("وفقاً للمغرب، تراجعت أعداد الوافدين.", "وفقاً لأحد الوفود، تراجعت أعداد الوافدين.")]
    [InlineData("أكدت مصر أهمية التعاون.", "أكدت إحدى الدول المشاركة أهمية التعاون.")]
    [InlineData("وأشارت السيدة بن علي إلى ضرورة حماية المهاجرين.", "وأشارت إحدى المشاركات إلى ضرورة حماية المهاجرين.")]
    public void Attribution_is_found_and_reworded_grammatically(string text, string rewording)
    {
        var result = Guard.Check(text, overrideAllowed: true);

        Assert.NotEmpty(result.Findings);
        Assert.Equal(rewording, result.Rewording);
        Assert.True(Guard.Check(rewording, true).Clean);
        Assert.All(result.Findings, f => Assert.Equal(f.Matched, text.Substring(f.Start, f.Length)));
    }

    [Theory]
    [InlineData("Flows from Libya to Italy rose sharply in 2011.")]
    [InlineData("Participants welcomed Tunisia's new national migration strategy.")]
    [InlineData("According to IOM figures published in 2011, close to 800,000 people left Libya.")]
    [InlineData("Participants thanked Morocco for its hospitality.")]
    [InlineData("A delegate noted that data remain scarce.")]
    [InlineData("The Secretariat presented the i-Map.")]
    [InlineData("Les travailleurs marocains en Espagne envoient des fonds.")]
    [InlineData("La réunion a été accueillie par Malte.")]
    [InlineData("شكر المشاركون المغرب على حسن الضيافة.")]
    [InlineData("سيعقد الاجتماع المقبل في أثينا بدعوة من اليونان.")]
    [InlineData("اعتُبرت تركيا مثالاً لافتاً.")]
    public void A_party_named_as_the_topic_is_not_attribution(string text) =>
        Assert.Empty(Guard.Check(text, overrideAllowed: true).Findings);

    [Fact]
    public void Findings_say_what_they_reveal_and_a_strict_meeting_allows_no_override()
    {
        var result = Guard.Check("Mr Rossi agreed. The delegate of Egypt agreed too. UNHCR also agreed.", overrideAllowed: false);

        Assert.False(result.OverrideAllowed);
        Assert.Contains(result.Findings, f => f is { Kind: AttributionFindingKind.Person, Matched: "Mr Rossi" });
        Assert.Contains(result.Findings, f => f is { Kind: AttributionFindingKind.Delegation, Matched: "The delegate of Egypt" });
        Assert.Contains(result.Findings, f => f is { Kind: AttributionFindingKind.Organisation, Matched: "UNHCR" });
    }
}
