using System.Text.RegularExpressions;
using System.Xml.Linq;
using SalesAssistant.Localization;

namespace SalesAssistant.Tests.Localization;

/// <summary>
/// Every .resx of the app is translated whole: each language has every key of the English file (plural keys in the forms
/// its CLDR rule needs), no empty text, and the same placeholders as the English.
/// </summary>
public sealed partial class ResourceFilesTests
{
    public static TheoryData<string> Translations()
    {
        var data = new TheoryData<string>();
        foreach (var neutral in NeutralFiles())
        {
            foreach (var language in Languages.All.Where(l => l.Code != Languages.English))
            {
                data.Add(Path.GetRelativePath(AppFolder(), TranslationOf(neutral, language.Code)));
            }
        }
        return data;
    }

    [Fact]
    public void The_app_has_resource_files() => Assert.NotEmpty(NeutralFiles());

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_the_keys_and_placeholders_of_the_English(string translation)
    {
        var path = Path.Combine(AppFolder(), translation);
        Assert.True(File.Exists(path), $"{translation} is missing");
        var language = Path.GetFileNameWithoutExtension(path).Split('.')[^1];
        var neutralPath = path[..^$".{language}.resx".Length] + ".resx";
        var english = Read(neutralPath);
        var translated = Read(path);

        var expected = english.Keys.SelectMany(key => FormsIn(key, language)).ToHashSet();
        Assert.Empty(expected.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(expected).Order());
        foreach (var (key, text) in translated)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{translation}: '{key}' is empty");
            var source = english.GetValueOrDefault(key) ?? english[BaseOf(key) + "|other"];
            Assert.True(Placeholders(source).SetEquals(Placeholders(text)), $"{translation}: '{key}' has other placeholders than the English: {text}");
        }
    }

    [Fact]
    public void No_English_text_is_empty()
    {
        foreach (var neutral in NeutralFiles())
        {
            Assert.All(Read(neutral), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{neutral}: '{entry.Key}' is empty"));
        }
    }

    /// <summary>The keys one English key stands for in <paramref name="language"/>: itself, or its plural forms there.</summary>
    private static IEnumerable<string> FormsIn(string key, string language) =>
        key.Contains('|') ? key.EndsWith("|other", StringComparison.Ordinal)
                ? PluralRules.Required(language).Select(c => PluralRules.KeyOf(BaseOf(key), c))
                : []
            : [key];

    private static string BaseOf(string key) => key.Contains('|') ? key[..key.LastIndexOf('|')] : key;

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string TranslationOf(string neutral, string language) => neutral[..^".resx".Length] + "." + language + ".resx";

    private static string[] NeutralFiles() =>
        Directory.EnumerateFiles(AppFolder(), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetFileNameWithoutExtension(f).Split('.') is var parts && !Languages.IsSupported(parts[^1]))
            .Order()
            .ToArray();

    private static string AppFolder() => Path.Combine(SalesAssistant.LoadTool.AppProcess.FindRepoRoot(), "SalesAssistant");

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
