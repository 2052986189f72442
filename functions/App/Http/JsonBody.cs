using System.Text.Json;

namespace ConseillersEntreprises.App;

/// <summary>
/// Reads a function's JSON body as the minimal APIs did: an empty body is null, a body that is not JSON is a French
/// 400 (415 when it is not even sent as JSON), never a 500.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0)
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Format non pris en charge",
                detail: "Envoyez du JSON (Content-Type: application/json)."));
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(ct), null);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Requête invalide",
                detail: "La requête est mal formée : vérifiez le JSON envoyé et ses champs."));
        }
    }
}
