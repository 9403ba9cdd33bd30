using System.Globalization;

namespace SalesAssistant.Store;

public static class StoreSetup
{
    /// <summary>The store's currency and culture (<c>Store:*</c>), checked at startup, and the money formatter that uses them.</summary>
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart()
            .Validate(o => IsKnownCulture(o.Culture), "Store:Culture must be a culture name such as en-IE or de-DE")
            .Validate(o => o.Currency is { Length: 3 } && o.Currency.All(char.IsAsciiLetter), "Store:Currency must be an ISO 4217 code such as EUR");
        builder.Services.AddSingleton<MoneyFormatter>();
        return builder;
    }

    private static bool IsKnownCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
