namespace SalesAssistant.Localization;

/// <summary>A language the interface is written in, named as its speakers name it (for the language menus).</summary>
public sealed record Language(string Code, string NativeName);

/// <summary>The interface's languages. Adding one: a code here, its .resx files and plural rule (README, "Adding a language").</summary>
public static class Languages
{
    public const string English = "en";

    public static readonly IReadOnlyList<Language> All =
    [
        new(English, "English"),
        new("it", "Italiano"),
        new("pl", "Polski"),
        new("nl", "Nederlands"),
    ];

    public static bool IsSupported(string? code) => All.Any(l => l.Code == code);

    /// <summary>The supported language of <paramref name="code"/>, case ignored; null when it is not one of ours.</summary>
    public static string? Normalize(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
}
