using SalesAssistant.Catalog;

namespace SalesAssistant.Tests.Catalog;

public sealed class EanTests
{
    [Theory]
    [InlineData("4006381333931", true)]
    [InlineData("4006381333932", false)]
    [InlineData("96385074", true)]
    [InlineData("96385075", false)]
    [InlineData("5901234123457", true)]
    [InlineData("590123412345", false)]
    [InlineData("59012341234a7", false)]
    [InlineData("", false)]
    public void Check_digit_and_length_are_verified(string ean, bool valid) => Assert.Equal(valid, Ean.IsValid(ean));
}
