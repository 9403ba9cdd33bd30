using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// A Blazor Server circuit without a browser: the page's prerendered HTML is fetched with the auth cookie, then a
/// SignalR connection to <c>/_blazor</c> (protocol "blazorpack", WebSockets) starts the circuit the way blazor.web.js
/// does in .NET 10: <c>StartCircuit</c> with no components, then <c>UpdateRootComponents</c> with the page's markers.
/// Render batches are acknowledged (<c>OnRenderCompleted</c>) and JS interop calls answered with a null result,
/// so the server neither stalls nor waits. A few hundred bytes of client state per circuit: thousands fit in one process.
/// </summary>
internal sealed class ProtocolCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly AppTarget target;
    private readonly HttpClient http;
    private readonly TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource interactive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int renderBatches;
    private int jsCalls;
    private volatile string? error;
    private volatile bool closed;
    private long webRendererInteropId;
    private long nextCallId;
    private int dispatchErrors;

    /// <summary>
    /// Orders what this client sends as a browser does. The server forgets the event handler ids a render batch replaced
    /// once that batch is acknowledged; a browser applies a batch to the DOM before acknowledging it, so it never sends an
    /// event to a replaced id afterwards. Here an event's handler id is read, and the event sent, between batches.
    /// </summary>
    private readonly SemaphoreSlim wire = new(1, 1);

    /// <summary>JS interop identifiers the server called, over all circuits (to see what a browser would have run).</summary>
    public static ConcurrentDictionary<string, int> JsCallsByIdentifier { get; } = new();

    private ProtocolCircuit(AppTarget target, HttpClient http)
    {
        this.target = target;
        this.http = http;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(target.BaseAddress, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.Headers["Cookie"] = target.CookieHeader;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        connection = builder.Build();
        // The server's own timeouts: it pings every 15 s; blazor.web.js uses these same values.
        connection.ServerTimeout = TimeSpan.FromSeconds(30);
        connection.KeepAliveInterval = TimeSpan.FromSeconds(15);

        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            Interlocked.Increment(ref renderBatches);
            await wire.WaitAsync();
            try
            {
                BatchReceived?.Invoke(data, System.Diagnostics.Stopwatch.GetTimestamp());
                await connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
            }
            finally
            {
                wire.Release();
            }
            firstBatch.TrySetResult();
        });
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (asyncHandle, identifier, argsJson, _, _, _) =>
        {
            Interlocked.Increment(ref jsCalls);
            if (identifier == "Blazor._internal.attachWebRendererInterop")
            {
                // [rendererId, {"__dotNetObject": id}, ...]: the object events are dispatched to.
                var args = System.Text.Json.Nodes.JsonNode.Parse(argsJson)?.AsArray();
                Interlocked.Exchange(ref webRendererInteropId, (long?)args?[1]?["__dotNetObject"] ?? 0);
            }
            JsCallsByIdentifier.AddOrUpdate(identifier, 1, (_, n) => n + 1);
            if (identifier == InteractiveMarkerCall)
            {
                interactive.TrySetResult();
            }
            if (asyncHandle != 0)
            {
                await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,null]");
            }
        });
        connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, _) =>
        {
            if (!success)
            {
                Interlocked.Increment(ref dispatchErrors);
            }
            DotNetCallEnded?.Invoke(callId, success, System.Diagnostics.Stopwatch.GetTimestamp());
        });
        connection.On<string>("JS.Error", message =>
        {
            error = message;
            firstBatch.TrySetException(new InvalidOperationException("The circuit failed: " + message));
            interactive.TrySetException(new InvalidOperationException("The circuit failed: " + message));
        });
        connection.Closed += ex =>
        {
            closed = true;
            firstBatch.TrySetException(new InvalidOperationException("The connection closed before the first render.", ex));
            interactive.TrySetException(new InvalidOperationException("The connection closed before the page was interactive.", ex));
            return Task.CompletedTask;
        };
    }

    public string? CircuitId { get; private set; }

    /// <summary>Every render batch, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp it arrived at (before it is acknowledged).</summary>
    public event Action<byte[], long>? BatchReceived;

    /// <summary>
    /// The server's answer to a <see cref="DispatchEventAsync"/> call (its call id, success, <see cref="System.Diagnostics.Stopwatch"/>
    /// timestamp): sent once the event handler's task has completed, after the render batches that handler caused.
    /// </summary>
    public event Action<string, bool, long>? DotNetCallEnded;

    /// <summary>Events the server answered with an error.</summary>
    public int DispatchErrors => Volatile.Read(ref dispatchErrors);

    /// <summary>
    /// Dispatches a DOM event to a rendered event handler, as blazor.web.js does: <c>DispatchEventAsync</c> on the
    /// web renderer's interop object, with the event descriptor and the event args as JSON. <paramref name="eventHandlerId"/>
    /// is read just before sending, with every render batch received so far handled (null: no such handler, nothing sent).
    /// Returns the call id the server answers with <see cref="DotNetCallEnded"/>; <paramref name="beforeSend"/> sees it before
    /// the event leaves.
    /// </summary>
    public async Task<string?> DispatchEventAsync(Func<ulong?> eventHandlerId, string eventName, object eventArgs, CancellationToken ct,
        Action<string>? beforeSend = null)
    {
        var interop = Interlocked.Read(ref webRendererInteropId);
        if (interop == 0)
        {
            throw new InvalidOperationException("The server has not attached the web renderer's interop object yet.");
        }
        await wire.WaitAsync(ct);
        try
        {
            if (eventHandlerId() is not { } id)
            {
                return null;
            }
            var argsJson = System.Text.Json.JsonSerializer.Serialize(new object?[]
            {
                new { eventHandlerId = id, eventName, eventFieldInfo = (object?)null },
                eventArgs,
            });
            var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            beforeSend?.Invoke(callId);
            await connection.SendAsync("BeginInvokeDotNetFromJS", callId, (string?)null, "DispatchEventAsync", interop, argsJson, ct);
            return callId;
        }
        finally
        {
            wire.Release();
        }
    }

    public int RenderBatches => Volatile.Read(ref renderBatches);

    public int JsCalls => Volatile.Read(ref jsCalls);

    public string? Error => error;

    /// <summary>Connected, rendered at least once, and no circuit error: a circuit the server holds for a user.</summary>
    public bool IsHeld => !closed && error is null && connection.State == HubConnectionState.Connected && RenderBatches > 0;

    /// <summary>The app's layout calls this once its first render is done (the marker browser tests wait for).</summary>
    public const string InteractiveMarkerCall = "salesAssistant.markInteractive";

    /// <summary>
    /// Fetches <paramref name="path"/> as a signed-in browser would, starts its circuit, and waits until the page is
    /// interactive: the first render batch received and the layout's after-render call made.
    /// </summary>
    public static async Task<ProtocolCircuit> OpenAsync(AppTarget target, HttpClient http, string path, TimeSpan timeout, CancellationToken ct,
        Action<byte[], long>? onBatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target.BaseAddress, path));
        request.Headers.Add("Cookie", target.CookieHeader);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(ct));
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component markers (signed out?).");
        }

        var circuit = new ProtocolCircuit(target, http);
        circuit.BatchReceived += onBatch;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            await circuit.connection.StartAsync(limit.Token);
            circuit.CircuitId = await circuit.connection.InvokeAsync<string?>(
                "StartCircuit", target.BaseAddress.ToString(), new Uri(target.BaseAddress, path).ToString(), "[]", "", limit.Token)
                ?? throw new InvalidOperationException("StartCircuit returned no circuit id.");
            await circuit.connection.SendAsync("UpdateRootComponents", page.AddOperationsJson(), page.ApplicationState, limit.Token);
            await circuit.firstBatch.Task.WaitAsync(limit.Token);
            await circuit.interactive.Task.WaitAsync(limit.Token);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Closes the connection and tells the server to drop the circuit now, as a closing tab does, over the HttpClient
    /// the circuit was opened with (its owner disposes that client after its circuits).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // Closing a broken connection.
        }
        if (CircuitId is not null)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseAddress, "_blazor/disconnect")) { Content = form };
                request.Headers.Add("Cookie", target.CookieHeader);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var _ = await http.SendAsync(request, timeout.Token);
            }
            catch (Exception)
            {
                // The server drops it after its disconnected-circuit retention anyway.
            }
        }
    }
}
