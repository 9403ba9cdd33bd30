namespace SalesAssistant.Features.Insights.Sales;

public static class SalesLimits
{
    public const int OrderIdMaxLength = 64;
    public const int MaxQuantity = 9_999;
}
