using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3.1 document of the public API, written by hand and committed
/// (<c>OpenApi/openapi.json</c>, embedded in the app): the Functions worker has no endpoint metadata to generate it
/// from. A test checks it against the HTTP functions' routes.
/// </summary>
public sealed class OpenApiFunctions
{
    public const string ResourceName = "ConseillersEntreprises.App.OpenApi.openapi.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiFunctions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The app embeds {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private readonly Lazy<byte[]> _document = Document;

    [Function("OpenApiDocument")]
    public IResult OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        TypedResults.Bytes(_document.Value, "application/json; charset=utf-8");
}
