namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>Enumerations written the French way: "A", "A et B", "A, B et C".</summary>
public static class FrenchList
{
    public static string Join(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => $"{string.Join(", ", items.Take(items.Count - 1))} et {items[^1]}",
        };
    }
}
