using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace SalesAssistant.Features.Counter;

/// <summary>
/// How often the words of the catalog occur, as PostgreSQL's own statistics of the full-text column know them
/// (<c>pg_stats.most_common_elems</c> of <c>"SearchVector"</c>, kept by ANALYZE and autovacuum): the share of products
/// whose search text has each of the most common words. <see cref="ProductSearch"/> uses it to leave the most common
/// words of a search out of the index look-up (see <see cref="IndexedWords"/>).
/// </summary>
public sealed class SearchWordFrequencies
{
    /// <summary>
    /// A product checked against the whole search costs about ten times one entry of the index's posting lists
    /// (measured at 1M products: ~1–2 µs to fetch and check a row, ~0.1–0.2 µs to add a posting to the bitmap).
    /// </summary>
    private const double CheckedRowToPostingCost = 10;

    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (SearchWordFrequencies? Frequencies, long ReadAt)> ByDatabase = new();

    private readonly string[] words;
    private readonly float[] shares;

    /// <summary>The share assumed for a word not among the most common ones: half the least common one's, as PostgreSQL's planner assumes.</summary>
    private readonly double rareShare;

    public SearchWordFrequencies(IReadOnlyList<string> words, IReadOnlyList<float> shares, double rareShare)
    {
        var order = Enumerable.Range(0, words.Count).OrderBy(i => words[i], StringComparer.Ordinal).ToArray();
        this.words = order.Select(i => words[i]).ToArray();
        this.shares = order.Select(i => shares[i]).ToArray();
        this.rareShare = rareShare;
    }

    /// <summary>
    /// The words of a search the full-text index looks up; the others are only checked on the products it finds. A GIN
    /// index cannot stop at the first matches: it reads the whole posting list of every word it looks up (of every word
    /// that starts with it, for a prefix), so a word on a fifth of the catalog (a tier name like "Pro") costs more than
    /// checking it on the few products the rarer words find. The rarest word is always looked up, and every other word
    /// at most <see cref="CheckedRowToPostingCost"/> times as common: a more common one costs more to look up than it can
    /// save in products to check (at most those the rarest word finds; words of a name often come together, like a brand's
    /// two words, so no more is counted on). Whatever is chosen, the results are the same.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> IndexedWords(IReadOnlyList<IReadOnlyList<string>> searchWords)
    {
        if (searchWords.Count < 2)
        {
            return searchWords;
        }
        var rarest = searchWords.Min(ShareOf);
        return searchWords.Where(word => ShareOf(word) <= CheckedRowToPostingCost * rarest).ToList();
    }

    /// <summary>The share of products with a word made of these tokens, the last one a prefix: that of its rarest token.</summary>
    private double ShareOf(IReadOnlyList<string> tokens) => tokens.Select((token, i) => ShareOf(token, prefix: i == tokens.Count - 1)).Min();

    private double ShareOf(string token, bool prefix)
    {
        var first = Array.BinarySearch(words, token, StringComparer.Ordinal);
        if (!prefix)
        {
            return first >= 0 ? shares[first] : rareShare;
        }
        // Every common word that starts with the token (they sort together, from the token on).
        var sum = 0.0;
        for (var i = first >= 0 ? first : ~first; i < words.Length && words[i].StartsWith(token, StringComparison.Ordinal); i++)
        {
            sum += shares[i];
        }
        return Math.Max(sum, rareShare);
    }

    /// <summary>
    /// The statistics of the database <paramref name="connection"/> is open on, read at most every ten minutes; null while
    /// there are none (before the first ANALYZE of a new catalog).
    /// </summary>
    public static async Task<SearchWordFrequencies?> OfAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var key = connection.ConnectionString;
        if (ByDatabase.TryGetValue(key, out var known) && Stopwatch.GetElapsedTime(known.ReadAt) < Refresh)
        {
            return known.Frequencies;
        }
        var frequencies = await ReadAsync(connection, ct);
        ByDatabase[key] = (frequencies, Stopwatch.GetTimestamp());
        return frequencies;
    }

    private static async Task<SearchWordFrequencies?> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'Products' AND attname = 'SearchVector'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0) || reader.IsDBNull(1))
        {
            return null;
        }
        var words = reader.GetFieldValue<string[]>(0);
        // After the words' shares come the least and the greatest of them, then the share of empty values.
        var shares = reader.GetFieldValue<float[]>(1);
        return words.Length == 0 || shares.Length < words.Length + 1 ? null : new SearchWordFrequencies(words, shares[..words.Length], shares[words.Length] / 2.0);
    }
}
