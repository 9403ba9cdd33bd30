using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SalesAssistant.Localization;

/// <summary>
/// The resources of <typeparamref name="T"/> for code no container creates (the catalog file's rules, results made
/// below any service, a service a test or tool builds with <c>new</c>). Like an injected <c>IStringLocalizer&lt;T&gt;</c>,
/// every lookup reads <c>CultureInfo.CurrentUICulture</c> at that moment.
/// </summary>
public static class StandaloneText
{
    private static readonly ResourceManagerStringLocalizerFactory Resources =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<T> For<T>() => new StringLocalizer<T>(Resources);
}
