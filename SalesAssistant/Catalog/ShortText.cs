using System.Globalization;
using FluentValidation;

namespace SalesAssistant.Catalog;

/// <summary>Cutting and quoting text that people typed or files brought, without breaking a character apart.</summary>
public static class ShortText
{
    /// <summary>How much of a bad value a message quotes.</summary>
    public const int QuotedLength = 60;

    /// <summary>
    /// The longest start of <paramref name="text"/> of at most <paramref name="maxLength"/> UTF-16 units that ends on a
    /// text-element boundary: an emoji, a letter with its accents or a flag is kept whole or left out whole.
    /// </summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var length = 0;
        while (length < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, length);
            if (length + next > maxLength)
            {
                break;
            }
            length += next;
        }
        return text[..length];
    }

    /// <summary><c>'value'</c> for a message, with at most <see cref="QuotedLength"/> characters of it and "…" when there is more.</summary>
    public static string Quote(string? value) =>
        value is null ? "''" : value.Length <= QuotedLength ? $"'{value}'" : $"'{Cut(value, QuotedLength)}…'";

    /// <summary>The first control character (NUL, tab, line break…) of <paramref name="text"/>, if any.</summary>
    public static char? FirstControlCharacter(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var index = text.AsSpan().IndexOfAnyInRange('\0', '\x1f');
        if (index < 0)
        {
            index = text.AsSpan().IndexOfAnyInRange('\x7f', '\x9f');
        }
        return index < 0 ? null : text[index];
    }

    /// <summary>A catalog or till file's message for a control character, in the current language.</summary>
    public static string DescribeControlCharacter(char c) =>
        CatalogText.Current["contains a control character (U+{0}); remove it", CodePoint(c)];

    /// <summary>A form's rule: refuses text holding a control character (a NUL, a tab or a line break pasted into a name).</summary>
    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule) where TText : class? =>
        rule.Must(text => FirstControlCharacter(text as string) is null)
            .WithMessage((_, text) => FormMessage(FirstControlCharacter(text as string)!.Value));

    /// <summary>The form's message for a control character, in the current language.</summary>
    public static string FormMessage(char c) =>
        CatalogText.Current["Remove the invisible control character (U+{0}) that came in with the text.", CodePoint(c)];

    private static string CodePoint(char c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
