namespace SalesAssistant.Catalog;

public static class ProductQueries
{
    private const int MaxTermLength = 100;
    private const int MaxWords = 8;

    /// <summary>The search words of <paramref name="term"/>: folded like <see cref="Product.SearchText"/>, bounded in length and count.</summary>
    public static IReadOnlyList<string> SearchWords(string? term) =>
        TextFolding.Fold(term?.Length > MaxTermLength ? term[..MaxTermLength] : term)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .Take(MaxWords)
            .ToList();

    /// <summary>Products whose name, brand, SKU or EAN contain every word, accent- and case-insensitively, in SQL.</summary>
    public static IQueryable<Product> MatchingAll(this IQueryable<Product> products, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            products = products.Where(p => p.SearchText.Contains(word));
        }
        return products;
    }
}
