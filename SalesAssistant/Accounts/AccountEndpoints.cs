using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a form post with its antiforgery token (a post from another site is refused), never a link that a
    /// prefetch could follow. It deletes the device's session, so a copy of the cookie opens nothing afterwards.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async Task<IResult> (HttpContext context, [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<AppUser> signInManager, [FromServices] IStringLocalizer<AccountText> text) =>
        {
            // Checked here: the antiforgery middleware only reports a bad token to endpoints that bind a form.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest(text["The sign-out form was not sent by this app's page."].Value);
            }
            await signInManager.SignOutAsync();
            // The next person at this tablet sees the store's language; the user's own comes back with their sign-in.
            LanguageCookie.Delete(context.Response);
            return TypedResults.LocalRedirect("~/account/login");
        })
        .DisableAntiforgery();
}
