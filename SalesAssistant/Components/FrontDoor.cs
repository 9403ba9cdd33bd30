using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SalesAssistant.Components;

/// <summary>Configuration section <c>ReverseProxy</c>.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// The addresses of the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed
    /// (e.g. <c>10.0.0.5</c>). Empty: no forwarded header is believed, from anyone.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>
/// How requests reach the app: forwarded headers only from the configured proxies, HTTPS redirection and HSTS when
/// the app is served over HTTPS (directly, or behind a proxy that says so), cookies marked Secure on HTTPS requests.
/// Host filtering (<c>AllowedHosts</c>) is ASP.NET Core's own, from configuration.
/// </summary>
public static class FrontDoor
{
    public static IHostApplicationBuilder AddFrontDoor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateOnStart()
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ReverseProxy:KnownProxies must be IP addresses, e.g. 10.0.0.5");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxies) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust the loopback addresses; only the proxies named in configuration are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline: what later middleware sees as the request's scheme and client comes from here.</summary>
    public static WebApplication UseFrontDoor(this WebApplication app)
    {
        // With no proxy named the middleware is left out: given empty lists it would believe any client.
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only: a shop on plain HTTP in a closed network is not locked out.
            app.UseHsts();
            if (ServesHttps(app.Configuration))
            {
                app.UseHttpsRedirection();
            }
        }
        if (app.Environment.IsProduction() && app.Configuration["AllowedHosts"] is null or "*")
        {
            app.Logger.LogWarning("AllowedHosts is '*': set it to the host names the app is reached by (e.g. AllowedHosts=counter.shop.example).");
        }
        return app;
    }

    /// <summary>An HTTPS address is configured, so plain HTTP requests can be sent there.</summary>
    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["https_port"] ?? configuration["HTTPS_PORT"] ?? configuration["https_ports"] ?? configuration["HTTPS_PORTS"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
