using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using SalesAssistant.Localization;

namespace SalesAssistant.Tests.Localization;

/// <summary>
/// Every text the app ships exists in every language, is not empty, and has the English text's placeholders; plural
/// texts have the forms each language's CLDR rule asks for. Read from the built assembly and its satellite assemblies,
/// which is what the app loads.
/// </summary>
public sealed partial class ResourceFileTests
{
    private static readonly System.Reflection.Assembly App = typeof(Program).Assembly;

    private static IEnumerable<string> ResourceNames => App.GetManifestResourceNames()
        .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
        .Select(n => n[..^".resources".Length]);

    public static TheoryData<string> BaseNames => new(ResourceNames);

    public static TheoryData<string, string> BaseNamesAndLanguages => new(
        from baseName in ResourceNames
        from language in Languages.All.Where(l => l.Code != Languages.English)
        select (baseName, language.Code));

    private static Dictionary<string, string> Entries(string baseName, CultureInfo culture)
    {
        var set = new ResourceManager(baseName, App).GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{baseName} has no {culture.Name} resources");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    private static (string Text, string? Form) Split(string key) =>
        key.LastIndexOf('|') is var bar and > 0 && Enum.TryParse<PluralCategory>(key[(bar + 1)..], ignoreCase: true, out _)
            ? (key[..bar], key[(bar + 1)..])
            : (key, null);

    private static string[] Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToArray();

    [Fact]
    public void Every_area_of_the_app_has_its_texts_in_resources()
    {
        Assert.Superset(new HashSet<string>(["SalesAssistant.Components.InterfaceText", "SalesAssistant.Accounts.AccountText", "SalesAssistant.Catalog.CatalogText",
                "SalesAssistant.Features.Counter.CounterText", "SalesAssistant.Features.Manage.ManageText", "SalesAssistant.Features.Insights.InsightsText",
                "SalesAssistant.Features.AbTests.AbTestText", "SalesAssistant.Localization.MudBlazorTexts"]),
            ResourceNames.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(BaseNamesAndLanguages))]
    public void Each_translation_has_every_text_none_empty_with_the_english_placeholders(string baseName, string language)
    {
        var english = Entries(baseName, CultureInfo.InvariantCulture);
        var translated = Entries(baseName, CultureInfo.GetCultureInfo(language));
        var problems = new List<string>();

        foreach (var (key, value) in english.Where(e => Split(e.Key).Form is null))
        {
            if (!translated.TryGetValue(key, out var translation))
            {
                problems.Add($"missing: {key}");
            }
            else if (string.IsNullOrWhiteSpace(translation))
            {
                problems.Add($"empty: {key}");
            }
            else if (!Placeholders(value).SequenceEqual(Placeholders(translation)))
            {
                problems.Add($"placeholders differ: {key} -> {translation}");
            }
        }
        foreach (var plural in english.Keys.Select(Split).Where(k => k.Form is not null).Select(k => k.Text).Distinct())
        {
            var englishPlaceholders = Placeholders(english[PluralRules.KeyOf(plural, PluralCategory.Other)]);
            foreach (var form in PluralRules.Required(language))
            {
                var key = PluralRules.KeyOf(plural, form);
                if (!translated.TryGetValue(key, out var translation) || string.IsNullOrWhiteSpace(translation))
                {
                    problems.Add($"missing plural form: {key}");
                }
                else if (!englishPlaceholders.SequenceEqual(Placeholders(translation)))
                {
                    problems.Add($"placeholders differ: {key} -> {translation}");
                }
            }
        }
        problems.AddRange(translated.Keys.Where(k => !english.ContainsKey(k) && !english.ContainsKey(PluralRules.KeyOf(Split(k).Text, PluralCategory.Other)))
            .Select(k => $"not in English: {k}"));

        Assert.True(problems.Count == 0, $"{baseName}.{language}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void English_plural_texts_have_a_one_and_an_other_form(string baseName)
    {
        var english = Entries(baseName, CultureInfo.InvariantCulture);
        foreach (var plural in english.Keys.Select(Split).Where(k => k.Form is not null).Select(k => k.Text).Distinct())
        {
            foreach (var form in PluralRules.Required(Languages.English))
            {
                Assert.True(english.TryGetValue(PluralRules.KeyOf(plural, form), out var text) && text.Length > 0,
                    $"{baseName}: {PluralRules.KeyOf(plural, form)} is missing");
            }
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
