namespace SalesAssistant.Store;

/// <summary>The store's currency and culture (configuration section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>ISO 4217 code of the currency prices are in, e.g. <c>EUR</c>.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The store's language (<c>en</c>, <c>it</c>, <c>pl</c>, <c>nl</c>): the sign-in page's and every user's who has not chosen one.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Culture used to format numbers and money, e.g. <c>en-IE</c>.</summary>
    public string Culture { get; set; } = "en-IE";
}
