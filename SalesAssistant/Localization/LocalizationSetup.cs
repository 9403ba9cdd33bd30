using FluentValidation;
using MudBlazor;
using SalesAssistant.Store;

namespace SalesAssistant.Localization;

public static class LocalizationSetup
{
    /// <summary>
    /// The interface in the store's language (<c>Store:Language</c>) or the one a user chose: .resx files beside what they
    /// translate, MudBlazor's and FluentValidation's own texts in the same language.
    /// </summary>
    public static IHostApplicationBuilder AddLanguages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddOptions<StoreOptions>()
            .Validate(o => Languages.IsSupported(o.Language), $"Store:Language must be one of {string.Join(", ", Languages.All.Select(l => l.Code))}");
        builder.Services.AddSingleton<DisplayCultures>();
        builder.Services.AddSingleton<UserLanguages>();
        builder.Services.AddTransient<MudLocalizer, MudBlazorTexts>();
        // FluentValidation's built-in messages follow CultureInfo.CurrentUICulture, which LanguageMiddleware sets.
        ValidatorOptions.Global.LanguageManager.Enabled = true;
        return builder;
    }

    public static WebApplication UseLanguages(this WebApplication app)
    {
        app.UseMiddleware<LanguageMiddleware>();
        return app;
    }

    public static WebApplication MapLanguages(this WebApplication app)
    {
        app.MapLanguageEndpoints();
        return app;
    }
}
