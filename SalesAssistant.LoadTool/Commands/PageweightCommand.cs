using System.Text.Json;
using Microsoft.Playwright;

namespace SalesAssistant.LoadTool.Commands;

internal sealed record PageResponse(string Url, string MimeType, int Status, long EncodedBytes, string? ContentEncoding);

internal sealed record PageweightResult(
    IReadOnlyList<PageResponse> Responses,
    IReadOnlyList<string> OtherHostRequests,
    double TimeToInteractiveMs,
    double DomContentLoadedMs,
    double LoadEventMs,
    int WebSockets,
    long WebSocketBytesUntilInteractive) : IMarkdownResult
{
    public long EncodedBytes => Responses.Sum(r => r.EncodedBytes);

    public int Requests => Responses.Count;

    public string ToMarkdown()
    {
        var summary = new MarkdownTable("First load of / (signed in, empty cache)", "Value")
            .Row("Bytes transferred (sum of encodedDataLength)", $"{EncodedBytes:N0} ({EncodedBytes / 1024.0:0} KB)")
            .Row("HTTP requests", Requests)
            .Row("Requests to other hosts", OtherHostRequests.Count)
            .Row("Time to interactive (navigation start → body[data-interactive])", $"{TimeToInteractiveMs:0} ms")
            .Row("DOMContentLoaded / load event", $"{DomContentLoadedMs:0} ms / {LoadEventMs:0} ms")
            .Row("WebSockets opened / bytes received until interactive", $"{WebSockets} / {WebSocketBytesUntilInteractive:N0}");
        var detail = new MarkdownTable("Response", "Type", "Status", "Bytes", "Content-Encoding");
        foreach (var r in Responses.OrderByDescending(r => r.EncodedBytes))
        {
            detail.Row(Path(r.Url), r.MimeType, r.Status, r.EncodedBytes, r.ContentEncoding ?? "none");
        }
        return summary + "\n" + detail;
    }

    private static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}

/// <summary>
/// <c>pageweight</c>: the first load of / in a fresh, signed-in Chromium context (empty cache), read from the DevTools
/// protocol's Network events: bytes on the wire, requests, Content-Encoding, requests to other hosts, time to interactive.
/// </summary>
internal static class PageweightCommand
{
    private const string MarkInteractiveTime = """
        (() => {
          const mark = () => {
            if (!window.__interactiveAt && document.body && document.body.getAttribute('data-interactive') === 'true') {
              window.__interactiveAt = performance.now();
            }
          };
          new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-interactive'] });
        })();
        """;

    public static async Task<PageweightResult> RunAsync(AppTarget target, TextWriter progress, CancellationToken ct)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(target);
        await page.Context.AddInitScriptAsync(MarkInteractiveTime);

        var urls = new Dictionary<string, string>();
        var responses = new Dictionary<string, (string Mime, int Status, string? Encoding)>();
        var finished = new Dictionary<string, long>();
        var webSockets = 0;
        long webSocketBytes = 0;
        var interactive = false;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                lock (urls)
                {
                    urls[Id(json)] = json.GetProperty("request").GetProperty("url").GetString() ?? "";
                }
            }
        };
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                var response = json.GetProperty("response");
                lock (urls)
                {
                    responses[Id(json)] = (response.GetProperty("mimeType").GetString() ?? "", response.GetProperty("status").GetInt32(), Header(response, "content-encoding"));
                }
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                lock (urls)
                {
                    finished[Id(json)] = (long)json.GetProperty("encodedDataLength").GetDouble();
                }
            }
        };
        cdp.Event("Network.webSocketCreated").OnEvent += (_, _) => Interlocked.Increment(ref webSockets);
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (e is { } json && !Volatile.Read(ref interactive))
            {
                // Binary frames (blazorpack) arrive base64-encoded in payloadData.
                var payload = json.GetProperty("response").GetProperty("payloadData").GetString() ?? "";
                var opcode = json.GetProperty("response").GetProperty("opcode").GetInt32();
                Interlocked.Add(ref webSocketBytes, opcode == 2 ? payload.Length * 3 / 4 : payload.Length);
            }
        };
        await cdp.SendAsync("Network.enable");

        progress.WriteLine("Loading / in a fresh context...");
        await page.GotoAsync("/", new PageGotoOptions { Timeout = 60_000 });
        await page.WaitForInteractiveAsync();
        Volatile.Write(ref interactive, true);
        // Let requests in flight at that moment finish and report their sizes.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 10_000 });
        await Task.Delay(500, ct);

        var timing = await page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              return { interactive: window.__interactiveAt ?? -1, dcl: nav ? nav.domContentLoadedEventEnd : -1, load: nav ? nav.loadEventEnd : -1 };
            }
            """);
        await page.Context.CloseAsync();

        List<PageResponse> all;
        lock (urls)
        {
            all = finished.Where(f => urls.ContainsKey(f.Key))
                .Select(f =>
                {
                    var r = responses.GetValueOrDefault(f.Key, ("", 0, null));
                    return new PageResponse(urls[f.Key], r.Mime, r.Status, f.Value, r.Encoding);
                })
                .Where(r => !r.Url.StartsWith("data:", StringComparison.Ordinal))
                .ToList();
        }
        var otherHosts = all.Select(r => r.Url)
            .Concat(urls.Values)
            .Distinct()
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith(target.BaseAddress.ToString(), StringComparison.Ordinal))
            .ToList();
        return new PageweightResult(all, otherHosts, timing.GetProperty("interactive").GetDouble(),
            timing.GetProperty("dcl").GetDouble(), timing.GetProperty("load").GetDouble(), webSockets, Interlocked.Read(ref webSocketBytes));
    }

    private static string Id(JsonElement json) => json.GetProperty("requestId").GetString() ?? "";

    private static string? Header(JsonElement response, string name)
    {
        if (response.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value.GetString();
                }
            }
        }
        return null;
    }
}
