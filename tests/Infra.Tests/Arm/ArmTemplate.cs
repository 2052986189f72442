using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ConseillersEntreprises.Infra.Tests.Arm;

/// <summary>
/// A value known only when deploying (a deployed resource's property, a top-level parameter, a unique string...), kept
/// as the text of its expression with whatever could be resolved before deploying resolved into it: a module's
/// parameter becomes what its parent passes, a variable its value, format() its text with the unknown parts in braces.
/// </summary>
/// <param name="Text">The expression, or for a string made by format(), that string with its unknown parts in braces.</param>
/// <param name="IsFormatted">Made by format(): a string partly known.</param>
public sealed record Unresolved(string Text, bool IsFormatted = false)
{
    public override string ToString() => Text;
}

/// <summary>
/// An evaluated JSON object. <see cref="UnresolvedParts"/> are what union() could not merge before deploying: objects
/// whose keys are known only then.
/// </summary>
public sealed class ArmObject(IReadOnlyDictionary<string, object?> properties, IReadOnlyList<Unresolved> unresolvedParts)
{
    public IReadOnlyDictionary<string, object?> Properties { get; } = properties;

    public IReadOnlyList<Unresolved> UnresolvedParts { get; } = unresolvedParts;

    public object? this[string key] => Properties.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"No '{key}' among: {string.Join(", ", Properties.Keys)}.");

    public ArmObject Nested(string key) => this[key] as ArmObject ?? throw new InvalidOperationException($"'{key}' is not an object: {this[key]}.");
}

/// <summary>One resource of a template; <see cref="Instances"/> evaluates it, once per copy of a copy loop.</summary>
public sealed class ArmResource(ArmTemplate template, JsonElement json)
{
    public ArmTemplate Template { get; } = template;

    public JsonElement Json { get; } = json;

    public string Type => Json.GetProperty("type").GetString()!;

    public IReadOnlyList<ArmObject> Instances()
    {
        if (!Json.TryGetProperty("copy", out var copy))
        {
            return [(ArmObject)Template.Evaluate(Json)!];
        }

        return Template.Evaluate(copy.GetProperty("count")) is long count
            ? [.. Enumerable.Range(0, (int)count).Select(i => (ArmObject)Template.Evaluate(Json, i)!)]
            : throw new InvalidOperationException($"The copy count of a {Type} is known only when deploying.");
    }

    public ArmObject Evaluated() => Instances().Single();
}

/// <summary>
/// A compiled ARM template (what <c>bicep build</c> writes) or one of its nested deployments (a Bicep module), able to
/// evaluate the expressions that do not need a deployment. Anything that does (reference(), resourceId(), a top-level
/// parameter...) becomes an <see cref="Unresolved"/> whose text says what it is made of, so that a test can check
/// where a value comes from without pretending to know it.
/// </summary>
public sealed class ArmTemplate
{
    private const string DeploymentType = "Microsoft.Resources/deployments";
    private readonly ArmTemplate? _parent;
    private readonly JsonElement _deployment;

    private ArmTemplate(JsonElement json, ArmTemplate? parent, JsonElement deployment)
    {
        Json = json;
        _parent = parent;
        _deployment = deployment;
        if (parent is not null)
        {
            // Bicep compiles modules with the inner scope: their expressions see their own parameters, not the parent's.
            var scope = deployment.GetProperty("properties").TryGetProperty("expressionEvaluationOptions", out var options)
                ? options.GetProperty("scope").GetString()
                : "outer";
            if (!string.Equals(scope, "inner", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException("Only nested deployments evaluated in their inner scope are supported.");
            }

            DeploymentName = parent.Evaluate(deployment.GetProperty("name")) as string
                ?? throw new NotSupportedException("A nested deployment whose name is known only when deploying.");
        }
    }

    public JsonElement Json { get; }

    /// <summary>The name of the nested deployment (a Bicep module's name); null for the template itself.</summary>
    public string? DeploymentName { get; }

    public static ArmTemplate Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ArmTemplate(document.RootElement.Clone(), null, default);
    }

    /// <summary>The template's resources, whether compiled as an array or, with symbolic names, as an object.</summary>
    public IEnumerable<ArmResource> Resources =>
        !Json.TryGetProperty("resources", out var resources) ? []
        : resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray().Select(r => new ArmResource(this, r))
        : resources.EnumerateObject().Select(r => new ArmResource(this, r.Value));

