namespace ConseillersEntreprises.Core.Stats;

/// <summary>
/// The median of delays, in days with one decimal. A median needs the values, not a sum: the tallies keep each delay
/// as whole seconds (an <see cref="int"/> per need, sorted in place once at the end), which is cheap for a year of needs.
/// </summary>
public static class DelayMedian
{
    /// <summary>A delay as the whole seconds the tallies keep (negative delays, from clock skew, count as none).</summary>
    public static int Seconds(TimeSpan delay) => (int)Math.Clamp(Math.Round(delay.TotalSeconds, MidpointRounding.AwayFromZero), 0, int.MaxValue);

    /// <summary>The median of <paramref name="seconds"/> in days, rounded to one decimal; null when there is none. Sorts the span.</summary>
    public static double? Days(Span<int> seconds)
    {
        if (seconds.IsEmpty)
        {
            return null;
        }

        seconds.Sort();
        var middle = seconds.Length / 2;
        var median = seconds.Length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + (double)seconds[middle]) / 2;
        return Math.Round(median / TimeSpan.SecondsPerDay, 1, MidpointRounding.AwayFromZero);
    }
}
