using FluentValidation;

namespace SalesAssistant.Features.Manage;

public static class FormValidation
{
    /// <summary>Bridges a FluentValidation validator into <c>MudForm Validation</c>, one field at a time.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(IValidator<T> validator) => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, x => x.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };
}
