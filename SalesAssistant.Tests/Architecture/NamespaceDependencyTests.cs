using System.Text.RegularExpressions;

namespace SalesAssistant.Tests.Architecture;

/// <summary>
/// Reads the app's source and checks how its parts depend on each other: the shared base (Data, Catalog, Accounts,
/// Store, Components) never imports a feature, and no feature imports, directly or through others, a feature that
/// imports it back. A feature is <c>Features/X</c> with everything under it.
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    private static readonly string[] BaseAreas = ["Data", "Catalog", "Accounts", "Store", "Localization", "Components"];

    [Fact]
    public void The_shared_base_imports_no_feature()
    {
        var imports = SourceDependencies.Read(SourceDependencies.AppFolder());

        var violations = imports
            .Where(i => BaseAreas.Contains(SourceDependencies.AreaOf(i.From)) && SourceDependencies.AreaOf(i.To).StartsWith("Features.", StringComparison.Ordinal))
            .Select(i => $"{i.File}: {i.From} uses {i.To}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void No_feature_imports_a_feature_that_imports_it_back()
    {
        var imports = SourceDependencies.Read(SourceDependencies.AppFolder());

        var cycle = SourceDependencies.FindCycle(SourceDependencies.AreaGraph(imports, area => area.StartsWith("Features.", StringComparison.Ordinal)));

        Assert.True(cycle is null, $"Features import each other in a circle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void Every_feature_and_the_shared_base_are_seen_by_the_reader()
    {
        var areas = SourceDependencies.Read(SourceDependencies.AppFolder()).SelectMany(i => new[] { i.From, i.To }).Select(SourceDependencies.AreaOf).ToHashSet();

        Assert.Superset(new HashSet<string>(["Data", "Catalog", "Accounts", "Features.AbTests", "Features.Counter", "Features.Manage", "Features.Insights"]), areas);
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_through_three_areas_and_none_in_a_chain()
    {
        var circle = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] };
        var chain = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [] };

        Assert.Equal(["A", "B", "C", "A"], SourceDependencies.FindCycle(circle));
        Assert.Null(SourceDependencies.FindCycle(chain));
    }

    [Fact]
    public void A_razor_file_imports_what_its_folders_imports_files_name()
    {
        var root = Directory.CreateTempSubdirectory("sa-deps-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Features", "Counter"));
            File.WriteAllText(Path.Combine(root, "_Imports.razor"), "@using SalesAssistant.Catalog\n");
            File.WriteAllText(Path.Combine(root, "Features", "Counter", "_Imports.razor"), "@using SalesAssistant.Features.Manage\n");
            File.WriteAllText(Path.Combine(root, "Features", "Counter", "Page.razor"), "<p>@SalesAssistant.Store.Figures.NoData</p>\n");

            var imports = SourceDependencies.Read(root).Where(i => i.File.EndsWith("Page.razor", StringComparison.Ordinal)).Select(i => i.To).ToHashSet();

            Assert.Equal(["SalesAssistant.Catalog", "SalesAssistant.Features.Manage", "SalesAssistant.Store.Figures.NoData"], imports.Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>The <c>using</c> lines and fully qualified names of the app's C# and Razor files, namespace to namespace.</summary>
internal static partial class SourceDependencies
{
    public sealed record Import(string File, string From, string To);

    public static string AppFolder() => Path.Combine(SalesAssistant.LoadTool.AppProcess.FindRepoRoot(), "SalesAssistant");

    public static IReadOnlyList<Import> Read(string appFolder)
    {
        var imports = new List<Import>();
        foreach (var file in Directory.EnumerateFiles(appFolder, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(appFolder, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(file);
                var from = FileScopedNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value : "SalesAssistant";
                imports.AddRange(Targets(text, CsUsing()).Select(to => new Import(relative, from, to)));
            }
            else if (file.EndsWith(".razor", StringComparison.Ordinal) && Path.GetFileName(file) != "_Imports.razor")
            {
                var folder = Path.GetDirectoryName(relative)!;
                var from = "SalesAssistant" + (folder.Length == 0 ? "" : "." + folder.Replace(Path.DirectorySeparatorChar, '.'));
                var texts = new List<string> { File.ReadAllText(file) };
                for (var dir = Path.GetDirectoryName(file)!; dir.Length >= appFolder.Length; dir = Path.GetDirectoryName(dir)!)
                {
                    var importsFile = Path.Combine(dir, "_Imports.razor");
                    if (File.Exists(importsFile))
                    {
                        texts.Add(File.ReadAllText(importsFile));
                    }
                }
                imports.AddRange(texts.SelectMany(t => Targets(t, RazorUsing())).Distinct().Select(to => new Import(relative, from, to)));
            }
        }
        return imports.Where(i => i.From != i.To).ToList();
    }

    private static IEnumerable<string> Targets(string text, Regex usingLine) =>
        usingLine.Matches(text).Select(m => m.Groups[1].Value)
            .Concat(QualifiedName().Matches(StripUsings(text, usingLine)).Select(m => m.Value));

    private static string StripUsings(string text, Regex usingLine) => usingLine.Replace(FileScopedNamespace().Replace(text, ""), "");

    /// <summary>Data, Catalog, Accounts, Store, Components, Features.X; the app's root namespace is "".</summary>
    public static string AreaOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length switch
        {
            < 2 => "",
            _ when parts[1] == "Features" && parts.Length > 2 => "Features." + parts[2],
            _ => parts[1],
        };
    }

    public static Dictionary<string, HashSet<string>> AreaGraph(IEnumerable<Import> imports, Func<string, bool> include)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var import in imports)
        {
            var (from, to) = (AreaOf(import.From), AreaOf(import.To));
            if (from != to && include(from) && include(to))
            {
                (graph.TryGetValue(from, out var targets) ? targets : graph[from] = []).Add(to);
            }
        }
        return graph;
    }

    /// <summary>A cycle as the list of its nodes, the first repeated at the end; null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        IReadOnlyList<string>? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                return [.. path[at..], node];
            }
            if (!done.Add(node))
            {
                return null;
            }
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(?:\w+\s*=\s*)?(SalesAssistant[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex CsUsing();

    [GeneratedRegex(@"^\s*@using\s+(?:static\s+)?(SalesAssistant[\w.]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex RazorUsing();

    [GeneratedRegex(@"\bSalesAssistant(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();
}
