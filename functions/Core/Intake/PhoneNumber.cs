using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// A French telephone number, normalised to E.164 (<c>+33612345678</c>) with a display form for people
/// (<c>06 12 34 56 78</c>).
/// <para>Accepted, with spaces, dots, dashes or slashes between the digits:</para>
/// <list type="bullet">
/// <item>ten-digit national numbers <c>0X XX XX XX XX</c>, X from 1 to 9 (08 numbers included). Overseas
/// départements share this plan and get their own country code: 0590/0690/0691 → +590 (Guadeloupe, Saint-Martin,
/// Saint-Barthélemy), 0594/0694 → +594 (Guyane), 0596/0696/0697 → +596 (Martinique), 0262/0692/0693 → +262
/// (La Réunion), 0269/0639 → +262 (Mayotte);</item>
/// <item>the same numbers in international form, <c>+33 6 12 34 56 78</c>, <c>0033 6…</c>, <c>(+33) 6…</c>,
/// with or without the trunk zero (<c>+33 (0)6…</c>, <c>+33 06…</c>); +590, +594, +596 and +262 numbers must belong
/// to that territory, a +33 number is moved to its territory's code;</item>
/// <item>territories with their own plan, international form only: +508 Saint-Pierre-et-Miquelon (6 digits),
/// +681 Wallis-et-Futuna (6 digits), +687 Nouvelle-Calédonie (6 digits), +689 Polynésie française (8 digits).
/// The <c>00</c> international prefix is accepted for these French codes only.</item>
/// </list>
/// <para>Refused: letters, too few or too many digits, national numbers starting with 00 other than the French
/// codes above (foreign numbers, +269 Comores included: Mayotte is +262).</para>
/// </summary>
public sealed record PhoneNumber
{
    /// <summary>Longest input considered; anything longer is not a phone number.</summary>
    public const int MaxInputLength = 40;

    private const int NationalLength = 10;

    /// <summary>Country codes of the numbers that follow the French 10-digit plan (with a trunk 0).</summary>
    private static readonly string[] NationalPlanCodes = ["33", "590", "594", "596", "262"];

    /// <summary>French territories with their own closed plan: country code and number of digits.</summary>
    private static readonly (string Code, int Digits)[] OwnPlanCodes = [("508", 6), ("681", 6), ("687", 6), ("689", 8)];

    private PhoneNumber(string e164, string display)
    {
        E164 = e164;
        Display = display;
    }

    /// <summary>E.164 form: "+", country code and number, digits only, e.g. <c>+33612345678</c>, <c>+590690123456</c>.</summary>
    public string E164 { get; }

    /// <summary>
    /// How a French person writes it: <c>06 12 34 56 78</c> (overseas départements too, <c>06 90 12 34 56</c>);
    /// international form for territories outside the national plan, <c>+687 12 34 56</c>.
    /// </summary>
    public string Display { get; }

    /// <summary>Parses what the user typed.</summary>
    /// <param name="input">E.g. "06.12.34.56.78", "+33 (0)6 12 34 56 78", "0690 12 34 56".</param>
    /// <param name="phone">The number when valid.</param>
    /// <param name="errorFr">A French message for the user when invalid (missing or not a French number).</param>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PhoneNumber? phone, [NotNullWhen(false)] out string? errorFr)
    {
        phone = null;
        errorFr = NeedMessages.PhoneInvalid;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorFr = NeedMessages.PhoneRequired;
            return false;
        }

        if (input.Length > MaxInputLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxInputLength];
        var length = 0;
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c) || c is '+' or '(' or ')')
            {
                buffer[length++] = c;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var separator = char.IsWhiteSpace(c) || c is '.' or '/'
                            || category is UnicodeCategory.DashPunctuation or UnicodeCategory.Format;
            if (!separator)
            {
                return false;
            }
        }

        phone = Parse(buffer[..length]);
        if (phone is null)
        {
            return false;
        }

        errorFr = null;
        return true;
    }

    /// <summary>The number when <paramref name="input"/> is a valid French number; null otherwise.</summary>
    public static PhoneNumber? TryParse(string? input) => TryParse(input, out var phone, out _) ? phone : null;

    public override string ToString() => E164;

    /// <summary>Parses the digits, '+' and parentheses left once the separators are gone.</summary>
    private static PhoneNumber? Parse(ReadOnlySpan<char> s)
    {
        if (s.Length == NationalLength && s[0] == '0' && s[1] != '0')
        {
            return FromNational(s, requiredCode: null);
        }

        // International form: optional parentheses around the prefix, "+" or "00", then a French country code.
        var parenthesised = s.StartsWith("(");
        if (parenthesised)
        {
            s = s[1..];
        }

        if (s.StartsWith("+"))
        {
            s = s[1..];
        }
        else if (s.StartsWith("00"))
        {
            s = s[2..];
        }
        else
        {
            return null;
        }

        foreach (var code in NationalPlanCodes)
        {
            if (!s.StartsWith(code))
            {
                continue;
            }

            var rest = AfterClosingParenthesis(s[code.Length..], parenthesised);
            if (rest.StartsWith("(0)"))
            {
                rest = rest[3..];
            }
            else if (rest.StartsWith("0"))
            {
                rest = rest[1..];
            }

            if (rest.Length != NationalLength - 1)
            {
                return null;
            }

            Span<char> national = stackalloc char[NationalLength];
            national[0] = '0';
            rest.CopyTo(national[1..]);
            return national[1] == '0' ? null : FromNational(national, requiredCode: code == "33" ? null : code);
        }

        foreach (var (code, digits) in OwnPlanCodes)
        {
            if (!s.StartsWith(code))
            {
                continue;
            }

            var number = AfterClosingParenthesis(s[code.Length..], parenthesised);
            if (number.Length != digits || !AllDigits(number) || number[0] == '0')
            {
                return null;
            }

            return new PhoneNumber($"+{code}{number}", $"+{code} {Pairs(number)}");
        }

        return null;
    }

    /// <summary>What follows the country code, past the ")" that must close "(+33)"; a "!" marks a missing one.</summary>
    private static ReadOnlySpan<char> AfterClosingParenthesis(ReadOnlySpan<char> rest, bool parenthesised)
    {
        if (!parenthesised)
        {
            return rest;
        }

        return rest.StartsWith(")") ? rest[1..] : "!";
    }

    private static PhoneNumber? FromNational(ReadOnlySpan<char> national, string? requiredCode)
    {
        if (!AllDigits(national) || national[1] == '0')
        {
            return null;
        }

        var code = CountryCode(national);
        if (requiredCode is not null && requiredCode != code)
        {
            return null;
        }

        return new PhoneNumber($"+{code}{national[1..]}", Pairs(national));
    }

    /// <summary>The country code of a 10-digit national number: overseas départements have their own.</summary>
    private static string CountryCode(ReadOnlySpan<char> national) => national[..4] switch
    {
        "0590" or "0690" or "0691" => "590",
        "0594" or "0694" => "594",
        "0596" or "0696" or "0697" => "596",
        "0262" or "0692" or "0693" or "0269" or "0639" => "262",
        _ => "33",
    };

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Digits in pairs separated by spaces: "0612345678" → "06 12 34 56 78".</summary>
    private static string Pairs(ReadOnlySpan<char> digits)
    {
        Span<char> result = stackalloc char[digits.Length + (digits.Length / 2)];
        var length = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && i % 2 == 0)
            {
                result[length++] = ' ';
            }

            result[length++] = digits[i];
        }

        return new string(result[..length]);
    }
}
