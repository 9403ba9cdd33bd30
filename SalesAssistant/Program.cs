using SalesAssistant;
using SalesAssistant.Catalog.File;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesAssistant();

var app = builder.Build();
app.MapSalesAssistant();

try
{
    await app.RunAsync();
}
catch (CatalogFileException ex)
{
    // A bad seed file stops the app with every bad row named, not a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
return 0;

public partial class Program;
