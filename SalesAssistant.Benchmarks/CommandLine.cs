using System.Globalization;

namespace SalesAssistant.Benchmarks;

/// <summary>Options of the form <c>--name value</c>.</summary>
internal sealed class CommandLine(string[] args)
{
    public string? Get(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public string Required(string name) =>
        Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) =>
        Get(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
