namespace SalesAssistant.Localization;

/// <summary>
/// Every request, the Blazor circuit's connection included, runs in the device's chosen language or else the store's.
/// (Not ASP.NET's RequestLocalizationMiddleware: the formatting culture here is the language's with the store's numbers,
/// which that middleware cannot express by culture name.)
/// </summary>
public sealed class LanguageMiddleware(RequestDelegate next, DisplayCultures cultures)
{
    public Task InvokeAsync(HttpContext context)
    {
        cultures.Apply(LanguageCookie.Read(context.Request) ?? cultures.StoreLanguage);
        return next(context);
    }
}
