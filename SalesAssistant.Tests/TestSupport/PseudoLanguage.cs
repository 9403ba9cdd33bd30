using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// A pseudo-language: every text the localizer finds comes out between <see cref="Open"/> and <see cref="Close"/>, so a
/// page's visible text outside the markers (product data aside) was written into the page instead of being localized.
/// </summary>
public static class PseudoLanguage
{
    public const string Open = "⟦";
    public const string Close = "⟧";

    public static void Use(IServiceCollection services)
    {
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, MarkingFactory>();
    }

    private sealed class MarkingFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new MarkingLocalizer(resources.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new MarkingLocalizer(resources.Create(baseName, location));
    }

    private sealed class MarkingLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        // A key with no resource stays unmarked: it is as bad as a literal in the page.
        private static LocalizedString Mark(LocalizedString text) =>
            text.ResourceNotFound ? text : new LocalizedString(text.Name, Open + text.Value + Close, false, text.SearchedLocation);
    }
}
