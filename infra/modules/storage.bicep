// One StorageV2 account for everything: the app's tables and queues (the app creates them at start-up),
// the Functions host's own blobs and queues (AzureWebJobsStorage), the Flex deployment package container,
// and the static website ($web) for site/. Shared keys are off: every client uses Entra ID.
// The static website itself is switched on by the azd postprovision hook (azure.yaml): it is a data-plane
// setting that ARM/Bicep cannot set.
param location string
param tags object
param name string
param deploymentContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false // the static website endpoint is public by design; containers are not
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: { enabled: true, days: 7 }
    }

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
    }
  }
}

// "https://<account>.z6.web.core.windows.net/" -> "https://<account>.z6.web.core.windows.net" (CORS origin).
var webEndpoint = storage.properties.primaryEndpoints.web

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output deploymentContainerName string = storage::blobServices::deploymentContainer.name
output webEndpoint string = webEndpoint
output webHostName string = split(webEndpoint, '/')[2] // Front Door's origin
output webOrigin string = endsWith(webEndpoint, '/') ? take(webEndpoint, max(length(webEndpoint) - 1, 0)) : webEndpoint
