using Microsoft.Extensions.Options;
using SalesAssistant.Localization;
using SalesAssistant.Store;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>The store settings tests run with: EUR, en-IE numbers, and the language a test asks for (English by default).</summary>
public static class TestStore
{
    public static StoreOptions Options(string language = Languages.English) => new() { Language = language, Currency = "EUR", Culture = "en-IE" };

    public static DisplayCultures Cultures(string language = Languages.English) => new(Microsoft.Extensions.Options.Options.Create(Options(language)));
}
