using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Catalog.File;

/// <summary>
/// Checks the rows of one catalog file as they come: the per-row rules (<see cref="CatalogFileRowValidator"/>) and the
/// rules that span rows (unique SKU, EAN and family tier; accessories naming SKUs of the file). It keeps only the keys
/// those rules need, not the rows, so a file can be checked while it streams by.
/// </summary>
internal sealed class CatalogRowChecker(IReadOnlySet<string>? otherKnownSkus = null)
{
    private static readonly CatalogFileRowValidator RowValidator = new();

    private static IStringLocalizer<CatalogText> T => CatalogText.Current;

    private readonly Dictionary<string, SkuSeen> skus = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> firstLineOfNumericEan = [];
    private readonly Dictionary<string, int> firstLineOfOtherEan = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> familyNumbers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(int Family, int Tier), int> firstLineOfTier = [];

    /// <summary>Accessory SKUs not seen yet when their row was checked; they may still come later in the file.</summary>
    private readonly List<(int Line, string[] Skus)> pendingAccessories = [];

    public int RowCount { get; private set; }

    /// <summary>
    /// The id each SKU gets when a valid file is loaded into an empty database in file order: 1 for the first row,
    /// 2 for the second... Matched ignoring case.
    /// </summary>
    public IReadOnlyDictionary<string, int> ProductIds => new SkuIds(skus);

    public void Check(CatalogFileRow row, List<CatalogFileError> errors)
    {
        RowCount++;
        if (CatalogFields.FieldProblems(row) is { Count: > 0 } fieldProblems)
        {
            // A field longer than any valid one, or holding a control character, is named alone: no other rule runs on the row.
            errors.AddRange(fieldProblems);
            return;
        }
        foreach (var failure in RowValidator.Validate(row).Errors)
        {
            errors.Add(new CatalogFileError(row.Line, failure.PropertyName, failure.ErrorMessage));
        }

        if (!string.IsNullOrEmpty(row.Sku) && !skus.TryAdd(row.Sku, new SkuSeen(row.Line, RowCount)))
        {
            errors.Add(new CatalogFileError(row.Line, CatalogColumns.Sku, T["{0} is already used on line {1}", ShortText.Quote(row.Sku), skus[row.Sku].Line]));
        }
        if (!string.IsNullOrEmpty(row.Ean) && FirstLineOfEan(row.Ean, row.Line) is { } eanLine)
        {
            errors.Add(new CatalogFileError(row.Line, CatalogColumns.Ean, T["{0} is already used on line {1}", ShortText.Quote(row.Ean), eanLine]));
        }
        if (!string.IsNullOrEmpty(row.Family) && CatalogFields.TryParseTier(row.Tier, out var tier))
        {
            if (!familyNumbers.TryGetValue(row.Family, out var family))
            {
                family = familyNumbers.Count;
                familyNumbers.Add(row.Family, family);
            }
            if (!firstLineOfTier.TryAdd((family, tier), row.Line))
            {
                errors.Add(new CatalogFileError(row.Line, CatalogColumns.Tier, T["tier {0} of family {1} is already used on line {2}", tier, ShortText.Quote(row.Family), firstLineOfTier[(family, tier)]]));
            }
        }

        var notSeenYet = CatalogFields.SplitList(row.Accessories).Where(s => s.Length > 0 && !IsKnown(s)).ToArray();
        if (notSeenYet.Length > 0)
        {
            pendingAccessories.Add((row.Line, notSeenYet));
        }
    }

    /// <summary>After the last row: reports accessories that name no SKU of the file (or of the catalog, on import).</summary>
    public void Finish(List<CatalogFileError> errors)
    {
        // Two whole sentences, not a sentence with a translated piece put in: each language words them its own way.
        var message = otherKnownSkus is null
            ? "unknown SKUs {1}: every accessory must be a product of the file"
            : "unknown SKUs {1}: every accessory must be a product of the file or of the catalog";
        foreach (var (line, pending) in pendingAccessories)
        {
            var unknown = pending.Where(s => !IsKnown(s)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new CatalogFileError(line, CatalogColumns.Accessories, T.Plural(message, unknown.Count, string.Join(", ", unknown.Select(ShortText.Quote)))));
            }
        }
        pendingAccessories.Clear();
    }

    private bool IsKnown(string sku) => skus.ContainsKey(sku) || otherKnownSkus?.Contains(sku) == true;

    /// <summary>Records the EAN; returns the line it was first used on when it is a repeat. Digit EANs are kept as numbers to save memory.</summary>
    private int? FirstLineOfEan(string ean, int line)
    {
        if (ean.Length <= 13 && ean.All(char.IsAsciiDigit))
        {
            // The length is part of the key: "00012345" and "0000000012345" are different EANs.
            var key = long.Parse(ean, NumberStyles.None, CultureInfo.InvariantCulture) | ((long)ean.Length << 48);
            return firstLineOfNumericEan.TryAdd(key, line) ? null : firstLineOfNumericEan[key];
        }
        return firstLineOfOtherEan.TryAdd(ean, line) ? null : firstLineOfOtherEan[ean];
    }

    private readonly record struct SkuSeen(int Line, int Id);

    private sealed class SkuIds(Dictionary<string, SkuSeen> skus) : IReadOnlyDictionary<string, int>
    {
        public int this[string key] => skus[key].Id;
        public IEnumerable<string> Keys => skus.Keys;
        public IEnumerable<int> Values => skus.Values.Select(s => s.Id);
        public int Count => skus.Count;
        public bool ContainsKey(string key) => skus.ContainsKey(key);

        public bool TryGetValue(string key, out int value)
        {
            var found = skus.TryGetValue(key, out var seen);
            value = seen.Id;
            return found;
        }

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator() =>
            skus.Select(s => KeyValuePair.Create(s.Key, s.Value.Id)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
