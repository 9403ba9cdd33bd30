using FluentValidation;
using Microsoft.Extensions.Localization;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Features.Manage.Products;

/// <summary>The catalog file's rules for one product, for the form and for the service that saves it.</summary>
public sealed class ProductValidator : AbstractValidator<ProductModel>
{
    public ProductValidator(IStringLocalizer<ManageText> L)
    {
        RuleFor(m => m.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => L["SKU"])
            .Matches(CatalogFields.SkuPattern()).WithMessage(_ => L["1–64 characters of A–Z, a–z, 0–9, '-', '_' or '.'."]);
        RuleFor(m => m.Ean).NoControlCharacters();
        RuleFor(m => m.Ean!).Cascade(CascadeMode.Stop)
            .Must(Ean.HasValidLength).WithMessage(_ => L["An EAN has 8 or 13 digits."])
            .Must(Ean.IsValid).WithMessage(_ => L["The check digit is wrong: check the number on the barcode."])
            .When(m => !string.IsNullOrWhiteSpace(m.Ean));
        RuleFor(m => m.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => L["Name"])
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.NameMaxLength).WithMessage(_ => L["At most {0} characters.", CatalogLimits.NameMaxLength]);
        RuleFor(m => m.Brand).Cascade(CascadeMode.Stop)
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.BrandMaxLength).WithMessage(_ => L["At most {0} characters.", CatalogLimits.BrandMaxLength]);
        RuleFor(m => m.Category).Cascade(CascadeMode.Stop)
            .NotEmpty().WithName(_ => L["Category"])
            .NoControlCharacters()
            .MaximumLength(CatalogLimits.CategoryMaxLength).WithMessage(_ => L["At most {0} characters.", CatalogLimits.CategoryMaxLength]);
        RuleFor(m => m.Price).Cascade(CascadeMode.Stop)
            .NotNull().WithName(_ => L["Price"])
            .GreaterThanOrEqualTo(0).WithMessage(_ => L["The price cannot be negative."])
            .LessThanOrEqualTo(CatalogLimits.MaxPriceMinor / 100m).WithMessage(_ => L["At most {0}.", (CatalogLimits.MaxPriceMinor / 100m).ToString("N0")])
            .Must(p => decimal.Round(p!.Value, 2) == p.Value).WithMessage(_ => L["At most 2 decimals."]);
        RuleFor(m => m.Stock).Cascade(CascadeMode.Stop)
            .NotNull().WithName(_ => L["Stock"])
            .InclusiveBetween(0, CatalogLimits.MaxStock).WithMessage(_ => L["Stock is a whole number, 0 or more."]);
        RuleFor(m => m.Specs).Cascade(CascadeMode.Stop)
            // Line breaks separate the specs here; any other control character is refused.
            .Must((m, _) => ShortText.FirstControlCharacter(m.SpecsAsFileField) is null)
            .WithMessage(m => ShortText.FormMessage(ShortText.FirstControlCharacter(m.SpecsAsFileField)!.Value))
            .Must((m, _) => CatalogFields.ParseSpecs(m.SpecsAsFileField, out _) is not null)
            .WithMessage(m => { CatalogFields.ParseSpecs(m.SpecsAsFileField, out var problem); return L["Write one 'Key: Value' per line ({0}).", problem ?? ""]; })
            .Must(s => s is null || !s.Contains(';')).WithMessage(_ => L["';' cannot be used: it separates specs in the catalog file."]);
    }
}
