using FluentValidation;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.TalkingPoints;

public sealed class TalkingPointValidator : AbstractValidator<TalkingPointModel>
{
    public TalkingPointValidator(TimeProvider clock)
    {
        RuleFor(m => m.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write what the customer gains.")
            .NoControlCharacters()
            .Must(t => t.Trim().Length <= CatalogLimits.TalkingPointMaxLength).WithMessage($"Keep it to one breath: at most {CatalogLimits.TalkingPointMaxLength} characters.")
            .Must(t => !t.Contains(CatalogColumns.ListSeparator)).WithMessage("The character '|' cannot be used: it separates talking points in the catalog file.");

        RuleFor(m => m.ReviewBy)
            .Must(d => d is null || d.Value.Date > clock.GetUtcNow().UtcDateTime.Date).WithMessage("The review date must be in the future.")
            .Must(d => d is null || d.Value.Date <= clock.GetUtcNow().UtcDateTime.Date.AddYears(2)).WithMessage("Review advice at least every two years.");
    }
}
