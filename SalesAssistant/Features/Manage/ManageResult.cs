namespace SalesAssistant.Features.Manage;

public enum ManageOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>What a manager's change came to. Invalid and conflicting changes write nothing and say why.</summary>
public sealed record ManageResult(ManageOutcome Outcome, string? Message = null)
{
    public static readonly ManageResult Saved = new(ManageOutcome.Saved);
    public static readonly ManageResult NotFound = new(ManageOutcome.NotFound, "It no longer exists.");

    public static ManageResult Invalid(string message) => new(ManageOutcome.Invalid, message);

    public static ManageResult Conflict(string message) => new(ManageOutcome.Conflict, message);

    public bool Succeeded => Outcome == ManageOutcome.Saved;
}
