using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SalesAssistant.Localization;

/// <summary>MudBlazor's own texts (pager, date picker, "No matching records") in the current language; a key we do not translate falls back to MudBlazor's English.</summary>
public sealed class MudBlazorTexts(IStringLocalizer<MudBlazorTexts> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];

    public override LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];
}
