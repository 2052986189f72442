// Conseillers-Entreprises on Azure: one resource group with
//   - a storage account (tables, queues, the Functions host's blobs, the deployment package, the static site),
//   - a Flex Consumption function app (.NET isolated worker, dotnet-isolated 10.0) that runs as a user-assigned
//     identity only, created with its roles before the app, so the app has them from its first start,
//   - Application Insights + Log Analytics,
//   - a Key Vault holding the secrets, read by the app through Key Vault references,
//   - Azure Communication Services Email (Azure-managed sender domain),
//   - Azure Front Door (Standard): the public address, /api/* to the function app and the rest to the static website,
//     with the security headers the local host sends (modules/frontdoor.bicep says why Front Door).
// Deploy with `azd up` (azure.yaml at the repository root) or `az deployment sub create`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd env name); used in the resource group name and resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every regional resource. Must offer Flex Consumption (e.g. francecentral, westeurope).')
param location string

@description('Object id of the person or pipeline that deploys: may upload the static site and manage Key Vault secrets. Empty: none.')
param principalId string = ''

@secure()
@minLength(40)
@description('First link signing key, "kid=base64secret" with 32+ random bytes, e.g. prod1=$(head -c 32 /dev/urandom | base64).')
param linkSigningKey string

@description('Operators\' email addresses, comma-separated: the only ones that can get an operator sign-in link.')
param operatorEmails string = ''

@description('Public base URL used in email links. Empty: the Front Door endpoint\'s URL (the site and its API).')
param siteBaseUrl string = ''

@description('Origins that may frame the need form asked with ?embed=1, comma-separated (https://www.partenaire.fr): the directory\'s embedOrigins, which Front Door\'s frame-ancestors cannot read at run time. Empty: no page may be framed.')
param embedOrigins string = ''

@description('API Recherche d\'entreprises base URL.')
param companyLookupBaseUrl string = 'https://recherche-entreprises.api.gouv.fr'

@description('Optional SMTP relay instead of Azure Communication Services. Empty host: email goes through ACS with the managed identity.')
param smtpHost string = ''
param smtpPort int = 587
param smtpUserName string = ''
@secure()
param smtpPassword string = ''

@description('Flex Consumption scale-out limit and instance size.')
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName }
var smtpPasswordSecretName = 'smtp-password'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'kv-${resourceToken}'
    linkSigningKey: linkSigningKey
    smtpPassword: smtpPassword
    smtpPasswordSecretName: smtpPasswordSecretName
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    tags: tags
    emailServiceName: 'ecs-${resourceToken}'
    communicationServiceName: 'acs-${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'id-${resourceToken}'
  }
}

// The identity's roles, granted before the function app exists (functionApp depends on this module).
module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    communicationServiceName: communication.outputs.name
  }
}

// The public endpoint first: the function app's links need its host name; its routes come once both origins exist.
module frontDoor 'modules/frontdoor.bicep' = {
  name: 'frontdoor'
  scope: rg
  params: {
    tags: tags
    profileName: 'afd-${resourceToken}'
    endpointName: 'ce-${resourceToken}'
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The host reads its storage and Key Vault references as soon as the app exists: its roles must be there first.
  dependsOn: [roles]
  params: {
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    planName: 'plan-${resourceToken}'
    name: 'func-${resourceToken}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainerName}'
    staticWebsiteOrigin: storage.outputs.webOrigin
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: keyVault.outputs.name
    linkSigningKeySecretName: keyVault.outputs.linkSigningKeySecretName
    smtpPasswordSecretName: empty(smtpPassword) ? '' : smtpPasswordSecretName
    acsEndpoint: communication.outputs.endpoint
    emailFrom: 'Conseillers-Entreprises <DoNotReply@${communication.outputs.senderDomain}>'
    operatorEmails: filter(map(split(operatorEmails, ','), email => trim(email)), email => !empty(email))
    siteBaseUrl: empty(siteBaseUrl) ? 'https://${frontDoor.outputs.hostName}' : siteBaseUrl
    companyLookupBaseUrl: companyLookupBaseUrl
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module frontDoorRoutes 'modules/frontdoor-routes.bicep' = {
  name: 'frontdoor-routes'
  scope: rg
  params: {
    profileName: frontDoor.outputs.profileName
    endpointName: frontDoor.outputs.endpointName
    siteHostName: storage.outputs.webHostName
    apiHostName: functionApp.outputs.hostName
    embedOrigins: filter(map(split(embedOrigins, ','), origin => trim(origin)), origin => !empty(origin))
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output API_URL string = functionApp.outputs.url
output STATIC_SITE_URL string = storage.outputs.webEndpoint
output SITE_URL string = 'https://${frontDoor.outputs.hostName}'
output ACS_ENDPOINT string = communication.outputs.endpoint
