namespace SalesAssistant.Features.Manage;

/// <summary>The texts of the manager's back office: products, families, talking points, import, staff. Resources: ManageText.resx (English, the neutral language) and ManageText.{it,pl,nl}.resx.</summary>
public sealed class ManageText;
