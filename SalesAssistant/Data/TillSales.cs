using SalesAssistant.Catalog;

namespace SalesAssistant.Data;

/// <summary>A past sale imported from the store's till: one basket for "frequently bought together".</summary>
public sealed class SaleOrder
{
    public int Id { get; set; }

    /// <summary>The till's order id; an order already imported is never counted twice.</summary>
    public required string OrderNumber { get; set; }
    public DateTimeOffset SoldAt { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Generated demo history, never a real sale.</summary>
    public bool IsDemo { get; set; }
    public List<SaleLine> Lines { get; set; } = [];
}

public sealed class SaleLine
{
    public int Id { get; set; }
    public int SaleOrderId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int Quantity { get; set; }
}

/// <summary>The limits of the till sales file contract (README, "Till sales file"), shared by the reader and the database.</summary>
public static class SalesLimits
{
    public const int OrderIdMaxLength = 64;
    public const int MaxQuantity = 9_999;
}
