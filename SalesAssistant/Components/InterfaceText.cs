namespace SalesAssistant.Components;

/// <summary>The texts of the app's frame: layout, app bar, language menu, error, not-found and reconnect texts, the words shared by every page. Resources: InterfaceText.resx (English, the neutral language) and InterfaceText.{it,pl,nl}.resx.</summary>
public sealed class InterfaceText;
