namespace SalesAssistant.Components;

public static class LocalUrl
{
    /// <summary>Only a path of this site, else the home page: never redirect to another host.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.IsWellFormedUriString(url, UriKind.Relative)
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? "/" + url.TrimStart('/')
            : "/";
}
