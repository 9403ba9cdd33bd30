namespace SalesAssistant.LoadTool;

/// <summary>Percentiles of a sample (nearest rank), for latency tables.</summary>
internal sealed class Stats
{
    private readonly double[] sorted;

    public Stats(IEnumerable<double> values) => sorted = values.Order().ToArray();

    public int Count => sorted.Length;

    public double Min => Count == 0 ? double.NaN : sorted[0];

    public double Max => Count == 0 ? double.NaN : sorted[^1];

    public double Mean => Count == 0 ? double.NaN : sorted.Average();

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/>% of the sample at or below it.</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * Count);
        return sorted[Math.Clamp(rank - 1, 0, Count - 1)];
    }

    public static double Median(IEnumerable<double> values) => new Stats(values).P50;

    /// <summary>Least-squares slope of y over x.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var num = points.Sum(p => (p.X - mx) * (p.Y - my));
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? double.NaN : num / den;
    }
}
