using Microsoft.Extensions.Localization;
using SalesAssistant.Data;
using SalesAssistant.Localization;

namespace SalesAssistant.Features.Manage;

/// <summary>The texts of the manager's back office: products, families, talking points, import, staff. Resources: ManageText.resx (English, the neutral language) and ManageText.{it,pl,nl}.resx.</summary>
public sealed class ManageText
{
    /// <summary>
    /// The same resources for a service built without the container (a test, the load tool): they follow
    /// <c>CultureInfo.CurrentUICulture</c> as the injected localizer does.
    /// </summary>
    public static IStringLocalizer<ManageText> Standalone { get; } = StandaloneText.For<ManageText>();
}

public static class ManageTexts
{
    /// <summary>Stands for the place of a link (or any markup) in a text that <see cref="Around"/> splits.</summary>
    public const string Slot = "\uE000";

    /// <summary>Why a change was not saved, in the current language: the service's reason, or that the thing is gone.</summary>
    public static string WhyNotSaved(this IStringLocalizer<ManageText> L, ChangeResult result) =>
        result.Outcome == ChangeOutcome.NotFound ? L["It no longer exists."] : result.Message ?? L["Not saved."];

    /// <summary>
    /// A translated sentence with markup in one place (a link, a highlighted number): the words before and after the
    /// argument given as <see cref="Slot"/>, so translators can put the link wherever their language needs it.
    /// </summary>
    public static (string Before, string After) Around(this LocalizedString text)
    {
        var at = text.Value.IndexOf(Slot, StringComparison.Ordinal);
        return at < 0 ? (text.Value, "") : (text.Value[..at], text.Value[(at + Slot.Length)..]);
    }
}
