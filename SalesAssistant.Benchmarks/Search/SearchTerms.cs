using Microsoft.EntityFrameworkCore;
using SalesAssistant.Benchmarks.Support;

namespace SalesAssistant.Benchmarks.Search;

/// <summary>
/// What clerks type, drawn (seeded) from the catalog itself: the first letters of a word as typing goes on,
/// a brand and the start of a model name, whole names, SKUs and EANs (scanned). The same list in the same order
/// for every method of a run, so their figures compare query for query.
/// </summary>
public static class SearchTerms
{
    public static async Task<IReadOnlyList<string>> FromCatalogAsync(BenchmarkDatabase database, int count, int seed = 7)
    {
        await using var db = await database.CreateDbContextAsync();
        var maxId = await db.Products.MaxAsync(p => p.Id);
        var random = new Random(seed);
        var ids = Enumerable.Range(0, count).Select(_ => random.Next(1, maxId + 1)).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Ean, p.Name, p.Brand }).ToDictionaryAsync(p => p.Id);

        var terms = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (!products.TryGetValue(ids[i], out var p))
            {
                continue;
            }
            var words = p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var word = words[random.Next(words.Length)];
            terms.Add((i % 8) switch
            {
                0 => word[..Math.Min(word.Length, 2)],                                     // two letters typed
                1 => word[..Math.Min(word.Length, 4)],                                     // four letters
                2 => $"{p.Brand} {words[^1][..Math.Min(words[^1].Length, 3)]}".Trim(),     // brand + start of model
                3 => p.Name,                                                               // the whole name
                4 => p.Sku,                                                                // typed SKU
                5 => p.Ean ?? p.Sku,                                                       // scanned barcode
                6 => string.Join(' ', words.Take(2).Select(w => w[..Math.Min(w.Length, 3)])), // "caf cre"
                _ => word,                                                                 // one whole word
            });
        }
        return terms;
    }
}
