using System.Globalization;
using System.Text;

namespace SalesAssistant.Catalog;

/// <summary>Folds text for accent- and case-insensitive matching of Latin script (<c>Caffè</c> → <c>caffe</c>).</summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // A lone surrogate (half an emoji, from a modified client) would make Normalize throw: it becomes U+FFFD.
        var decomposed = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    private static string WithoutLoneSurrogates(string text) =>
        text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
