using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog;

/// <summary>
/// Categories and families by name, ignoring case as the catalog file does, within one change: the existing one, or a
/// new one added with the product that names it. Each list is read once, on first use (a file names the same few
/// categories and families again and again).
/// </summary>
public sealed class CatalogNames(SalesDb db)
{
    private Dictionary<string, Category>? categories;
    private Dictionary<string, Family>? families;

    public async Task<Category> CategoryAsync(string name, CancellationToken ct)
    {
        categories ??= await db.Categories.ToDictionaryAsync(c => c.Name, StringComparer.OrdinalIgnoreCase, ct);
        return categories.TryGetValue(name, out var category) ? category : categories[name] = new Category { Name = name };
    }

    public async Task<Family> FamilyAsync(string name, CancellationToken ct)
    {
        families ??= await db.Families.ToDictionaryAsync(f => f.Name, StringComparer.OrdinalIgnoreCase, ct);
        return families.TryGetValue(name, out var family) ? family : families[name] = new Family { Name = name };
    }
}
