using System.Text;

namespace SalesAssistant.LoadTool;

/// <summary>Realistic search input from a catalog file: words of product names, and the entry products of families (for up-sell).</summary>
internal sealed record CatalogProduct(string Sku, string Name, string Family, int Tier, bool HasAccessories);

internal static class CatalogWords
{
    public static IReadOnlyList<CatalogProduct> Read(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = SplitCsv(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var (sku, name, family, tier, accessories) = (Col("sku"), Col("name"), Col("family"), Col("tier"), Col("accessories"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv)
            .Where(f => f.Length > Math.Max(name, sku))
            .Select(f => new CatalogProduct(f[sku], f[name], family >= 0 ? f[family] : "",
                tier >= 0 && int.TryParse(f[tier], out var t) ? t : 0, accessories >= 0 && f[accessories].Length > 0))
            .ToList();
    }

    /// <summary>Distinct lower-case words of four letters or more from the product names: what a clerk types.</summary>
    public static IReadOnlyList<string> SearchWords(IEnumerable<CatalogProduct> products) =>
        products.SelectMany(p => p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4 && w.All(char.IsLetter))
            .Select(w => w.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Products that start an up-sell: the first tier of a family, with accessories.</summary>
    public static IReadOnlyList<CatalogProduct> UpsellStarts(IEnumerable<CatalogProduct> products) =>
        products.Where(p => p.Tier == 1 && p.Family.Length > 0 && p.HasAccessories).ToList();

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
