using FluentValidation;
using Microsoft.Extensions.Localization;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.TalkingPoints;

public sealed class TalkingPointValidator : AbstractValidator<TalkingPointModel>
{
    public TalkingPointValidator(TimeProvider clock, IStringLocalizer<ManageText> L)
    {
        RuleFor(m => m.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => L["Write what the customer gains."])
            .NoControlCharacters()
            .Must(t => t.Trim().Length <= CatalogLimits.TalkingPointMaxLength).WithMessage(_ => L["Keep it to one breath: at most {0} characters.", CatalogLimits.TalkingPointMaxLength])
            .Must(t => !t.Contains(CatalogColumns.ListSeparator))
            .WithMessage(_ => L["The character '{0}' cannot be used: it separates talking points in the catalog file.", CatalogColumns.ListSeparator]);

        RuleFor(m => m.ReviewBy)
            .Must(d => d is null || d.Value.Date > clock.GetUtcNow().UtcDateTime.Date).WithMessage(_ => L["The review date must be in the future."])
            .Must(d => d is null || d.Value.Date <= clock.GetUtcNow().UtcDateTime.Date.AddYears(2)).WithMessage(_ => L["Review advice at least every two years."]);
    }
}
