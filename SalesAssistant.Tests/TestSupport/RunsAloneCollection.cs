namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// Tests that keep both cores busy for seconds (BenchmarkDotNet runs). xunit runs this collection by itself once the
/// parallel collections are done, so the browser tests' waits are not starved by it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
