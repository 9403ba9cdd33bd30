using FluentValidation;
using Microsoft.Extensions.Localization;
using SalesAssistant.Localization;

namespace SalesAssistant.Catalog.File;

/// <summary>
/// The per-row rules of the catalog file contract. Rules that span rows (uniqueness, accessory SKUs) live in <see cref="CatalogRowChecker"/>.
/// Messages are read when a row is validated, in the current language (<see cref="CatalogText.Current"/>); the column
/// a message belongs to stays the file's own English column name.
/// </summary>
public sealed class CatalogFileRowValidator : AbstractValidator<CatalogFileRow>
{
    private static IStringLocalizer<CatalogText> T => CatalogText.Current;

    public CatalogFileRowValidator()
    {
        RuleFor(r => r.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required"])
            .Matches(CatalogFields.SkuPattern()).WithMessage(r => T["{0} must be 1–64 characters of A–Z, a–z, 0–9, '-', '_' or '.'", ShortText.Quote(r.Sku)])
            .OverridePropertyName(CatalogColumns.Sku);

        RuleFor(r => r.Ean!).Cascade(CascadeMode.Stop)
            .Must(Ean.HasValidLength).WithMessage(r => T["{0} must be 8 or 13 digits", ShortText.Quote(r.Ean)])
            .Must(Ean.IsValid).WithMessage(r => T["{0} has a wrong check digit", ShortText.Quote(r.Ean)])
            .When(r => !string.IsNullOrEmpty(r.Ean))
            .OverridePropertyName(CatalogColumns.Ean);

        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required"])
            .MaximumLength(CatalogLimits.NameMaxLength).WithMessage(_ => AtMost(CatalogLimits.NameMaxLength))
            .OverridePropertyName(CatalogColumns.Name);

        RuleFor(r => r.Brand)
            .MaximumLength(CatalogLimits.BrandMaxLength).WithMessage(_ => AtMost(CatalogLimits.BrandMaxLength))
            .OverridePropertyName(CatalogColumns.Brand);

        RuleFor(r => r.Category).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required"])
            .MaximumLength(CatalogLimits.CategoryMaxLength).WithMessage(_ => AtMost(CatalogLimits.CategoryMaxLength))
            .OverridePropertyName(CatalogColumns.Category);

        RuleFor(r => r.Price).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required"])
            .Must(p => CatalogFields.TryParsePrice(p, out _)).WithMessage(r => CatalogFields.DescribePriceProblem(r.Price!))
            .OverridePropertyName(CatalogColumns.Price);

        RuleFor(r => r.Stock).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required"])
            .Must(s => CatalogFields.TryParseStock(s, out _)).WithMessage(r => T["{0} must be a whole number, 0 or more", ShortText.Quote(r.Stock)])
            .OverridePropertyName(CatalogColumns.Stock);

        RuleFor(r => r.Family)
            .MaximumLength(CatalogLimits.FamilyMaxLength).WithMessage(_ => AtMost(CatalogLimits.FamilyMaxLength))
            .OverridePropertyName(CatalogColumns.Family);

        RuleFor(r => r.Tier).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => T["is required when 'family' is given"])
            .Must(t => CatalogFields.TryParseTier(t, out _)).WithMessage(r => T["{0} must be a whole number, 1 or more", ShortText.Quote(r.Tier)])
            .When(r => !string.IsNullOrEmpty(r.Family))
            .OverridePropertyName(CatalogColumns.Tier);

        RuleFor(r => r.Tier)
            .Empty().WithMessage(_ => T["is given but 'family' is empty: a tier ranks a product within its family"])
            .When(r => string.IsNullOrEmpty(r.Family))
            .OverridePropertyName(CatalogColumns.Tier);

        RuleFor(r => r.Accessories)
            .Must(a => CatalogFields.SplitList(a).All(s => s.Length > 0)).WithMessage(_ => T["has an empty entry between '|' separators"])
            .Must(a => CatalogFields.SplitList(a).Count <= CatalogLimits.MaxAccessories).WithMessage(_ => T["at most {0} accessories per product", CatalogLimits.MaxAccessories])
            .Must((r, a) => !CatalogFields.SplitList(a).Contains(r.Sku, StringComparer.OrdinalIgnoreCase)).WithMessage(_ => T["lists the product itself"])
            .Must(a => CatalogFields.SplitList(a).Distinct(StringComparer.OrdinalIgnoreCase).Count() == CatalogFields.SplitList(a).Count).WithMessage(_ => T["lists the same SKU twice"])
            .OverridePropertyName(CatalogColumns.Accessories);

        RuleFor(r => r.TalkingPoints)
            .Must(t => CatalogFields.SplitList(t).Count <= CatalogLimits.MaxTalkingPoints)
            .WithMessage(r => T.Plural("has {0} talking points; at most {1} are allowed", CatalogFields.SplitList(r.TalkingPoints).Count, CatalogLimits.MaxTalkingPoints))
            .Must(t => CatalogFields.SplitList(t).All(p => p.Length is > 0 and <= CatalogLimits.TalkingPointMaxLength))
            .WithMessage(_ => T["each talking point must be 1–{0} characters", CatalogLimits.TalkingPointMaxLength])
            .OverridePropertyName(CatalogColumns.TalkingPoints);

        RuleFor(r => r.Specs)
            .Must(s => CatalogFields.ParseSpecs(s, out _) is not null).WithMessage(r => { CatalogFields.ParseSpecs(r.Specs, out var problem); return problem!; })
            .OverridePropertyName(CatalogColumns.Specs);
    }

    private static string AtMost(int characters) => T["must be at most {0} characters", characters];
}
