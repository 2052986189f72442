// Flex Consumption function app running functions/App, a .NET isolated-worker Functions app (dotnet-isolated 10.0).
// The Functions host owns the triggers (HTTP, Durable orchestrations and activities, timers) and scaling; the app
// gets its settings as environment variables.
// The app runs as a user-assigned identity only (identity.bicep, its roles in roles.bicep, granted before this
// module runs): the host's storage (AzureWebJobsStorage: blobs, queues and tables, the Durable task hub's too), the
// deployment package, Key Vault references and telemetry all select it by its client id or resource id, and so does
// the app's DefaultAzureCredential (AZURE_CLIENT_ID) for its tables and ACS. No connection strings, no shared keys.
param location string
param tags object
param planName string
param name string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('Client id of that identity.')
param identityClientId string

param storageAccountName string
param deploymentContainerUrl string
@description('Origin of the static website, allowed by CORS to call the API.')
param staticWebsiteOrigin string
param applicationInsightsConnectionString string

param keyVaultName string
param linkSigningKeySecretName string
@description('Empty when there is no SMTP password secret.')
param smtpPasswordSecretName string

param acsEndpoint string
param emailFrom string
param operatorEmails array
param siteBaseUrl string
param companyLookupBaseUrl string
param smtpHost string
param smtpPort int
param smtpUserName string

param maximumInstanceCount int
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: [staticWebsiteOrigin]
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var keyVaultRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

// The host's own storage and telemetry (identity-based). With a user-assigned identity the host must be told which
// one: credential + clientId, else it would look for a system-assigned identity the app does not have.
var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The app's DefaultAzureCredential (tables, ACS email) picks the managed identity with this client id.
  AZURE_CLIENT_ID: identityClientId
}

// The app's settings (API.md, "Settings"); workflow delays keep the app's defaults.
var appSettings = {
  Storage__AccountName: storageAccountName
  Email__From: emailFrom
  Links__SigningKeys__0: '${keyVaultRef}${linkSigningKeySecretName})'
  Site__BaseUrl: empty(siteBaseUrl) ? 'https://${site.properties.defaultHostName}' : siteBaseUrl
  CompanyLookup__BaseUrl: companyLookupBaseUrl
  Workflow__BusinessHoursOnly: 'true'
}

var operatorSettings = toObject(
  range(0, length(operatorEmails)),
  i => 'Operators__Emails__${i}',
  i => string(operatorEmails[i])
)

// Email goes either through ACS (managed identity) or through an SMTP relay.
var emailSettings = empty(smtpHost)
  ? {
      Email__Acs__Endpoint: acsEndpoint
    }
  : union(
      {
        Smtp__Host: smtpHost
        Smtp__Port: string(smtpPort)
        Smtp__UseTls: 'true'
        Smtp__UserName: smtpUserName
      },
      empty(smtpPasswordSecretName) ? {} : { Smtp__Password: '${keyVaultRef}${smtpPasswordSecretName})' }
    )

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, appSettings, operatorSettings, emailSettings)
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
output hostName string = site.properties.defaultHostName
