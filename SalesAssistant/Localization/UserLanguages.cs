using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Localization;

/// <summary>The language saved on a staff account: it follows the user to every device they sign in on.</summary>
public sealed class UserLanguages(IDbContextFactory<SalesDb> dbFactory)
{
    public async Task SaveAsync(string userId, string language, CancellationToken ct = default)
    {
        var code = Languages.Normalize(language) ?? throw new ArgumentException($"'{language}' is not a language of the app.", nameof(language));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, code), ct);
    }
}
