using SalesAssistant.Components;

namespace SalesAssistant.Localization;

public static class LanguageEndpoints
{
    /// <summary>
    /// <c>GET /language/{code}?returnUrl=…</c>: this device shows that language from the next page on. It only sets the
    /// device's cookie (a link from elsewhere can change nothing else); a signed-in user's choice is saved on the account
    /// by the app bar before it comes here (<see cref="UserLanguages"/>).
    /// </summary>
    public static void MapLanguageEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/language/{code}", (HttpContext context, string code, string? returnUrl) =>
            {
                if (Languages.Normalize(code) is not { } language)
                {
                    return Results.NotFound();
                }
                LanguageCookie.Write(context.Response, language);
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous();

    public static string PathFor(string language, string returnUrl) =>
        $"/language/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
