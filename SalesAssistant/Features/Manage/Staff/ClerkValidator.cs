using FluentValidation;
using Microsoft.Extensions.Localization;
using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Manage.Staff;

public static class PasswordRules
{
    public const int MinimumLength = 10;

    public static IRuleBuilderOptions<T, string> StaffPassword<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<ManageText> L) => rule
        .NotEmpty().WithName(_ => L["Password"])
        .MinimumLength(MinimumLength).WithMessage(_ => L["At least {0} characters.", MinimumLength])
        .Matches("[a-z]").WithMessage(_ => L["Needs a lower-case letter."])
        .Matches("[A-Z]").WithMessage(_ => L["Needs an upper-case letter."])
        .Matches("[0-9]").WithMessage(_ => L["Needs a digit."]);
}

public sealed class ClerkValidator : AbstractValidator<ClerkModel>
{
    public ClerkValidator(IStringLocalizer<ManageText> L)
    {
        RuleFor(m => m.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => L["Give the clerk's email: it is their sign-in name."])
            .NoControlCharacters()
            .MaximumLength(256).WithMessage(_ => L["At most {0} characters.", 256])
            .EmailAddress().WithMessage(_ => L["This is not an email address."]);
        RuleFor(m => m.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => L["Give the name colleagues know the clerk by."])
            .NoControlCharacters()
            .MaximumLength(100).WithMessage(_ => L["At most {0} characters.", 100]);
        RuleFor(m => m.Password).StaffPassword(L);
    }
}

public sealed class PasswordValidator : AbstractValidator<PasswordModel>
{
    public PasswordValidator(IStringLocalizer<ManageText> L) => RuleFor(m => m.Password).StaffPassword(L);
}
