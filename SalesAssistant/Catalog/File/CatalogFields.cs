using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Catalog.File;

/// <summary>Parsing of the catalog file's structured fields; validators and the reader share these so both agree.</summary>
public static partial class CatalogFields
{
    private static IStringLocalizer<CatalogText> T => CatalogText.Current;

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

    /// <summary>What is wrong with a price that does not parse, in the current language.</summary>
    public static string DescribePriceProblem(string text) => text switch
    {
        _ when text.StartsWith('-') => T["must be 0 or more"],
        _ when text.Contains(',') => T["{0} uses ',' — write prices with '.' as the decimal separator (e.g. 19.99)", ShortText.Quote(text)],
        // The file's own number format, not the reader's: the limit is written as the file must write it.
        _ when PricePattern().IsMatch(text) => T["must be at most {0}", new Money(CatalogLimits.MaxPriceMinor).ToInvariant()],
        _ when Regex.IsMatch(text, @"^\d+\.\d{3,}$") => T["{0} has more than 2 decimals", ShortText.Quote(text)],
        _ => T["{0} is not a price (expected digits with an optional '.' and up to 2 decimals, e.g. 19.99)", ShortText.Quote(text)],
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

    /// <summary>Fields of the row longer than <see cref="CatalogLimits.MaxFieldLength"/> or holding a control character, one problem each.</summary>
    public static List<CatalogFileError> FieldProblems(CatalogFileRow row)
    {
        var problems = new List<CatalogFileError>();
        foreach (var (column, value) in new[]
        {
            (CatalogColumns.Sku, row.Sku), (CatalogColumns.Ean, row.Ean), (CatalogColumns.Name, row.Name), (CatalogColumns.Brand, row.Brand),
            (CatalogColumns.Category, row.Category), (CatalogColumns.Price, row.Price), (CatalogColumns.Stock, row.Stock),
            (CatalogColumns.Family, row.Family), (CatalogColumns.Tier, row.Tier), (CatalogColumns.Accessories, row.Accessories),
            (CatalogColumns.TalkingPoints, row.TalkingPoints), (CatalogColumns.Specs, row.Specs),
        })
        {
            if (FieldProblem(value) is { } problem)
            {
                problems.Add(new CatalogFileError(row.Line, column, problem));
            }
        }
        return problems;
    }

    /// <summary>What is wrong with a field of a file before its own rules are checked: its length or a control character.</summary>
    public static string? FieldProblem(string? value) =>
        value?.Length > CatalogLimits.MaxFieldLength
            ? T["is longer than {0} characters", CatalogLimits.MaxFieldLength]
            : ShortText.FirstControlCharacter(value) is { } control ? ShortText.DescribeControlCharacter(control) : null;

    public static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(CatalogColumns.ListSeparator).Select(s => s.Trim()).ToList();

    /// <summary>Parses <c>Key: Value; Key: Value</c>; returns null with a reason (in the current language) when a pair is malformed.</summary>
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
                problem = T["{0} is not a 'Key: Value' pair", ShortText.Quote(part.Trim())];
                return null;
            }
            if (key.Length > CatalogLimits.SpecKeyMaxLength || value.Length > CatalogLimits.SpecValueMaxLength)
            {
                problem = T["spec {0} is too long (key ≤ {1}, value ≤ {2} characters)", ShortText.Quote(key), CatalogLimits.SpecKeyMaxLength, CatalogLimits.SpecValueMaxLength];
                return null;
            }
            if (specs.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                problem = T["spec {0} appears twice", ShortText.Quote(key)];
                return null;
            }
            specs.Add(new(key, value));
        }
        if (specs.Count > CatalogLimits.MaxSpecs)
        {
            problem = T["at most {0} specs per product", CatalogLimits.MaxSpecs];
            return null;
        }
        return specs;
    }
}
