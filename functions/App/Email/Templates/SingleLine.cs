using System.Text;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>
/// Values shown on one line (names, subject lines): line breaks, tabs and other control or direction-override
/// characters become single spaces, so that a value can neither add a header line nor reorder what is displayed.
/// </summary>
public static class SingleLine
{
    /// <summary>Longest subject line kept; longer ones are cut and end with "…".</summary>
    public const int MaxSubjectLength = 200;

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || IsDirectionControl(c))
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

    /// <summary>A subject line: one line (no CR/LF), at most <see cref="MaxSubjectLength"/> characters.</summary>
    public static string Subject(string value)
    {
        var line = Of(value);
        if (line.Length <= MaxSubjectLength)
        {
            return line;
        }

        var cut = MaxSubjectLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return string.Concat(line.AsSpan(0, cut).TrimEnd(), "…");
    }

    private static bool IsDirectionControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';
}
