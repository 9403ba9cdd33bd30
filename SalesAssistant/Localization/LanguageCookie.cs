namespace SalesAssistant.Localization;

/// <summary>The language a device shows: chosen on the sign-in page or the app bar, set from the account at sign-in, removed at sign-out.</summary>
public static class LanguageCookie
{
    public const string Name = ".SalesAssistant.Language";

    public static string? Read(HttpRequest request) => Languages.Normalize(request.Cookies[Name]);

    public static void Write(HttpResponse response, string language) =>
        response.Cookies.Append(Name, language, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name);
}
