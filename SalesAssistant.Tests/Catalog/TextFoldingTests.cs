using SalesAssistant.Catalog;

namespace SalesAssistant.Tests.Catalog;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Caffè Crema", "caffe crema")]
    [InlineData("CRÈME BRÛLÉE", "creme brulee")]
    [InlineData("Straße", "strasse")]
    [InlineData("Øresund Łódź", "oresund lodz")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    public void Accents_and_case_are_folded(string? text, string expected) => Assert.Equal(expected, TextFolding.Fold(text));
}
