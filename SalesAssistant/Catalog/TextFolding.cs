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

        var decomposed = text.Normalize(NormalizationForm.FormD);
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
}
