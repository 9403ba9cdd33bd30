using SalesAssistant.Accounts;
using SalesAssistant.Tests.Localization;

using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

public sealed class DeviceNamesTests
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer<AccountText> Text = new LocalizerFor<AccountText>().Localizer;

    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPad")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [InlineData("", "Unknown device")]
    [InlineData("curl/8.5.0", "Other browser")]
    public void A_user_agent_reads_as_browser_on_system(string userAgent, string expected) => Assert.Equal(expected, DeviceNames.Of(userAgent, Text));

    [Fact]
    public void A_device_reads_in_the_managers_language_with_its_names_as_they_are()
    {
        using var polish = new InLanguage("pl");

        Assert.Equal("Chrome w systemie Android", DeviceNames.Of("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", Text));
        Assert.Equal("Nieznane urządzenie", DeviceNames.Of(null, Text));
    }
}
