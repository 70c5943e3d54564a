using Collaboration.Exchanges;

namespace Collaboration.Grains.Tests;

/// <summary>The words a request's needs and a host's offers are compared by.</summary>
public sealed class ExchangeMatchingTests
{
    [Fact]
    public void Words_are_compared_without_case_or_accents_and_without_short_or_common_words()
    {
        var words = ExchangeMatching.Words("Réintégration des MIGRANTS, with the counselling of returnees");

        Assert.Equal(["counselling", "migrants", "reintegration", "returnees"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Arabic_words_are_kept_whole_with_the_hamza_on_alef_folded_as_accents_are()
    {
        Assert.Equal(ExchangeMatching.Words("اعادة الادماج"), ExchangeMatching.Words("إعادة الإدماج في"));
        Assert.Equal(["اعادة", "الادماج"], ExchangeMatching.Words("إعادة الإدماج في").Order(StringComparer.Ordinal));
    }
}
