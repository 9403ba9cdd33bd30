using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SalesAssistant.Tests.TestSupport;

/// <summary>
/// The shipped deploy/nginx.conf run by Debian's nginx as a child process, in a temporary folder of its own: only the
/// ports (the two app servers', its own HTTP and HTTPS ones on loopback), a throwaway self-signed certificate and the
/// folder's paths are changed in its text. Every response also says which app server answered (X-Served-By), for the
/// tests. Stopped on dispose.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    public const string ServedByHeader = "X-Served-By";

    private readonly Process process;
    private readonly string folder;

    private NginxProxy(Process process, string folder, int httpPort, int httpsPort)
    {
        this.process = process;
        this.folder = folder;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    public int HttpPort { get; }
    public int HttpsPort { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");
    public Uri HttpsAddress => new($"https://127.0.0.1:{HttpsPort}/");

    public static string ShippedConfigPath => Path.Combine(SalesAssistant.LoadTool.AppProcess.FindRepoRoot(), "deploy", "nginx.conf");

    /// <summary>Starts nginx in front of the app servers on <paramref name="firstAppPort"/> and <paramref name="secondAppPort"/>; returns once it listens.</summary>
    public static async Task<NginxProxy> StartAsync(int firstAppPort, int secondAppPort)
    {
        var folder = Directory.CreateTempSubdirectory("sales-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers (www-data when it runs as root) write their temporary files under this folder.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var (certificate, key) = WriteSelfSignedCertificate(folder);
        var ports = AppInstance.FreeLoopbackPorts(2);
        var (httpPort, httpsPort) = (ports[0], ports[1]);
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Substitute(await File.ReadAllTextAsync(ShippedConfigPath), folder, certificate, key,
            httpPort, httpsPort, firstAppPort, secondAppPort));

        var start = new ProcessStartInfo(Executable, ["-p", folder + "/", "-c", config, "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var proxy = new NginxProxy(Process.Start(start)!, folder, httpPort, httpsPort);
        proxy.process.OutputDataReceived += (_, e) => proxy.Write(e.Data);
        proxy.process.ErrorDataReceived += (_, e) => proxy.Write(e.Data);
        proxy.process.BeginOutputReadLine();
        proxy.process.BeginErrorReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>The shipped text with this run's ports and paths; each replaced text must be there, exactly once.</summary>
    private static string Substitute(string shipped, string folder, string certificate, string key, int httpPort, int httpsPort, int firstAppPort, int secondAppPort)
    {
        var text = shipped;
        void Replace(string from, string to)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"deploy/nginx.conf should hold '{from}' exactly once");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        Replace("server 127.0.0.1:5001 ", $"server 127.0.0.1:{firstAppPort} ");
        Replace("server 127.0.0.1:5002 ", $"server 127.0.0.1:{secondAppPort} ");
        Replace("listen 80;", $"listen 127.0.0.1:{httpPort};");
        Replace("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
        Replace("/etc/ssl/certs/counter.shop.example.pem", certificate);
        Replace("/etc/ssl/private/counter.shop.example.key", key);
        Replace("pid /run/nginx.pid;", $"pid {folder}/nginx.pid;");
        Replace("error_log /var/log/nginx/error.log;", $"error_log {folder}/error.log;");
        Replace("access_log /var/log/nginx/access.log;", $"""
            access_log {folder}/access.log;
                client_body_temp_path {folder}/client_body;
                proxy_temp_path {folder}/proxy;
                fastcgi_temp_path {folder}/fastcgi;
                uwsgi_temp_path {folder}/uwsgi;
                scgi_temp_path {folder}/scgi;
            """);
        Replace("add_header Set-Cookie $sa_server_cookie always;", $"add_header Set-Cookie $sa_server_cookie always;\n        add_header {ServedByHeader} $upstream_addr always;");
        return text;
    }

    private static (string Certificate, string Key) WriteSelfSignedCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (certificatePath, keyPath) = (Path.Combine(folder, "proxy.pem"), Path.Combine(folder, "proxy.key"));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private async Task WaitUntilListeningAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}:\n{Output}\n{ErrorLog()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    private readonly System.Text.StringBuilder output = new();

    /// <summary>What nginx wrote to its console (before it opened its error log, or when it could not).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>nginx's error log so far.</summary>
    public string ErrorLog()
    {
        var path = Path.Combine(folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // The master stops its workers; killing the whole tree is the fallback.
            using var stop = Process.Start(Executable, ["-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-s", "stop"]);
            await stop.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
