// Flex Consumption function app running functions/App, a .NET isolated-worker Functions app (dotnet-isolated 10.0).
// The Functions host owns the triggers (HTTP, Durable orchestrations and activities, timers) and scaling; the app
// gets its settings as environment variables.
// Storage is reached with the system-assigned identity (no connection strings, no shared keys).
param location string
param tags object
param planName string
param name string

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
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
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
          authentication: { type: 'SystemAssignedIdentity' }
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

// The host's own storage and telemetry (identity-based).
var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
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
output principalId string = site.identity.principalId
output url string = 'https://${site.properties.defaultHostName}'
