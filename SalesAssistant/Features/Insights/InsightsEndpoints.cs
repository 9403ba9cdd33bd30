using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using SalesAssistant.Accounts;

namespace SalesAssistant.Features.Insights;

public static class InsightsEndpoints
{
    /// <summary>GET /manage/insights/export/{figure}.csv?from=yyyy-MM-dd&amp;to=…&amp;clerk=…&amp;category=…&amp;family=…&amp;grain=day|week</summary>
    public static void MapInsightsExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/manage/insights/export/{figure}.csv", async (string figure, HttpContext context, InsightsService insights,
                AuthenticationStateProvider authenticationState, TimeProvider clock, IStringLocalizer<InsightsText> text) =>
            {
                if (!InsightsCsv.IsFigure(figure))
                {
                    return Results.NotFound();
                }
                if (!TryReadFilter(context.Request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var filter, out var grain, out var problem, text))
                {
                    return Results.BadRequest(problem);
                }
                // Outside a circuit the services' CurrentUser reads the request's user, so they check the role again.
                if (authenticationState is IHostEnvironmentAuthenticationStateProvider host)
                {
                    host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
                }
                var report = await insights.ReportAsync(filter, grain, context.RequestAborted);
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"insights-{figure}-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv\"";
                await InsightsCsv.WriteAsync(report, figure, context.Response.Body, context.RequestAborted);
                return Results.Empty;
            })
            .RequireAuthorization(policy => policy.RequireRole(AppRoles.Manager));

    /// <summary>The dashboard's query string, shared by the page (so a filtered view can be bookmarked) and the export links.</summary>
    public static string QueryString(InsightsFilter filter, TrendGrain grain)
    {
        var parts = new List<string>
        {
            $"from={filter.From:yyyy-MM-dd}",
            $"to={filter.To:yyyy-MM-dd}",
        };
        if (filter.ClerkId is { } clerk)
        {
            parts.Add("clerk=" + Uri.EscapeDataString(clerk));
        }
        if (filter.CategoryId is { } category)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"category={category}"));
        }
        if (filter.FamilyId is { } family)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"family={family}"));
        }
        if (grain == TrendGrain.Week)
        {
            parts.Add("grain=week");
        }
        return string.Join('&', parts);
    }

    /// <summary>The dashboard's filter from a query string; <paramref name="problem"/> says what is wrong with it, in <paramref name="text"/>'s language (English without one).</summary>
    public static bool TryReadFilter(IQueryCollection query, DateOnly today, out InsightsFilter filter, out TrendGrain grain, out string? problem,
        IStringLocalizer<InsightsText>? text = null)
    {
        var defaults = InsightsFilter.LastDays(today);
        filter = defaults;
        grain = string.Equals(query["grain"], "week", StringComparison.OrdinalIgnoreCase) ? TrendGrain.Week : TrendGrain.Day;
        problem = null;
        if (!TryDate(query["from"], defaults.From, out var from) || !TryDate(query["to"], defaults.To, out var to))
        {
            problem = text?["from and to must be dates written yyyy-MM-dd."] ?? "from and to must be dates written yyyy-MM-dd.";
            return false;
        }
        int? category = int.TryParse(query["category"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        int? family = int.TryParse(query["family"], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        var clerk = query["clerk"].ToString();
        filter = new InsightsFilter(from, to, string.IsNullOrEmpty(clerk) ? null : clerk, category, family);
        problem = filter.ProblemIn(text);
        return problem is null;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
