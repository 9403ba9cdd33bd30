using SalesAssistant.Catalog.File;

namespace SalesAssistant.Tests.Catalog;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+Zedco", "'+Zedco")]
    [InlineData("-20%", "'-20%")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("Toaster", "Toaster")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    public void A_formula_like_cell_gets_one_apostrophe_and_reading_it_back_removes_exactly_that(string value, string written)
    {
        Assert.Equal(written, SpreadsheetText.Protect(value));
        Assert.Equal(value, SpreadsheetText.Unprotect(written));
    }
}
