namespace ConseillersEntreprises.Core.Companies;

/// <summary>
/// Validation and normalisation of SIRET numbers (establishment identifiers of the INSEE Sirene register).
/// A SIRET is 14 digits: the 9-digit SIREN of the company followed by the 5-digit NIC of the establishment.
/// Both the SIRET and the SIREN carry a Luhn check digit, except for La Poste (SIREN 356000000), whose
/// establishments are valid when the sum of the 14 digits is a multiple of 5.
/// </summary>
public static class Siret
{
    /// <summary>Number of digits of a SIRET.</summary>
    public const int Length = 14;

    /// <summary>Number of digits of a SIREN.</summary>
    public const int SirenLength = 9;

    /// <summary>La Poste's SIREN, whose establishments escape the Luhn rule.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>
    /// Strips spaces (including non-breaking and narrow non-breaking spaces) and checks that what remains is a
    /// valid SIRET.
    /// </summary>
    /// <param name="input">What the user typed, e.g. "732 829 320 00074".</param>
    /// <param name="siret">The 14 digits when valid; an empty string otherwise.</param>
    /// <param name="errorFr">A French message explaining what is wrong, for the user; null when valid.</param>
    /// <returns>True when <paramref name="input"/> is a valid SIRET.</returns>
    public static bool TryNormalize(string? input, out string siret, out string? errorFr)
    {
        siret = string.Empty;

        if (string.IsNullOrWhiteSpace(input))
        {
            errorFr = "Le numéro SIRET est obligatoire.";
            return false;
        }

        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                errorFr = "Le numéro SIRET ne doit contenir que des chiffres (les espaces sont acceptés).";
                return false;
            }

            if (count < Length)
            {
                digits[count] = c;
            }

            count++;
        }

        if (count != Length)
        {
            errorFr = count == SirenLength
                ? "Ce numéro comporte 9 chiffres : c'est un SIREN. Le SIRET doit comporter 14 chiffres "
                  + "(les 9 chiffres du SIREN suivis des 5 chiffres de l'établissement)."
                : $"Le SIRET doit comporter 14 chiffres (vous en avez saisi {count}).";
            return false;
        }

        if (!IsValidDigits(digits))
        {
            errorFr = "Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez qu'il n'y a pas "
                      + "d'erreur de frappe.";
            return false;
        }

        siret = new string(digits);
        errorFr = null;
        return true;
    }

    /// <summary>True when <paramref name="siret"/> is exactly 14 digits and passes the check-digit rules (no spaces allowed).</summary>
    public static bool IsValid(string? siret)
    {
        if (siret is null || siret.Length != Length)
        {
            return false;
        }

        foreach (var c in siret)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return IsValidDigits(siret);
    }

    /// <summary>True when <paramref name="siren"/> is exactly 9 digits and passes the Luhn check.</summary>
    public static bool IsValidSiren(string? siren)
    {
        if (siren is null || siren.Length != SirenLength)
        {
            return false;
        }

        foreach (var c in siren)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return PassesLuhn(siren);
    }

    private static bool IsValidDigits(ReadOnlySpan<char> siret)
    {
        if (!PassesLuhn(siret[..SirenLength]))
        {
            return false;
        }

        if (PassesLuhn(siret))
        {
            return true;
        }

        // La Poste numbers its many establishments outside the Luhn rule: the sum of the 14 digits is a multiple of 5.
        return siret.StartsWith(LaPosteSiren, StringComparison.Ordinal) && DigitSum(siret) % 5 == 0;
    }

    /// <summary>Luhn check over ASCII digits: from the right, every second digit is doubled (minus 9 above 9).</summary>
    private static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static int DigitSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        foreach (var c in digits)
        {
            sum += c - '0';
        }

        return sum;
    }
}
