// Azure Communication Services Email with an Azure-managed sender domain (DoNotReply@<guid>.azurecomm.net,
// no DNS to set up). For a custom domain, add a 'CustomerManaged' domain and verify its DNS records.
// Default quotas of a managed domain are low (a few emails per minute): request higher limits, or use a
// custom domain, before going live. The app paces its sending (Email:MaxPerMinute).
param tags object
param emailServiceName string
param communicationServiceName string

@description('Where message data is stored at rest.')
param dataLocation string = 'Europe'

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      userEngagementTracking: 'Disabled'
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [emailService::managedDomain.id]
  }
}

output name string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderDomain string = emailService::managedDomain.properties.mailFromSenderDomain
