using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SalesAssistant.Localization;

public static class PluralText
{
    /// <summary>
    /// The form of <paramref name="key"/> that <paramref name="count"/> takes in the current language (CLDR rules):
    /// the resource <c>"{0} products|one"</c>, <c>"|few"</c>, <c>"|many"</c> or <c>"|other"</c>, with <c>{0}</c> the count
    /// formatted in the current culture and <c>{1}</c>… the other arguments. A missing form falls back to <c>|other</c>.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        object[] all = [count, .. arguments];
        var form = localizer[PluralRules.KeyOf(key, PluralRules.Of(culture, count)), all];
        return form.ResourceNotFound ? localizer[PluralRules.KeyOf(key, PluralCategory.Other), all] : form;
    }
}
