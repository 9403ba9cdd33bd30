using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesAssistant.Data;

namespace SalesAssistant.Accounts;

public static class AccountsSetup
{
    /// <summary>Staff accounts (ASP.NET Core Identity in the app's database), the sign-in cookie, roles and the first manager.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ManagerAccountOptions>().BindConfiguration(ManagerAccountOptions.Section);
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateOnStart()
            .Validate(o => o.SessionCheckInterval > TimeSpan.Zero && o.SessionCheckInterval <= SessionOptions.MaxCheckInterval,
                "Accounts:SessionCheckInterval must be more than 0 and at most 00:01:00");
        // The cookie's security stamp is checked this often (Identity's default is 30 minutes).
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionOptions>>((stamp, sessions) =>
            {
                stamp.ValidationInterval = sessions.Value.SessionCheckInterval;
                // The refreshed principal must stay tied to its session row (a tablet's open page is checked against it).
                stamp.OnRefreshingPrincipal = context =>
                {
                    if (context.CurrentPrincipal is { } current && context.NewPrincipal is { } fresh)
                    {
                        DatabaseTicketStore.CopySessionClaim(current, fresh);
                    }
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<DatabaseTicketStore>();
        // The cookie holds a session key only; the session itself is a database row that signing out deletes.
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((cookie, store) => cookie.SessionStore = store);
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            // Counter tablets stay signed in: a month, renewed while in use.
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            // Behind an HTTPS proxy (see ReverseProxy:KnownProxies) the request counts as HTTPS and the cookie is Secure.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SalesDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Identity's messages (password rules, an email already taken) in the user's language.
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // The keys that sign the cookies live in the database, under one application name: a restart, a new container or
        // another app server reads the same keys, so nobody is signed out.
        // Encrypted with the certificate of DataProtection:CertificatePath when one is configured.
        KeyProtectionOptions.Apply(builder.Services.AddDataProtection().SetApplicationName("SalesAssistant").PersistKeysToDbContext<SalesDb>(),
            builder.Configuration);
        // Identity's stores need a scoped SalesDb; the app's own services use the factory.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<SalesDb>>().CreateDbContext());
        // After the database is migrated (AddData comes first).
        builder.Services.AddHostedService<AccountInitializer>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountEndpoints();
        return app;
    }
}
