using System.Globalization;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Moderation;

/// <summary>
/// Validates a block list sent by an operator: every entry checked, each problem under its place
/// (<c>emails[2]</c>, <c>domains[0]</c>) with a French message naming the entry; all or nothing. Valid entries are
/// trimmed, put in lower case, sorted and deduplicated; blank lines are ignored.
/// </summary>
public static partial class BlockListValidator
{
    /// <summary>Per list: enough for any real list, small enough for one table entity.</summary>
    public const int MaxEntries = 2000;

    public const int MaxDomainLength = 253;

    /// <summary>Both lists together, so that the stored row stays far under the 64 KiB a table property holds.</summary>
    public const int MaxTotalCharacters = 50_000;

    public static BlockListValidation Validate(IReadOnlyList<string?>? emails, IReadOnlyList<string?>? domains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var validEmails = Check(emails, "emails", errors, e => EmailAddress.IsValid(e),
            e => $"« {e} » n'est pas une adresse email valide (par exemple prenom.nom@exemple.fr)");
        var validDomains = Check(domains?.Select(d => d?.TrimStart('@')).ToList(), "domains", errors, IsDomain,
            d => $"« {d} » n'est pas un nom de domaine valide (par exemple exemple.fr, sans @ ni http://)");
        if (errors.Count == 0 && validEmails.Sum(e => e.Length) + validDomains.Sum(d => d.Length) > MaxTotalCharacters)
        {
            errors["emails"] = ["Les deux listes tiennent ensemble en 50\u00A0000 caractères au plus"];
        }

        return errors.Count > 0
            ? new BlockListValidation(null, errors)
            : new BlockListValidation(new BlockList { Emails = validEmails, Domains = validDomains }, errors);
    }

    public static bool IsDomain(string value) => value.Length <= MaxDomainLength && DomainPattern().IsMatch(value);

    private static List<string> Check(
        IReadOnlyList<string?>? entries, string field, Dictionary<string, string[]> errors, Func<string, bool> isValid, Func<string, string> problem)
    {
        var valid = new SortedSet<string>(StringComparer.Ordinal);
        if (entries is null)
        {
            return [];
        }

        if (entries.Count > MaxEntries)
        {
            // The thousands separator is a non-breaking space, as in the intake's messages.
            errors[field] = ["La liste tient en 2\u00A0000 entrées au plus"];
            return [];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(entry))
            {
                continue;
            }

            if (isValid(entry))
            {
                valid.Add(entry);
            }
            else
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]")] = [problem(entry)];
            }
        }

        return [.. valid];
    }

    /// <summary>Two labels at least (a top-level domain alone would block a whole country), letters, digits, hyphens.</summary>
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
