using System.Globalization;
using System.Text;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// Normalisation of what people type or paste into the form. Text stays text (no HTML stripping: encoding is the
/// job of whatever outputs it); only invisible or unusable characters are dealt with:
/// <list type="bullet">
/// <item>format characters (category Cf: zero-width spaces and joiners, word joiner, byte order mark, soft hyphen,
/// bidirectional overrides…) are removed; the description keeps the zero-width joiner, which composes emoji;</item>
/// <item>unpaired surrogates (broken UTF-16) become U+FFFD;</item>
/// <item>the result is in Unicode normalisation form C (an "é" typed on macOS arrives decomposed).</item>
/// </list>
/// </summary>
public static class IntakeText
{
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// A one-line value (names, email, codes): <see cref="Clean"/>, then every run of white space (including
    /// line breaks, tabs and non-breaking spaces) becomes one space, and the ends are trimmed. Null stays null.
    /// </summary>
    public static string? SingleLine(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = Clean(value, keepZeroWidthJoiner: false);
        var builder = new StringBuilder(cleaned.Length);
        var pendingSpace = false;
        foreach (var c in cleaned)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A multi-line text (the description): <see cref="Clean"/>; line endings become "\n" (CR LF, CR, NEL, line and
    /// paragraph separators); other control characters except tabs are removed; trailing white space of each line is
    /// removed; several blank lines in a row become one; the whole is trimmed. Null stays null.
    /// </summary>
    public static string? MultiLine(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = Clean(value, keepZeroWidthJoiner: true)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u0085', '\n')
            .Replace('\u2028', '\n')
            .Replace('\u2029', '\n');
        var builder = new StringBuilder(cleaned.Length);
        var blankLines = 0;
        foreach (var rawLine in cleaned.Split('\n'))
        {
            var line = RemoveControls(rawLine).TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blankLines = 0;
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// True when <paramref name="value"/> holds a character that has no place in a name: a control character, a
    /// private-use or unassigned code point, or a replacement character (what remains of broken text).
    /// </summary>
    public static bool HasForbiddenCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar)
            {
                return true;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.Surrogate:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="value"/> holds at least one letter (of any script).</summary>
    public static bool HasLetter(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes format characters, repairs unpaired surrogates and normalises to form C.</summary>
    private static string Clean(string value, bool keepZeroWidthJoiner)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            var drop = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                       && !(keepZeroWidthJoiner && c == ZeroWidthJoiner);
            var replace = char.IsSurrogate(c);
            if (builder is null && (drop || replace))
            {
                builder = new StringBuilder(value.Length).Append(value, 0, i);
            }

            if (drop)
            {
                continue;
            }

            builder?.Append(replace ? '\uFFFD' : c);
        }

        var text = builder?.ToString() ?? value;
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static string RemoveControls(string line)
    {
        if (!line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return line;
        }

        return string.Concat(line.Where(c => !char.IsControl(c) || c == '\t'));
    }
}
