using FluentValidation;
using SalesAssistant.Catalog;

namespace SalesAssistant.Features.Manage.Staff;

public static class PasswordRules
{
    public const int MinimumLength = 10;

    public static IRuleBuilderOptions<T, string> StaffPassword<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage("Give a password.")
        .MinimumLength(MinimumLength).WithMessage($"At least {MinimumLength} characters.")
        .Matches("[a-z]").WithMessage("Needs a lower-case letter.")
        .Matches("[A-Z]").WithMessage("Needs an upper-case letter.")
        .Matches("[0-9]").WithMessage("Needs a digit.");
}

public sealed class ClerkValidator : AbstractValidator<ClerkModel>
{
    public ClerkValidator()
    {
        RuleFor(m => m.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the clerk's email: it is their sign-in name.")
            .NoControlCharacters()
            .MaximumLength(256).WithMessage("At most 256 characters.")
            .EmailAddress().WithMessage("This is not an email address.");
        RuleFor(m => m.DisplayName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the name colleagues know the clerk by.")
            .NoControlCharacters()
            .MaximumLength(100).WithMessage("At most 100 characters.");
        RuleFor(m => m.Password).StaffPassword();
    }
}

public sealed class PasswordValidator : AbstractValidator<PasswordModel>
{
    public PasswordValidator() => RuleFor(m => m.Password).StaffPassword();
}
