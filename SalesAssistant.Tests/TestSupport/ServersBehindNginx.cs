namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// What a chain runs: two app servers (<see cref="AppInstance"/> processes) on one new PostgreSQL database, behind the
/// shipped nginx configuration (<see cref="NginxProxy"/>), HTTPS at nginx. Everything stopped and deleted on dispose.
/// </summary>
public sealed class ServersBehindNginx : IAsyncDisposable
{
    private readonly string database;
    private readonly string folder;
    private readonly List<AppInstance> servers = [];

    private ServersBehindNginx(string database, string folder)
    {
        this.database = database;
        this.folder = folder;
    }

    public NginxProxy Proxy { get; private set; } = null!;

    public IReadOnlyList<AppInstance> Servers => servers;

    /// <summary>The two servers, up and ready, and nginx in front of them; the first manager is <see cref="AppServer.ManagerEmail"/>.</summary>
    public static async Task<ServersBehindNginx> StartAsync(string catalogCsv)
    {
        var chain = new ServersBehindNginx(await TestPostgres.CreateDatabaseAsync(), Directory.CreateTempSubdirectory("sales-chain-").FullName);
        try
        {
            var seedFile = Path.Combine(chain.folder, "catalog.csv");
            await File.WriteAllTextAsync(seedFile, catalogCsv);
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Catalog"] = TestPostgres.ConnectionString(chain.database),
                ["Catalog:SeedFile"] = seedFile,
                ["Manager:Email"] = AppServer.ManagerEmail,
                ["Manager:Password"] = AppServer.ManagerPassword,
                // nginx connects from here: its X-Forwarded-Proto (https) and X-Forwarded-For are believed.
                ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var port in AppInstance.FreeLoopbackPorts(2))
            {
                chain.servers.Add(await AppInstance.StartAsync(settings, port));
            }
            await Task.WhenAll(chain.servers.Select(s => s.WaitUntilReadyAsync()));
            chain.Proxy = await NginxProxy.StartAsync(chain.servers[0].Port, chain.servers[1].Port);
            return chain;
        }
        catch
        {
            await chain.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server nginx names in its X-Served-By header (<c>127.0.0.1:port</c>; after a failover, the last one tried).</summary>
    public AppInstance ServerNamed(string upstream) =>
        servers.Single(s => upstream.Split(',').Last().Trim() == $"127.0.0.1:{s.Port}");

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
        await TestPostgres.DropDatabaseAsync(database);
        Directory.Delete(folder, recursive: true);
    }
}
