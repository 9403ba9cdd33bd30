using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Catalog;

/// <summary>The texts of the tier labels and the catalog file's messages about bad rows. Resources: CatalogText.resx (English, the neutral language) and CatalogText.{it,pl,nl}.resx.</summary>
public sealed class CatalogText
{
    /// <summary>
    /// The same texts for code that no container creates: the catalog file's rules (<see cref="File.CatalogFileReader"/>,
    /// <see cref="File.CatalogFields"/>, <see cref="ShortText"/>), which run on the manager's import page and at startup.
    /// Like an injected <c>IStringLocalizer&lt;CatalogText&gt;</c>, every lookup reads <c>CultureInfo.CurrentUICulture</c>
    /// at that moment, so a message comes out in the language of whoever is checking the file.
    /// </summary>
    internal static IStringLocalizer<CatalogText> Current { get; } = StandaloneText.For<CatalogText>();
}
