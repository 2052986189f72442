using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Storage;
using ConseillersEntreprises.Storage.Diagnostics;
using ConseillersEntreprises.Storage.Directory;
using ConseillersEntreprises.Storage.Emails;
using ConseillersEntreprises.Storage.Partners;
using ConseillersEntreprises.Storage.Journal;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Retention;
using ConseillersEntreprises.Storage.Snapshots;
using ConseillersEntreprises.Storage.Stats;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Composition;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage client, through Microsoft.Extensions.Azure (a connection string locally, the managed identity on
    /// Azure), counted for <c>GET /api/admin/metrics/storage</c>, and the stores of our tables, created at start-up.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        // One managed-identity credential for storage and ACS (it caches its tokens); unused with a connection string.
        services.AddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        // Counts every Storage request (retries included) for GET /api/admin/metrics/storage and the load driver.
        services.AddSingleton(sp => new StorageRequestCounter(TablePrefix(sp)));
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => sp.GetRequiredService<TokenCredential>());
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
                {
                    options.AddPolicy(sp.GetRequiredService<StorageRequestCounter>(), HttpPipelinePosition.PerRetry);
                    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                    return StorageClients.Tables(storage.ConnectionString, storage.AccountName, credential, options);
                })
                .ConfigureOptions(options =>
                {
                    // Few, quick retries: a request waiting on storage is a person waiting; the workflow retries on its own.
                    options.Retry.MaxRetries = 2;
                    options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                    options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
                });
        });
        services.AddSingleton(sp => new TableDirectoryStore(Tables(sp), sp.GetRequiredService<TimeProvider>(), TablePrefix(sp)));
        services.AddSingleton(sp => new AdvisorInbox(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new OperatorBaskets(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new NeedSearchIndex(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new TableNeedStats(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new TablePartnerStats(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new AntennaNeedsTable(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new ManagerDigestRuns(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new SentEmailLedger(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new EmailBudget(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new NeedSnapshotStore(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new PartnerKeyStore(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new RetentionIndex(Tables(sp), TablePrefix(sp)));
        services.AddSingleton(sp => new OperatorJournal(Tables(sp), TablePrefix(sp)));
        services.AddHostedService<StorageSetup>();
        return services;
    }

    private static TableServiceClient Tables(IServiceProvider sp) => sp.GetRequiredService<TableServiceClient>();

    private static string? TablePrefix(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
}
