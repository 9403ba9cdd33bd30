using SalesAssistant.Features.Counter;

namespace SalesAssistant.Tests.Features.Counter;

public sealed class LatestSearchTests
{
    private readonly List<string> searched = [];
    private readonly Queue<TaskCompletionSource<string>> pending = new();

    // Continuations run inline when a test completes a search, so the next search has started when SetResult returns.
    private Task<string> FakeSearchAsync(string term, CancellationToken ct)
    {
        searched.Add(term);
        var answer = new TaskCompletionSource<string>();
        pending.Enqueue(answer);
        return answer.Task;
    }

    [Fact]
    public async Task A_keystroke_searches_at_once()
    {
        using var search = new LatestSearch<string>(FakeSearchAsync);

        var typed = search.TypedAsync("to");
        pending.Dequeue().SetResult("results for to");

        Assert.Equal("results for to", await typed);
        Assert.Equal(["to"], searched);
    }

    [Fact]
    public async Task Keystrokes_typed_during_a_search_fold_into_one_search_for_the_latest_term()
    {
        using var search = new LatestSearch<string>(FakeSearchAsync);

        var first = search.TypedAsync("t");
        var second = search.TypedAsync("to");
        var third = search.TypedAsync("toa");
        Assert.True(search.IsRunning);
        pending.Dequeue().SetResult("results for t");
        Assert.Single(pending);
        pending.Dequeue().SetResult("results for toa");

        Assert.Equal("results for toa", await first);
        Assert.Null(await second);
        Assert.Null(await third);
        Assert.Equal(["t", "toa"], searched);
        Assert.False(search.IsRunning);
    }

    [Fact]
    public async Task Clearing_the_box_during_a_search_drops_its_results()
    {
        using var search = new LatestSearch<string>(FakeSearchAsync);

        var typed = search.TypedAsync("kettle");
        await search.TypedAsync("");
        pending.Dequeue().SetResult("results for kettle");

        Assert.Null(await typed);
        Assert.Equal(["kettle"], searched);
    }

    [Fact]
    public async Task A_reset_during_a_search_drops_its_results()
    {
        using var search = new LatestSearch<string>(FakeSearchAsync);

        var typed = search.TypedAsync("4006381333931");
        search.Reset();
        pending.Dequeue().SetResult("results for the barcode");

        Assert.Null(await typed);
        Assert.Single(searched);
    }

    [Fact]
    public async Task A_search_that_ends_after_the_page_is_gone_returns_nothing_and_starts_no_other()
    {
        var search = new LatestSearch<string>(FakeSearchAsync);

        var typed = search.TypedAsync("t");
        await search.TypedAsync("to");
        search.Dispose();
        pending.Dequeue().SetResult("results for t");

        Assert.Null(await typed);
        Assert.Equal(["t"], searched);
    }
}
