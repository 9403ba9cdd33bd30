using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;

namespace SalesAssistant.Catalog;

/// <summary>
/// Full-text product search over <see cref="Product.SearchText"/>: on SQLite the <c>ProductsFts</c> index (FTS5, created
/// by the ProductFullTextSearch migration and kept in sync by triggers), on PostgreSQL the generated tsvector column
/// <c>"SearchVector"</c> with its GIN index (that provider's ProductFullTextSearch migration). Both split the folded
/// text into runs of letters and digits, so the same words match on both.
/// </summary>
public static class ProductQueries
{
    private const int MaxTermLength = 100;
    private const int MaxWords = 8;

    /// <summary>
    /// The FTS5 query for what a person typed: every word must match as a prefix (<c>caf cre</c> finds
    /// <c>Caffè Crema</c>), folded like <see cref="Product.SearchText"/>; a word made of several tokens
    /// (<c>toast-4</c>) must match them in that order. Null when nothing searchable was typed.
    /// Built from letters and digits only, so no input can change the query's syntax.
    /// </summary>
    public static string? FullTextQuery(string? term) => Render(term, tokens => "\"" + string.Join(' ', tokens) + "\"*", " AND ");

    /// <summary>
    /// The same query as <see cref="FullTextQuery"/> for PostgreSQL's <c>to_tsquery</c>: every word a prefix
    /// (<c>'caf':* &amp; 'cre':*</c>), a word of several tokens a phrase whose last token is a prefix
    /// (<c>'toast' &lt;-&gt; '4':*</c>). Letters and digits only, so no input can change the query's syntax.
    /// </summary>
    public static string? PostgresTextQuery(string? term) =>
        Render(term, tokens => string.Join(" <-> ", tokens.Select((token, i) => i == tokens.Count - 1 ? $"'{token}':*" : $"'{token}'")), " & ");

    private static string? Render(string? term, Func<List<string>, string> phrase, string and)
    {
        var folded = TextFolding.Fold(term is null ? null : ShortText.Cut(term, MaxTermLength));
        var phrases = folded
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(Tokens)
            .Where(tokens => tokens.Count > 0)
            .Select(phrase)
            .Distinct()
            .Take(MaxWords)
            .ToList();
        return phrases.Count == 0 ? null : string.Join(and, phrases);
    }

    /// <summary>Products whose name, brand, SKU or EAN match every word of <paramref name="term"/> (see <see cref="FullTextQuery"/>); none when nothing searchable was typed.</summary>
    public static IQueryable<Product> MatchingAll(this IQueryable<Product> products, SalesDb db, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return products;
        }
        var postgres = db.Database.IsNpgsql();
        var query = postgres ? PostgresTextQuery(term) : FullTextQuery(term);
        if (query is null)
        {
            return products.Where(_ => false);
        }
        var matches = postgres
            ? db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Products" WHERE "SearchVector" @@ to_tsquery('sales_search', {query})""")
            : db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ProductsFts" WHERE "ProductsFts" MATCH {query}""");
        return products.Where(p => matches.Contains(p.Id));
    }

    /// <summary>The tokens of a word as FTS5's unicode61 tokenizer sees them: runs of letters and digits.</summary>
    private static List<string> Tokens(string word)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(c);
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }
        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
        }
        return tokens;
    }
}
