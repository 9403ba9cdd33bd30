namespace SalesAssistant.Features.Insights.Dashboard;

/// <summary>Which groups of figures a breakdown table shows.</summary>
[Flags]
public enum TallyColumns
{
    Upsell = 1,
    Accessories = 2,
    Basket = 4,
    All = Upsell | Accessories | Basket,
}
