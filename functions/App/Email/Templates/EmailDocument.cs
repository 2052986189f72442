using System.Text;
using System.Text.Encodings.Web;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>
/// Builds the HTML and plain-text parts of one email side by side, block after block, so that both always say the
/// same thing. Every string given to a block is encoded in the HTML part (fixed wording and values alike); the text
/// part keeps it verbatim. Links are written with their explicit label in both parts, and their address in the text.
/// </summary>
public sealed class EmailDocument
{
    private const string LinkColor = "#000091";
    private const string TextColor = "#161616";

    private static readonly string[] LineBreaks = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\u0085"];

    private readonly HtmlEncoder _encoder;
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public EmailDocument(HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
    }

    /// <summary>A paragraph; its line breaks are kept.</summary>
    public EmailDocument Paragraph(string text)
    {
        _html.Append("<p style=\"margin:0 0 16px\">").Append(Lines(text)).Append("</p>\n");
        _text.Append(TextLines(text)).Append("\n\n");
        return this;
    }

    /// <summary>A section title.</summary>
    public EmailDocument Heading(string text)
    {
        var line = SingleLine.Of(text);
        _html.Append("<h2 style=\"margin:24px 0 8px;font-size:18px;line-height:1.4\">").Append(Inline(line)).Append("</h2>\n");
        _text.Append(line).Append('\n').Append('-', Math.Max(line.Length, 3)).Append("\n\n");
        return this;
    }

    /// <summary>"Label : value" lines; lines without a value are left out.</summary>
    public EmailDocument Facts(IEnumerable<(string Label, string? Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (shown.Count == 0)
        {
            return this;
        }

        _html.Append("<ul style=\"margin:0 0 16px;padding-left:24px\">\n");
        foreach (var (label, value) in shown)
        {
            var oneLine = SingleLine.Of(value);
            _html.Append("<li><strong>").Append(Inline(label)).Append("&nbsp;:</strong> ").Append(Inline(oneLine)).Append("</li>\n");
            _text.Append("- ").Append(label).Append(" : ").Append(oneLine).Append('\n');
        }

        _html.Append("</ul>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>A bulleted list of one-line items.</summary>
    public EmailDocument Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var shown = items.Select(SingleLine.Of).Where(i => i.Length > 0).ToList();
        if (shown.Count == 0)
        {
            return this;
        }

        _html.Append("<ul style=\"margin:0 0 16px;padding-left:24px\">\n");
        foreach (var item in shown)
        {
            _html.Append("<li>").Append(Inline(item)).Append("</li>\n");
            _text.Append("- ").Append(item).Append('\n');
        }

        _html.Append("</ul>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>A quoted text written by someone else (a description, a comment); its line breaks are kept.</summary>
    public EmailDocument Quote(string text)
    {
        _html.Append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid ")
            .Append(LinkColor)
            .Append(";background:#f6f6f6\">")
            .Append(Lines(text))
            .Append("</blockquote>\n");
        foreach (var line in SplitLines(text))
        {
            _text.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>The main action of the email, shown as a big link.</summary>
    public EmailDocument Button(string label, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        _html.Append("<p style=\"margin:24px 0\"><a href=\"")
            .Append(_encoder.Encode(link.AbsoluteUri))
            .Append("\" style=\"display:inline-block;padding:12px 24px;background:")
            .Append(LinkColor)
            .Append(";color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px\">")
            .Append(Inline(label))
            .Append("</a></p>\n");
        _text.Append(label).Append(" :\n").Append(link.AbsoluteUri).Append("\n\n");
        return this;
    }

    /// <summary>A paragraph made of an optional introduction and a link with an explicit label.</summary>
    public EmailDocument Link(string? introduction, string label, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        _html.Append("<p style=\"margin:0 0 16px\">");
        if (!string.IsNullOrEmpty(introduction))
        {
            _html.Append(Inline(introduction)).Append(' ');
            _text.Append(introduction).Append('\n');
        }

        _html.Append(Anchor(label, link)).Append("</p>\n");
        _text.Append(label).Append(" : ").Append(link.AbsoluteUri).Append("\n\n");
        return this;
    }

    /// <summary>A bulleted list of links, each with an explicit label and an optional explanation after it.</summary>
    public EmailDocument Links(IEnumerable<(string Label, Uri Link, string? Explanation)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _html.Append("<ul style=\"margin:0 0 16px;padding-left:24px\">\n");
        foreach (var (label, link, explanation) in links)
        {
            _html.Append("<li>").Append(Anchor(label, link));
            _text.Append("- ").Append(label);
            if (!string.IsNullOrEmpty(explanation))
            {
                _html.Append("&nbsp;: ").Append(Inline(explanation));
                _text.Append(" : ").Append(explanation);
            }

            _html.Append("</li>\n");
            _text.Append("\n  ").Append(link.AbsoluteUri).Append('\n');
        }

        _html.Append("</ul>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>The small print under a separator: who sends the email and where the service lives.</summary>
    public EmailDocument Footer(string text, string linkLabel, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        _html.Append("<hr style=\"margin:32px 0 16px;border:0;border-top:1px solid #dddddd\">\n<p style=\"margin:0;font-size:14px;color:#3a3a3a\">")
            .Append(Inline(text))
            .Append(' ')
            .Append(Anchor(linkLabel, link))
            .Append("</p>\n");
        _text.Append("--\n").Append(text).Append('\n').Append(linkLabel).Append(" : ").Append(link.AbsoluteUri).Append('\n');
        return this;
    }

    /// <summary>The finished email; <paramref name="subject"/> is reduced to one line.</summary>
    public EmailMessage Build(string to, string subject)
    {
        var line = SingleLine.Subject(subject);
        var title = _encoder.Encode(line);
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            </head>
            <body style="margin:0;padding:0;background:#ffffff;color:{TextColor};font-family:Marianne, Arial, sans-serif;font-size:16px;line-height:1.5">
            <div role="article" aria-roledescription="email" aria-label="{title}" lang="fr" style="max-width:640px;margin:0 auto;padding:16px">
            {_html}</div>
            </body>
            </html>

            """;
        var text = _text.ToString().TrimEnd('\n') + "\n";
        return new EmailMessage(SingleLine.Of(to), line, html, text);
    }

    private string Anchor(string label, Uri link) =>
        $"<a href=\"{_encoder.Encode(link.AbsoluteUri)}\" style=\"color:{LinkColor};text-decoration:underline\">{Inline(label)}</a>";

    /// <summary>Encoded text, with the French non-breaking spaces before high punctuation and inside quotes.</summary>
    private string Inline(string text) => _encoder.Encode(text)
        .Replace(" :", "&nbsp;:", StringComparison.Ordinal)
        .Replace(" ;", "&nbsp;;", StringComparison.Ordinal)
        .Replace(" ?", "&nbsp;?", StringComparison.Ordinal)
        .Replace(" !", "&nbsp;!", StringComparison.Ordinal)
        .Replace("« ", "«&nbsp;", StringComparison.Ordinal)
        .Replace(" »", "&nbsp;»", StringComparison.Ordinal);

    private string Lines(string text) => string.Join("<br>\n", SplitLines(text).Select(Inline));

    private static string TextLines(string text) => string.Join('\n', SplitLines(text));

    private static string[] SplitLines(string text) => (text ?? string.Empty).Trim().Split(LineBreaks, StringSplitOptions.None);
}
