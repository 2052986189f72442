using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using ConseillersEntreprises.LocalHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not the in-memory test server: a browser has to reach it), serving
/// the site and the API from one URL as a local run does.
/// </summary>
public sealed class SiteHost : WebApplicationFactory<LocalHostApp>
{
    private readonly Dictionary<string, string?> _settings;

    public SiteHost(IReadOnlyDictionary<string, string?> settings, int port)
    {
        _settings = new Dictionary<string, string?>(settings);
        Port = port;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>A port nobody listens on right now (the system picks it; released at once for the app to take).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }
}
