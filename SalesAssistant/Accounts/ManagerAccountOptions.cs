namespace SalesAssistant.Accounts;

/// <summary>The first manager account, created at startup when no manager exists (configuration section <c>Manager</c>).</summary>
public sealed class ManagerAccountOptions
{
    public const string Section = "Manager";

    public string? Email { get; set; }
    public string? Password { get; set; }
}
