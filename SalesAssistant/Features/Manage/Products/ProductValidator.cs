using FluentValidation;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.Products;

/// <summary>The catalog file's rules for one product, for the form and for the service that saves it.</summary>
public sealed class ProductValidator : AbstractValidator<ProductModel>
{
    public ProductValidator()
    {
        RuleFor(m => m.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the SKU.")
            .Matches(CatalogFields.SkuPattern()).WithMessage("1–64 characters of A–Z, a–z, 0–9, '-', '_' or '.'.");
        RuleFor(m => m.Ean).NoControlCharacters();
        RuleFor(m => m.Ean!).Cascade(CascadeMode.Stop)
            .Must(Ean.HasValidLength).WithMessage("An EAN has 8 or 13 digits.")
            .Must(Ean.IsValid).WithMessage("The check digit is wrong: check the number on the barcode.")
            .When(m => !string.IsNullOrWhiteSpace(m.Ean));
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the product's name.")
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.NameMaxLength).WithMessage($"At most {CatalogLimits.NameMaxLength} characters.");
        RuleFor(m => m.Brand).Cascade(CascadeMode.Stop)
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.BrandMaxLength).WithMessage($"At most {CatalogLimits.BrandMaxLength} characters.");
        RuleFor(m => m.Category).Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Give the category.")
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.CategoryMaxLength).WithMessage($"At most {CatalogLimits.CategoryMaxLength} characters.");
        RuleFor(m => m.Price).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the price.")
            .GreaterThanOrEqualTo(0).WithMessage("The price cannot be negative.")
            .LessThanOrEqualTo(CatalogLimits.MaxPriceMinor / 100m).WithMessage($"At most {CatalogLimits.MaxPriceMinor / 100m:0}.")
            .Must(p => decimal.Round(p!.Value, 2) == p.Value).WithMessage("At most 2 decimals.");
        RuleFor(m => m.Stock).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the stock.")
            .InclusiveBetween(0, CatalogLimits.MaxStock).WithMessage("Stock is a whole number, 0 or more.");
        RuleFor(m => m.Specs).Cascade(CascadeMode.Stop)
            // Line breaks separate the specs here; any other control character is refused.
            .Must((m, _) => ShortText.FirstControlCharacter(m.SpecsAsFileField) is null)
            .WithMessage(m => ShortText.FormMessage(ShortText.FirstControlCharacter(m.SpecsAsFileField)!.Value))
            .Must((m, _) => CatalogFields.ParseSpecs(m.SpecsAsFileField, out _) is not null)
            .WithMessage(m => { CatalogFields.ParseSpecs(m.SpecsAsFileField, out var problem); return $"Write one 'Key: Value' per line ({problem})."; })
            .Must(s => s is null || !s.Contains(';')).WithMessage("';' cannot be used: it separates specs in the catalog file.");
    }
}
