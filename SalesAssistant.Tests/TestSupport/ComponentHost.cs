using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// Lets a bUnit context's services take the app's own feature registrations (<c>AddCatalog</c>, <c>AddCounter</c>,
/// <c>AddManage</c>…), so component tests do not list services by hand. Configuration is empty: every option has its default.
/// </summary>
public sealed class ComponentHost : IHostApplicationBuilder
{
    private readonly ConfigurationManager configuration = new();

    public ComponentHost(IServiceCollection services)
    {
        Services = services;
        services.AddSingleton<IConfiguration>(configuration);
    }

    public IServiceCollection Services { get; }

    public IConfigurationManager Configuration => configuration;

    public IDictionary<object, object> Properties { get; } = new Dictionary<object, object>();

    public IHostEnvironment Environment { get; } = new TestHostEnvironment();

    public ILoggingBuilder Logging => throw new NotSupportedException("Component tests log nothing.");

    public IMetricsBuilder Metrics => throw new NotSupportedException("Component tests measure nothing.");

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => throw new NotSupportedException("bUnit builds its own container.");
}
