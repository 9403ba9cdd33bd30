using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Localization;

namespace SalesAssistant.Features.Insights.Sales;

/// <summary>The till's order-lines file: <c>order_id,sku,quantity,sold_at</c>, one row per product of an order.</summary>
public static class SalesColumns
{
    public const string OrderId = "order_id";
    public const string Sku = "sku";
    public const string Quantity = "quantity";
    public const string SoldAt = "sold_at";

    public static readonly IReadOnlyList<string> All = [OrderId, Sku, Quantity, SoldAt];
}

/// <summary>One row as written in the file, before it is checked.</summary>
public sealed record SalesFileRow(int Line, string OrderId, string Sku, string Quantity, string SoldAt)
{
    /// <summary>ISO 8601 date-times as tills write them; without an offset the time is taken as UTC.</summary>
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
    ];

    public static bool TryParseSoldAt(string value, out DateTimeOffset soldAt) =>
        DateTimeOffset.TryParseExact(value, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out soldAt);

    public static bool TryParseQuantity(string value, out int quantity) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out quantity) && quantity is >= 1 and <= SalesLimits.MaxQuantity;
}

/// <summary>
/// Checks one row on its own; property names are the file's column names so errors name the column. The messages are
/// in <paramref name="text"/>'s language, evaluated when a row is checked (the manager's, in the page's circuit).
/// </summary>
public sealed class SalesFileRowValidator : AbstractValidator<SalesFileRow>
{
    public SalesFileRowValidator(IStringLocalizer<InsightsText> text)
    {
        RuleFor(r => r.OrderId)
            .NotEmpty().WithMessage(_ => text["is required"])
            .MaximumLength(SalesLimits.OrderIdMaxLength).WithMessage(_ => text.Plural("is longer than {0} characters", SalesLimits.OrderIdMaxLength))
            .OverridePropertyName(SalesColumns.OrderId);
        RuleFor(r => r.Sku)
            .NotEmpty().WithMessage(_ => text["is required"])
            .MaximumLength(CatalogLimits.SkuMaxLength).WithMessage(_ => text.Plural("is longer than {0} characters", CatalogLimits.SkuMaxLength))
            .OverridePropertyName(SalesColumns.Sku);
        RuleFor(r => r.Quantity)
            .Must(q => SalesFileRow.TryParseQuantity(q, out _))
            .WithMessage(r => text["{0} is not a whole number from 1 to {1}", ShortText.Quote(r.Quantity), SalesLimits.MaxQuantity])
            .OverridePropertyName(SalesColumns.Quantity);
        RuleFor(r => r.SoldAt)
            .Must(s => SalesFileRow.TryParseSoldAt(s, out _))
            .WithMessage(r => text["{0} is not an ISO 8601 date-time such as 2026-11-02T14:30:00Z", ShortText.Quote(r.SoldAt)])
            .OverridePropertyName(SalesColumns.SoldAt);
    }
}

/// <summary>A checked order, its lines merged by product (a till may list a product twice).</summary>
public sealed record SalesFileOrder(string OrderId, DateTimeOffset SoldAt, IReadOnlyDictionary<string, int> QuantityBySku, int FirstLine);

public sealed record SalesReadResult(string FileName, IReadOnlyList<SalesFileOrder> Orders, int LineCount, IReadOnlyList<Catalog.File.CatalogFileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
