using System.Net;
using System.Text.RegularExpressions;

namespace SalesAssistant.LoadTool;

/// <summary>A running app the commands drive: its address, its process (for RSS), and one signed-in auth cookie reused by every circuit.</summary>
internal sealed record AppTarget(Uri BaseAddress, int Pid, Cookie AuthCookie)
{
    public string CookieHeader => $"{AuthCookie.Name}={AuthCookie.Value}";

    /// <summary>Signs in through the sign-in form (a plain form post with antiforgery) and keeps the Identity cookie.</summary>
    public static async Task<AppTarget> SignInAsync(Uri baseAddress, int pid, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var form = await http.GetStringAsync("account/login", ct);
        var fields = HiddenInputs(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(fields), ct);

        var auth = cookies.GetCookies(baseAddress).FirstOrDefault(c => c.Name.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}, no Identity cookie.");
        return new AppTarget(baseAddress, pid, auth);
    }

    /// <summary>The hidden fields of a page's forms (the antiforgery token among them), by name; the last of a name wins.</summary>
    internal static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>"))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]*)\"");
            var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
            if (name.Success)
            {
                fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
            }
        }
        return fields;
    }
}
