using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Tests.Localization;

/// <summary>The app's localizer of one resource class, as <c>AddLocalization()</c> makes it, outside any component.</summary>
public sealed class LocalizerFor<T>
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    public IStringLocalizer<T> Localizer { get; } = Services.GetRequiredService<IStringLocalizer<T>>();
}
