using SalesAssistant.Data;
using SalesAssistant.Tests.Localization;

using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Data;

public sealed class ChangeResultTests
{
    [Theory]
    [InlineData("en", "It no longer exists.")]
    [InlineData("it", "Non esiste più.")]
    [InlineData("pl", "Ten element już nie istnieje.")]
    [InlineData("nl", "Dit bestaat niet meer.")]
    public void Something_gone_meanwhile_is_said_in_the_current_language(string language, string expected)
    {
        using var speaking = new InLanguage(language);

        Assert.Equal(expected, ChangeResult.NotFound.Message);
        Assert.Equal(ChangeOutcome.NotFound, ChangeResult.NotFound.Outcome);
    }
}
