using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesAssistant.Catalog.File;

/// <summary>Parsing of the catalog file's structured fields; validators and the reader share these so both agree.</summary>
public static partial class CatalogFields
{
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    public static partial Regex SkuPattern();

    [GeneratedRegex(@"^\d{1,10}(\.\d{1,2})?$")]
    private static partial Regex PricePattern();

    public static bool TryParsePrice(string? text, out Money price)
    {
        price = Money.Zero;
        if (text is null || !PricePattern().IsMatch(text))
        {
            return false;
        }
        var amount = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        price = new Money((long)(amount * 100));
        return price.Minor <= CatalogLimits.MaxPriceMinor;
    }

    public static string DescribePriceProblem(string text) => text switch
    {
        _ when text.StartsWith('-') => "must be 0 or more",
        _ when text.Contains(',') => $"'{text}' uses ',' — write prices with '.' as the decimal separator (e.g. 19.99)",
        _ when PricePattern().IsMatch(text) => $"must be at most {new Money(CatalogLimits.MaxPriceMinor).ToInvariant()}",
        _ when Regex.IsMatch(text, @"^\d+\.\d{3,}$") => $"'{text}' has more than 2 decimals",
        _ => $"'{text}' is not a price (expected digits with an optional '.' and up to 2 decimals, e.g. 19.99)",
    };

    public static bool TryParseStock(string? text, out int stock)
    {
        stock = 0;
        return text is not null
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out stock)
            && stock <= CatalogLimits.MaxStock;
    }

    public static bool TryParseTier(string? text, out int tier)
    {
        tier = 0;
        return text is not null
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out tier)
            && tier >= 1;
    }

    public static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(CatalogColumns.ListSeparator).Select(s => s.Trim()).ToList();

    /// <summary>Parses <c>Key: Value; Key: Value</c>; returns null with a reason when a pair is malformed.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? ParseSpecs(string? text, out string? problem)
    {
        problem = null;
        var specs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return specs;
        }
        foreach (var part in text.Split(CatalogColumns.SpecSeparator))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }
            var colon = part.IndexOf(':');
            var key = colon < 0 ? "" : part[..colon].Trim();
            var value = colon < 0 ? "" : part[(colon + 1)..].Trim();
            if (colon < 0 || key.Length == 0 || value.Length == 0)
            {
                problem = $"'{part.Trim()}' is not a 'Key: Value' pair";
                return null;
            }
            if (key.Length > CatalogLimits.SpecKeyMaxLength || value.Length > CatalogLimits.SpecValueMaxLength)
            {
                problem = $"spec '{key}' is too long (key ≤ {CatalogLimits.SpecKeyMaxLength}, value ≤ {CatalogLimits.SpecValueMaxLength} characters)";
                return null;
            }
            if (specs.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                problem = $"spec '{key}' appears twice";
                return null;
            }
            specs.Add(new(key, value));
        }
        if (specs.Count > CatalogLimits.MaxSpecs)
        {
            problem = $"at most {CatalogLimits.MaxSpecs} specs per product";
            return null;
        }
        return specs;
    }
}
