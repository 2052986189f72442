using System.Globalization;
using System.Text;

namespace ConseillersEntreprises.Infra.Tests.Arm;

/// <summary>A node of an ARM template expression (the text between the outer brackets of "[...]").</summary>
public abstract record ArmNode(string Text);

public sealed record ArmLiteral(object Value, string Text) : ArmNode(Text);

public sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments, string Text) : ArmNode(Text);

public sealed record ArmMember(ArmNode Target, string Name, string Text) : ArmNode(Text);

public sealed record ArmIndex(ArmNode Target, ArmNode Key, string Text) : ArmNode(Text);

/// <summary>
/// Parses ARM template expressions: string and integer literals, function calls, property access and indexing,
/// which is all the language has (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions).
/// </summary>
public sealed class ArmExpressionParser
{
    private readonly string _source;
    private int _position;

    private ArmExpressionParser(string source) => _source = source;

    /// <summary>True for a JSON string ARM evaluates: "[...]", but not the escaped literal "[[...".</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && value[1] != '[';

    public static ArmNode Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new ArmExpressionParser(expression);
        var node = parser.ParseExpression();
        parser.SkipWhitespace();
        if (parser._position != expression.Length)
        {
            throw parser.Error("end of expression");
        }

        return node;
    }

    private ArmNode ParseExpression()
    {
        SkipWhitespace();
        var start = _position;
        var node = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (TryRead('.'))
            {
                SkipWhitespace();
                node = new ArmMember(node, ReadIdentifier(), _source[start.._position]);
            }
            else if (TryRead('['))
            {
                var key = ParseExpression();
                SkipWhitespace();
                Expect(']');
                node = new ArmIndex(node, key, _source[start.._position]);
            }
            else
            {
                return node;
            }
        }
    }

    private ArmNode ParsePrimary()
    {
        var start = _position;
        if (_position >= _source.Length)
        {
            throw Error("a value");
        }

        var c = _source[_position];
        if (c == '\'')
        {
            return new ArmLiteral(ReadString(), _source[start.._position]);
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            _position++;
            while (_position < _source.Length && char.IsAsciiDigit(_source[_position]))
            {
                _position++;
            }

            var text = _source[start.._position];
            return new ArmLiteral(long.Parse(text, CultureInfo.InvariantCulture), text);
        }

        var name = ReadIdentifier();
        SkipWhitespace();
        Expect('(');
        var arguments = new List<ArmNode>();
        SkipWhitespace();
        if (!TryRead(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryRead(','));
            Expect(')');
        }

        return new ArmCall(name, arguments, _source[start.._position]);
    }

    private string ReadString()
    {
        Expect('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _source.Length)
            {
                throw Error("a closing quote");
            }

            var c = _source[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_position < _source.Length && _source[_position] == '\'')
            {
                value.Append('\''); // '' is an escaped quote
                _position++;
            }
            else
            {
                return value.ToString();
            }
        }
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _source.Length && (char.IsAsciiLetterOrDigit(_source[_position]) || _source[_position] is '_' or '$'))
        {
            _position++;
        }

        return _position > start ? _source[start.._position] : throw Error("a name");
    }

    private void SkipWhitespace()
    {
        while (_position < _source.Length && char.IsWhiteSpace(_source[_position]))
        {
            _position++;
        }
    }

    private bool TryRead(char c)
    {
        if (_position < _source.Length && _source[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryRead(c))
        {
            throw Error($"'{c}'");
        }
    }

    private FormatException Error(string expected) =>
        new($"Expected {expected} at {_position} in ARM expression: {_source}");
}
