namespace SalesAssistant.Features.Manage.TalkingPoints;

/// <summary>The talking point form: its text and when to review it.</summary>
public sealed class TalkingPointModel
{
    public string Text { get; set; } = "";

    /// <summary>Empty: 90 days after this edit.</summary>
    public DateTime? ReviewBy { get; set; }
}
