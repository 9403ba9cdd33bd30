namespace SalesAssistant.Catalog;

/// <summary>EAN-8 and EAN-13 article numbers (GS1 check digit).</summary>
public static class Ean
{
    public static bool HasValidLength(string value) =>
        value.Length is 8 or 13 && value.All(char.IsAsciiDigit);

    public static bool IsValid(string value) =>
        HasValidLength(value) && value[^1] - '0' == CheckDigit(value.AsSpan(0, value.Length - 1));

    /// <summary>The check digit for the digits before it: weights 3 and 1 alternate from the rightmost digit.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = (digits.Length - i) % 2 == 1 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }
}
