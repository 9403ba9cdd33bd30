using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace SalesAssistant.Data;

public enum ChangeOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>What a manager's change came to. Invalid and conflicting changes write nothing and say why.</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, string? Message = null)
{
    public static readonly ChangeResult Saved = new(ChangeOutcome.Saved);
    /// <summary>Gone meanwhile; said in the current language.</summary>
    public static ChangeResult NotFound => new(ChangeOutcome.NotFound, DataText.Localizer["It no longer exists."]);

    public static ChangeResult Invalid(string message) => new(ChangeOutcome.Invalid, message);

    /// <summary>Invalid, with every message in one sentence after another.</summary>
    public static ChangeResult Invalid(IEnumerable<string> messages) => Invalid(string.Join(" ", messages));

    /// <summary>Null when the validation passed; otherwise invalid with its messages.</summary>
    public static ChangeResult? UnlessValid(ValidationResult validation) =>
        validation.IsValid ? null : Invalid(validation.Errors.Select(e => e.ErrorMessage));

    /// <summary>Saved when Identity accepted the change; otherwise invalid with Identity's reasons.</summary>
    public static ChangeResult From(IdentityResult result) =>
        result.Succeeded ? Saved : Invalid(result.Errors.Select(e => e.Description));

    public static ChangeResult Conflict(string message) => new(ChangeOutcome.Conflict, message);

    public bool Succeeded => Outcome == ChangeOutcome.Saved;
}
