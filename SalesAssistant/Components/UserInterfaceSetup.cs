using MudBlazor.Services;

namespace SalesAssistant.Components;

public static class UserInterfaceSetup
{
    /// <summary>Blazor Server with MudBlazor, tuned for counter tablets on store Wi-Fi.</summary>
    public static IHostApplicationBuilder AddUserInterface(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // Every counter action is saved as it happens, so a lost circuit costs nothing but a page reload that
            // resumes the consultation from the database. Keep a dropped tablet's circuit long enough for store
            // Wi-Fi to come back (seconds, usually), not the framework's default 3 minutes, and bound how many are
            // kept: each holds its component state (about 250–300 KB) while nobody uses it.
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            circuits.DisconnectedCircuitMaxRetained = 200;
        });
        // Static assets come precompressed from MapStaticAssets; this compresses the pages themselves. Left off for
        // HTTPS (the default) because compressing secrets beside user input over TLS invites BREACH.
        builder.Services.AddResponseCompression();
        builder.Services.AddMudServices();
        return builder;
    }

    /// <summary>The request pipeline in front of the pages: security headers, error pages, compression, authentication, antiforgery.</summary>
    public static WebApplication UseUserInterface(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Static assets and every page of the app.</summary>
    public static WebApplication MapUserInterface(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
