using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>A host environment for services built outside a host; relative paths resolve under the test output folder.</summary>
public sealed class TestHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";
    public string ApplicationName { get; set; } = "SalesAssistant";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