    /// <summary>This template's nested deployments (Bicep modules), not theirs.</summary>
    public IEnumerable<ArmTemplate> Deployments =>
        Resources
            .Where(r => r.Type == DeploymentType && r.Json.GetProperty("properties").TryGetProperty("template", out _))
            .Select(r => new ArmTemplate(r.Json.GetProperty("properties").GetProperty("template"), this, r.Json));

    /// <summary>Every resource of this template and of its nested deployments, however deep.</summary>
    public IEnumerable<ArmResource> AllResources => Resources.Concat(Deployments.SelectMany(d => d.AllResources));

    /// <summary>The one nested deployment, however deep, that itself declares a resource of this type.</summary>
    public ArmTemplate DeploymentDeclaring(string resourceType)
    {
        var found = AllDeployments().Where(d => d.Resources.Any(r => r.Type == resourceType)).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"{found.Count} nested deployments declare a {resourceType}, not one.");
    }

    public IEnumerable<ArmTemplate> AllDeployments() => Deployments.SelectMany(d => d.AllDeployments().Prepend(d));

    /// <summary>The deployment resource's dependsOn in its parent, evaluated.</summary>
    public IReadOnlyList<object?> DependsOn() =>
        _parent is not null && _deployment.TryGetProperty("dependsOn", out var dependsOn)
            ? (IReadOnlyList<object?>)_parent.Evaluate(dependsOn)!
            : [];

    public IReadOnlyCollection<string> OutputNames =>
        Json.TryGetProperty("outputs", out var outputs) ? [.. outputs.EnumerateObject().Select(o => o.Name)] : [];

    public object? Output(string name) => Evaluate(Json.GetProperty("outputs").GetProperty(name).GetProperty("value"));

    /// <summary>Evaluates a piece of this template: expressions in strings (and in property names) are evaluated.</summary>
    public object? Evaluate(JsonElement json, long? copyIndex = null) => json.ValueKind switch
    {
        JsonValueKind.String => EvaluateString(json.GetString()!, copyIndex),
        JsonValueKind.Number => json.TryGetInt64(out var integer) ? (object)integer : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => json.EnumerateArray().Select(item => Evaluate(item, copyIndex)).ToList(),
        JsonValueKind.Object => new ArmObject(
            json.EnumerateObject().ToDictionary(
                p => EvaluateString(p.Name, copyIndex) switch
                {
                    string key => key,
                    Unresolved key => key.Text,
                    var key => throw new NotSupportedException($"A property name that evaluates to {key}."),
                },
                p => Evaluate(p.Value, copyIndex),
                StringComparer.OrdinalIgnoreCase),
            []),
        _ => throw new NotSupportedException($"JSON {json.ValueKind}."),
    };

    private object? EvaluateString(string value, long? copyIndex) =>
        ArmExpressionParser.IsExpression(value) ? Evaluate(ArmExpressionParser.Parse(value[1..^1]), copyIndex)
        : value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] // an escaped literal "[...]"
        : value;

    private object? Evaluate(ArmNode node, long? copyIndex) => node switch
    {
        ArmLiteral literal => literal.Value,
        ArmMember member => Member(Evaluate(member.Target, copyIndex), member.Name),
        ArmIndex index => Index(Evaluate(index.Target, copyIndex), Evaluate(index.Key, copyIndex)),
        ArmCall call => Call(call, copyIndex),
        _ => throw new NotSupportedException(node.Text),
    };

    private object? Call(ArmCall call, long? copyIndex)
    {
        // if() evaluates only the branch it takes, as ARM does.
        if (call.Name.Equals("if", StringComparison.OrdinalIgnoreCase) && call.Arguments.Count == 3
            && Evaluate(call.Arguments[0], copyIndex) is bool condition)
        {
            return Evaluate(call.Arguments[condition ? 1 : 2], copyIndex);
        }

        var arguments = call.Arguments.Select(a => Evaluate(a, copyIndex)).ToList();
        return call.Name.ToUpperInvariant() switch
        {
            "PARAMETERS" when arguments is [string name] => Parameter(name),
            "VARIABLES" when arguments is [string name] => Evaluate(Json.GetProperty("variables").GetProperty(name)),
            "COPYINDEX" when arguments is [] && copyIndex is { } i => i,
            "LENGTH" when arguments is [IReadOnlyList<object?> list] => (long)list.Count,
            "LENGTH" when arguments is [string text] => (long)text.Length,
            "CREATEARRAY" => arguments,
            "CREATEOBJECT" when arguments.Count % 2 == 0 && arguments.Where((_, i) => i % 2 == 0).All(k => k is string) =>
                new ArmObject(
                    Enumerable.Range(0, arguments.Count / 2).ToDictionary(i => (string)arguments[2 * i]!, i => arguments[(2 * i) + 1], StringComparer.OrdinalIgnoreCase),
                    []),
            "UNION" when arguments.All(a => a is ArmObject or Unresolved) => Union(arguments),
            "FORMAT" when arguments is [string format, ..] => Format(format, arguments.Skip(1).ToList()),
            _ => new Unresolved($"{call.Name}({string.Join(", ", arguments.Select(Render))})"),
        };
    }

    private object? Parameter(string name)
    {
        if (_parent is null)
        {
            // The template's own parameters are given when deploying; their defaults are only defaults.
            return new Unresolved($"parameters('{name}')");
        }

        if (_deployment.GetProperty("properties").TryGetProperty("parameters", out var passed)
            && passed.TryGetProperty(name, out var parameter))
        {
            // What the parent passes: { "value": ... }, or an expression that makes that whole object.
            return _parent.Evaluate(parameter) switch
            {
                ArmObject passedObject => passedObject["value"],
                Unresolved unresolved => new Unresolved($"{unresolved.Text}.value"),
                var other => throw new NotSupportedException($"Parameter '{name}' passed as {other}."),
            };
        }

        var declared = Json.GetProperty("parameters").GetProperty(name);
        return declared.TryGetProperty("defaultValue", out var defaultValue)
            ? Evaluate(defaultValue)
            : throw new InvalidOperationException($"Deployment '{DeploymentName}' is given no '{name}' and it has no default.");
    }

    private static object? Member(object? target, string name) => target switch
    {
        ArmObject o when o.Properties.TryGetValue(name, out var value) => value,
        ArmObject o when o.UnresolvedParts.Count > 0 => new Unresolved($"{Render(o)}.{name}"),
        ArmObject o => throw new KeyNotFoundException($"No '{name}' among: {string.Join(", ", o.Properties.Keys)}."),
        Unresolved u => new Unresolved($"{u.Text}.{name}"),
        _ => throw new NotSupportedException($"Property '{name}' of {Render(target)}."),
    };

    private static object? Index(object? target, object? key) => (target, key) switch
    {
        (IReadOnlyList<object?> list, long i) => list[(int)i],
        (ArmObject, string name) => Member(target, name),
        (Unresolved or IReadOnlyList<object?> or ArmObject, _) => new Unresolved($"{Render(target)}[{Render(key)}]"),
        _ => throw new NotSupportedException($"Index {Render(key)} of {Render(target)}."),
    };

    private static ArmObject Union(List<object?> arguments)
    {
        var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var unresolved = new List<Unresolved>();
        foreach (var argument in arguments)
        {
            if (argument is ArmObject o)
            {
                foreach (var (key, value) in o.Properties)
                {
                    merged[key] = value; // the last one wins
                }

                unresolved.AddRange(o.UnresolvedParts);
            }
            else
            {
                unresolved.Add((Unresolved)argument!);
            }
        }

        return new ArmObject(merged, unresolved);
    }

    // .NET composite formatting, as ARM's format() does; the unknown parts are kept in braces.
    private static object Format(string format, List<object?> arguments)
    {
        var text = new StringBuilder();
        var anyUnresolved = false;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var index = int.Parse(format.AsSpan(i + 1, end - i - 1).ToString().Split(',', ':')[0], CultureInfo.InvariantCulture);
                var argument = arguments[index];
                anyUnresolved |= argument is Unresolved;
                text.Append(argument switch
                {
                    string s => s,
                    Unresolved { IsFormatted: true } u => u.Text,
                    Unresolved u => $"{{{u.Text}}}",
                    bool b => b ? "True" : "False",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => Render(other),
                });
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return anyUnresolved ? new Unresolved(text.ToString(), IsFormatted: true) : text.ToString();
    }

    /// <summary>A value as ARM expression text.</summary>
    public static string Render(object? value) => value switch
    {
        null => "null()",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true()" : "false()",
        Unresolved u => u.Text,
        ArmObject o => $"createObject({string.Join(", ", o.Properties.Select(p => $"{Render(p.Key)}, {Render(p.Value)}"))})"
            + string.Concat(o.UnresolvedParts.Select(u => $" + {u.Text}")),
        IReadOnlyList<object?> list => $"createArray({string.Join(", ", list.Select(Render))})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
