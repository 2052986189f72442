namespace ConseillersEntreprises.App;

/// <summary>What every HTTP function asks of its request.</summary>
public static class FunctionRequests
{
    /// <summary>The request's context (its response headers, its connection), checked once for the analyzers.</summary>
    public static HttpContext Context(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext;
    }
}
