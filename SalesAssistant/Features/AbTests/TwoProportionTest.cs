namespace SalesAssistant.Features.AbTests;

/// <summary>
/// The two-proportion z-test behind an A/B verdict: is the difference between two acceptance rates larger than
/// chance would make it? Below <see cref="MinOffersPerVariant"/> offers per variant (or fewer than five accepted
/// and five declined in either) the normal approximation does not hold and the verdict is "too early to tell".
/// </summary>
public sealed record TwoProportionTest(int SuccessesA, int TrialsA, int SuccessesB, int TrialsB)
{
    public const int MinOffersPerVariant = 30;

    /// <summary>The fewest accepted, and the fewest declined, offers a variant needs for the normal approximation.</summary>
    public const int MinOfEachOutcome = 5;
    public const double SignificanceLevel = 0.05;

    public bool EnoughData =>
        TrialsA >= MinOffersPerVariant && TrialsB >= MinOffersPerVariant
        && Math.Min(SuccessesA, TrialsA - SuccessesA) >= MinOfEachOutcome && Math.Min(SuccessesB, TrialsB - SuccessesB) >= MinOfEachOutcome;

    /// <summary>The z statistic; 0 when either variant has no trials or the pooled rate is 0% or 100%.</summary>
    public double Z
    {
        get
        {
            if (TrialsA == 0 || TrialsB == 0)
            {
                return 0;
            }
            var pooled = (double)(SuccessesA + SuccessesB) / (TrialsA + TrialsB);
            var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / TrialsA + 1.0 / TrialsB));
            return standardError == 0 ? 0 : ((double)SuccessesA / TrialsA - (double)SuccessesB / TrialsB) / standardError;
        }
    }

    /// <summary>Two-sided p-value: the chance of a difference at least this large if both points worked equally well.</summary>
    public double PValue => Math.Clamp(Erfc(Math.Abs(Z) / Math.Sqrt(2)), 0, 1);

    public bool Significant => EnoughData && PValue < SignificanceLevel;

    /// <summary>Which variant won: 'A', 'B', or null when the numbers cannot tell.</summary>
    public char? Winner => !Significant ? null : Z > 0 ? 'A' : 'B';

    /// <summary>Complementary error function (.NET has none): Numerical Recipes' erfcc, fractional error below 1.2e-7.</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
