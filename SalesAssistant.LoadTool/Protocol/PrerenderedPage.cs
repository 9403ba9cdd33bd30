using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// What blazor.web.js reads from a prerendered page to start a circuit: the interactive server component markers
/// (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, in sequence order) and the persisted component state, if any.
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match comment in MarkerComment().Matches(html))
        {
            if (JsonNode.Parse(comment.Groups["json"].Value) is JsonObject marker
                && (string?)marker["type"] == "server" && marker["descriptor"] is not null)
            {
                markers.Add(marker);
            }
        }
        markers.Sort((a, b) => ((int?)a["sequence"] ?? 0).CompareTo((int?)b["sequence"] ?? 0));
        var state = StateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>The first <c>UpdateRootComponents</c> batch: one "add" per marker, as WebRootComponentManager sends it.</summary>
    public string AddOperationsJson(int batchId = 1)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = ServerMarkers[i].DeepClone(),
            });
        }
        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
