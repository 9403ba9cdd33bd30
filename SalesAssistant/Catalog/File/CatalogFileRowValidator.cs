using FluentValidation;

namespace SalesAssistant.Catalog.File;

/// <summary>The per-row rules of the catalog file contract. Rules that span rows (uniqueness, accessory SKUs) live in <see cref="CatalogFileReader"/>.</summary>
public sealed class CatalogFileRowValidator : AbstractValidator<CatalogFileRow>
{
    public CatalogFileRowValidator()
    {
        RuleFor(r => r.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Matches(CatalogFields.SkuPattern()).WithMessage(r => $"{ShortText.Quote(r.Sku)} must be 1–64 characters of A–Z, a–z, 0–9, '-', '_' or '.'")
            .OverridePropertyName(CatalogColumns.Sku);

        RuleFor(r => r.Ean!).Cascade(CascadeMode.Stop)
            .Must(Ean.HasValidLength).WithMessage(r => $"{ShortText.Quote(r.Ean)} must be 8 or 13 digits")
            .Must(Ean.IsValid).WithMessage(r => $"{ShortText.Quote(r.Ean)} has a wrong check digit")
            .When(r => !string.IsNullOrEmpty(r.Ean))
            .OverridePropertyName(CatalogColumns.Ean);

        RuleFor(r => r.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .MaximumLength(CatalogLimits.NameMaxLength).WithMessage($"must be at most {CatalogLimits.NameMaxLength} characters")
            .OverridePropertyName(CatalogColumns.Name);

        RuleFor(r => r.Brand)
            .MaximumLength(CatalogLimits.BrandMaxLength).WithMessage($"must be at most {CatalogLimits.BrandMaxLength} characters")
            .OverridePropertyName(CatalogColumns.Brand);

        RuleFor(r => r.Category).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .MaximumLength(CatalogLimits.CategoryMaxLength).WithMessage($"must be at most {CatalogLimits.CategoryMaxLength} characters")
            .OverridePropertyName(CatalogColumns.Category);

        RuleFor(r => r.Price).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Must(p => CatalogFields.TryParsePrice(p, out _)).WithMessage(r => CatalogFields.DescribePriceProblem(r.Price!))
            .OverridePropertyName(CatalogColumns.Price);

        RuleFor(r => r.Stock).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .Must(s => CatalogFields.TryParseStock(s, out _)).WithMessage(r => $"{ShortText.Quote(r.Stock)} must be a whole number, 0 or more")
            .OverridePropertyName(CatalogColumns.Stock);

        RuleFor(r => r.Family)
            .MaximumLength(CatalogLimits.FamilyMaxLength).WithMessage($"must be at most {CatalogLimits.FamilyMaxLength} characters")
            .OverridePropertyName(CatalogColumns.Family);

        RuleFor(r => r.Tier).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required when 'family' is given")
            .Must(t => CatalogFields.TryParseTier(t, out _)).WithMessage(r => $"{ShortText.Quote(r.Tier)} must be a whole number, 1 or more")
            .When(r => !string.IsNullOrEmpty(r.Family))
            .OverridePropertyName(CatalogColumns.Tier);

        RuleFor(r => r.Tier)
            .Empty().WithMessage("is given but 'family' is empty: a tier ranks a product within its family")
            .When(r => string.IsNullOrEmpty(r.Family))
            .OverridePropertyName(CatalogColumns.Tier);

        RuleFor(r => r.Accessories)
            .Must(a => CatalogFields.SplitList(a).All(s => s.Length > 0)).WithMessage("has an empty entry between '|' separators")
            .Must(a => CatalogFields.SplitList(a).Count <= CatalogLimits.MaxAccessories).WithMessage($"at most {CatalogLimits.MaxAccessories} accessories per product")
            .Must((r, a) => !CatalogFields.SplitList(a).Contains(r.Sku, StringComparer.OrdinalIgnoreCase)).WithMessage("lists the product itself")
            .Must(a => CatalogFields.SplitList(a).Distinct(StringComparer.OrdinalIgnoreCase).Count() == CatalogFields.SplitList(a).Count).WithMessage("lists the same SKU twice")
            .OverridePropertyName(CatalogColumns.Accessories);

        RuleFor(r => r.TalkingPoints)
            .Must(t => CatalogFields.SplitList(t).Count <= CatalogLimits.MaxTalkingPoints).WithMessage(r => $"has {CatalogFields.SplitList(r.TalkingPoints).Count} talking points; at most {CatalogLimits.MaxTalkingPoints} are allowed")
            .Must(t => CatalogFields.SplitList(t).All(p => p.Length is > 0 and <= CatalogLimits.TalkingPointMaxLength)).WithMessage($"each talking point must be 1–{CatalogLimits.TalkingPointMaxLength} characters")
            .OverridePropertyName(CatalogColumns.TalkingPoints);

        RuleFor(r => r.Specs)
            .Must(s => CatalogFields.ParseSpecs(s, out _) is not null).WithMessage(r => { CatalogFields.ParseSpecs(r.Specs, out var problem); return problem!; })
            .OverridePropertyName(CatalogColumns.Specs);
    }
}
