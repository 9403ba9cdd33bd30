using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using SalesAssistant.Store;

namespace SalesAssistant.Localization;

/// <summary>
/// The cultures a page is shown in: the words in the chosen language, dates with that language's names and order,
/// numbers as the store writes them (<c>Store:Culture</c>). A Polish manager in a Dutch store reads "2 grudnia" and "1.299,5".
/// </summary>
public sealed class DisplayCultures(IOptions<StoreOptions> store)
{
    private readonly ConcurrentDictionary<string, (CultureInfo Formatting, CultureInfo Interface)> byLanguage = new();

    public string StoreLanguage => store.Value.Language;

    public (CultureInfo Formatting, CultureInfo Interface) For(string language) => byLanguage.GetOrAdd(language, Create);

    private (CultureInfo, CultureInfo) Create(string language)
    {
        var storeCulture = CultureInfo.GetCultureInfo(store.Value.Culture);
        if (storeCulture.TwoLetterISOLanguageName == language)
        {
            return (storeCulture, CultureInfo.GetCultureInfo(language));
        }
        var formatting = CultureInfo.CreateSpecificCulture(language);
        formatting.NumberFormat = (NumberFormatInfo)storeCulture.NumberFormat.Clone();
        return (CultureInfo.ReadOnly(formatting), CultureInfo.GetCultureInfo(language));
    }

    /// <summary>Makes the current thread (and what flows from it: a Blazor circuit, a startup message) speak <paramref name="language"/>.</summary>
    public void Apply(string language)
    {
        var (formatting, ui) = For(language);
        CultureInfo.CurrentCulture = formatting;
        CultureInfo.CurrentUICulture = ui;
    }
}
