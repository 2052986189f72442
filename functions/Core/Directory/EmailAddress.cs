using System.Text.RegularExpressions;

namespace ConseillersEntreprises.Core.Directory;

/// <summary>
/// Pragmatic email syntax check (what mail relays accept): one @, a dotted domain, no spaces or angle brackets.
/// Deliverability is proven by the email itself, not by a regex.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength && Pattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
