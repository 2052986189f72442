using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Directory;

/// <summary>The JSON conventions of the directory document (API.md): camelCase, enums as camelCase strings, nulls omitted.</summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize(DirectoryDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    public static DirectoryDocument? Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<DirectoryDocument>(utf8Json, Options);

    /// <summary>Applies the directory conventions to options used elsewhere (the HTTP API).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
