namespace SalesAssistant.Features.AbTests;

/// <summary>The texts of the A/B tests of talking points. Resources: AbTestText.resx (English, the neutral language) and AbTestText.{it,pl,nl}.resx.</summary>
public sealed class AbTestText;
