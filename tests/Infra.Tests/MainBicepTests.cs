using System.Text.Json;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Infra.Tests.Arm;

namespace ConseillersEntreprises.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled by the real bicep CLI, and what its ARM template says about the function app's identity.
/// Values that exist only once deployed are checked by where they come from: the text of their expression, with
/// module parameters and variables resolved (see <see cref="ArmTemplate"/>).
/// </summary>
[Collection(CompiledMainBicepGroup.Name)]
public sealed class MainBicepTests(CompiledMainBicep compiled)
{
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    private const string SiteType = "Microsoft.Web/sites";
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    private ArmTemplate Template => compiled.Template;

    private ArmTemplate IdentityModule => Template.DeploymentDeclaring(IdentityType);

    private ArmTemplate FunctionAppModule => Template.DeploymentDeclaring(SiteType);

    private ArmObject Site => FunctionAppModule.Resources.Single(r => r.Type == SiteType).Evaluated();

    private ArmObject AppSettings => FunctionAppModule.Resources
        .Single(r => r.Type == $"{SiteType}/config" && r.Evaluated()["name"] is Unresolved name && name.Text.EndsWith("/appsettings", StringComparison.Ordinal))
        .Evaluated().Nested("properties");

    [Fact]
    public void Main_bicep_builds_without_errors_or_warnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.StandardError);
        Assert.Equal("", compiled.Build.StandardError.Trim());
        using var json = JsonDocument.Parse(compiled.Build.StandardOutput);
        Assert.Contains("subscriptionDeploymentTemplate", json.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_bicep_and_its_modules_lint_clean()
    {
        var lint = await Bicep.RunAsync("lint", CompiledMainBicep.MainBicep, "--diagnostics-format", "sarif");

        Assert.True(lint.ExitCode == 0, lint.StandardError);
        using var sarif = JsonDocument.Parse(lint.StandardOutput);
        var findings = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(result => $"{result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}")
            .ToList();
        Assert.Empty(findings);
        Assert.Equal("", lint.StandardError.Trim());
    }

    [Fact]
    public void The_identity_module_creates_a_user_assigned_identity_and_outputs_its_ids()
    {
        Assert.Single(IdentityModule.Resources, r => r.Type == IdentityType);
        var reference = $@"reference\(resourceId\('{Regex.Escape(IdentityType)}', .+\), '[^']+'\)";

        Assert.Matches($@"^resourceId\('{Regex.Escape(IdentityType)}', .+\)$", Text(IdentityModule.Output("id")));
        Assert.Matches($@"^{reference}\.principalId$", Text(IdentityModule.Output("principalId")));
        Assert.Matches($@"^{reference}\.clientId$", Text(IdentityModule.Output("clientId")));
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_only()
    {
        var identity = Site.Nested("identity");

        Assert.Equal("UserAssigned", identity["type"]);
        var assigned = Assert.Single(identity.Nested("userAssignedIdentities").Properties.Keys);
        AssertIsIdentityOutput(assigned, "id");
        AssertIsIdentityOutput(Site.Nested("properties")["keyVaultReferenceIdentity"], "id");
    }

    [Fact]
    public void The_flex_deployment_storage_authenticates_with_the_user_assigned_identity()
    {
        var storage = Site.Nested("properties").Nested("functionAppConfig").Nested("deployment").Nested("storage");

        Assert.Equal("blobContainer", storage["type"]);
        var authentication = storage.Nested("authentication");
        Assert.Equal("UserAssignedIdentity", authentication["type"]);
        AssertIsIdentityOutput(authentication["userAssignedIdentityResourceId"], "id");
        Assert.False(authentication.Properties.ContainsKey("storageAccountConnectionStringName"));
    }

    [Fact]
    public void The_runtime_is_dotnet_isolated_10_on_flex_consumption()
    {
        var runtime = Site.Nested("properties").Nested("functionAppConfig").Nested("runtime");
        var plan = FunctionAppModule.Resources.Single(r => r.Type == "Microsoft.Web/serverfarms").Evaluated();

        Assert.Equal("dotnet-isolated", runtime["name"]);
        Assert.Equal("10.0", runtime["version"]);
        Assert.Equal("functionapp,linux", Site["kind"]);
        Assert.Equal("FlexConsumption", plan.Nested("sku")["tier"]);
    }

    [Fact]
    public void The_host_storage_and_the_apps_credential_select_the_user_assigned_identity()
    {
        var settings = AppSettings;

        // Identity-based AzureWebJobsStorage (the Functions host and the Durable task hub: blobs, queues, tables).
        var storageAccount = ModuleOutput(Template.DeploymentDeclaring("Microsoft.Storage/storageAccounts"), "name");
        Assert.Matches(storageAccount, Text(settings["AzureWebJobsStorage__accountName"]));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        AssertIsIdentityOutput(settings["AzureWebJobsStorage__clientId"], "clientId");
        // The app's own DefaultAzureCredential (tables, ACS email).
        AssertIsIdentityOutput(settings["AZURE_CLIENT_ID"], "clientId");
        Assert.Matches(storageAccount, Text(settings["Storage__AccountName"]));
    }

    [Fact]
    public void Telemetry_is_sent_with_the_user_assigned_identity()
    {
        var authentication = Text(AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        Assert.Matches($@"^ClientId=\{{{ModuleOutputBody(IdentityModule, "clientId")}\}};Authorization=AAD$", authentication);
    }

    [Fact]
    public void Secrets_stay_key_vault_references_read_with_the_user_assigned_identity()
    {
        var keyVault = Template.DeploymentDeclaring("Microsoft.KeyVault/vaults");
        var signingKey = Text(AppSettings["Links__SigningKeys__0"]);

        Assert.Matches(
            $@"^@Microsoft\.KeyVault\(VaultName=\{{{ModuleOutputBody(keyVault, "name")}\}};SecretName=\{{{ModuleOutputBody(keyVault, "linkSigningKeySecretName")}\}}\)$",
            signingKey);
        AssertIsIdentityOutput(Site.Nested("properties")["keyVaultReferenceIdentity"], "id");
    }

    // What the Functions host and the Durable task hub need of storage, Key Vault references, telemetry with Entra ID
    // only, and sending email through ACS.
    [Theory]
    [InlineData("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")]
    [InlineData("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")]
    [InlineData("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")]
    [InlineData("Communication and Email Service Owner", "09976791-48a7-449e-bb21-39d1a415f350", "Microsoft.Communication/communicationServices")]
    public void The_user_assigned_identity_has_the_role(string role, string roleId, string scopeType)
    {
        var identityPrincipal = new Regex($"^{ModuleOutputBody(IdentityModule, "principalId")}$");
        var assignments = Template.AllResources
            .Where(r => r.Type == RoleAssignmentType)
            .SelectMany(r => r.Instances())
            .Where(a => a.Nested("properties")["principalId"] is Unresolved principal && identityPrincipal.IsMatch(principal.Text))
            .Where(a => Text(a.Nested("properties")["roleDefinitionId"]).Contains(roleId, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Contains("'Microsoft.Authorization/roleDefinitions'", Text(assignment.Nested("properties")["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.StartsWith($"resourceId('{scopeType}', ", Text(assignment["scope"]), StringComparison.Ordinal);
        // A just-created identity may not have replicated yet: the principal type spares the lookup that would fail.
        Assert.True("ServicePrincipal".Equals(assignment.Nested("properties")["principalType"]), $"{role}: principalType");
    }

    [Fact]
    public void The_roles_are_granted_before_the_function_app_exists_and_without_it()
    {
        var roles = Template.DeploymentDeclaring(RoleAssignmentType);

        Assert.Contains(FunctionAppModule.DependsOn(), d => Text(d).EndsWith($"'Microsoft.Resources/deployments', '{roles.DeploymentName}')", StringComparison.Ordinal));
        Assert.Contains(FunctionAppModule.DependsOn(), d => Text(d).EndsWith($"'Microsoft.Resources/deployments', '{IdentityModule.DeploymentName}')", StringComparison.Ordinal));
        Assert.DoesNotContain(roles.DependsOn(), d => Text(d).Contains($"'{FunctionAppModule.DeploymentName}'", StringComparison.Ordinal));
        Assert.DoesNotContain(FunctionAppModule.OutputNames, o => o.Contains("principal", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_connection_string_or_account_key_anywhere()
    {
        var compiledText = compiled.Build.StandardOutput;
        foreach (var secretMaker in new[] { "AccountKey", "listKeys(", "listAccountSas(", "listServiceSas(", "DefaultEndpointsProtocol", "SharedAccessSignature" })
        {
            Assert.DoesNotContain(secretMaker, compiledText, StringComparison.OrdinalIgnoreCase);
        }

        var settings = AppSettings;
        Assert.False(settings.Properties.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage as a connection string");
        // The Application Insights connection string holds no secret: the component accepts Entra ID ingestion only.
        Assert.DoesNotContain(
            settings.Properties.Keys.Where(k => k != "APPLICATIONINSIGHTS_CONNECTION_STRING"),
            k => Regex.IsMatch(k, "connection_?string", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(settings.UnresolvedParts, p => p.Text.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_outputs_the_azd_hooks_read_exist()
    {
        var azureYaml = File.ReadAllText(Paths.InRepository("azure.yaml"));
        var hooks = azureYaml[azureYaml.IndexOf("\nhooks:", StringComparison.Ordinal)..];
        // Set by azd itself, not by the template.
        string[] fromAzd = ["AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];
        var used = Regex.Matches(hooks, @"\$\{?([A-Z][A-Z0-9_]*)").Select(m => m.Groups[1].Value).Except(fromAzd).Distinct().ToList();

        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", used);
        Assert.All(used, name => Assert.Contains(name, Template.OutputNames));
    }

    [Fact]
    public void The_function_app_carries_the_azd_service_tag_of_azure_yaml()
    {
        var azureYaml = File.ReadAllLines(Paths.InRepository("azure.yaml"));
        var service = azureYaml
            .SkipWhile(line => line != "services:").Skip(1)
            .TakeWhile(line => line.Length == 0 || line[0] is ' ' or '#')
            .Select(line => Regex.Match(line, "^  ([A-Za-z0-9_-]+):"))
            .Single(m => m.Success).Groups[1].Value;

        Assert.Equal(service, Site.Nested("tags")["azd-service-name"]);
    }

    private static string Text(object? value) => value switch
    {
        Unresolved u => u.Text,
        string s => s,
        _ => throw new InvalidOperationException($"Expected a string, got {ArmTemplate.Render(value)}."),
    };

    /// <summary>A pattern for "the output of that module, read once it is deployed" (a reference to its deployment).</summary>
    private static string ModuleOutputBody(ArmTemplate module, string output) =>
        $@"reference\((?:extensionResourceId\((?:[^{{}}()]|\{{[^{{}}]*\}})+, |resourceId\()'Microsoft\.Resources/deployments', '{Regex.Escape(module.DeploymentName!)}'\), '[^']+'\)\.outputs\.{output}\.value";

    private static string ModuleOutput(ArmTemplate module, string output) => $"^{ModuleOutputBody(module, output)}$";

    private void AssertIsIdentityOutput(object? value, string output) =>
        Assert.Matches($@"^\{{?{ModuleOutputBody(IdentityModule, output)}\}}?$", Text(value));
}
