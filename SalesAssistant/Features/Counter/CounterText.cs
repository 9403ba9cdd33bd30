namespace SalesAssistant.Features.Counter;

/// <summary>The texts of the clerk's counter flow. Resources: CounterText.resx (English, the neutral language) and CounterText.{it,pl,nl}.resx.</summary>
public sealed class CounterText;
