namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>Reading and changing the parameters signed links carry in their fragment (#besoin=…&amp;jeton=…).</summary>
public static class Links
{
    public static string FragmentValue(Uri link, string name)
    {
        ArgumentNullException.ThrowIfNull(link);
        foreach (var part in link.Fragment.TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == name)
            {
                return Uri.UnescapeDataString(pair[1]);
            }
        }

        throw new Xunit.Sdk.XunitException($"The link {link} has no '{name}' in its fragment.");
    }

    /// <summary>The same link with another need: the token stays the holder's.</summary>
    public static Uri WithNeed(Uri link, string needId)
    {
        ArgumentNullException.ThrowIfNull(link);
        var token = FragmentValue(link, "jeton");
        return new Uri(link.GetLeftPart(UriPartial.Path) + $"#besoin={Uri.EscapeDataString(needId)}&jeton={Uri.EscapeDataString(token)}");
    }
}
