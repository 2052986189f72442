// The function app's user-assigned identity. It exists before the app does, so that main.bicep can grant its roles
// (roles.bicep) before the app is created: the Functions host reaches storage, Key Vault references and Application
// Insights with it from its very first start, and the roles do not wait on the app (no cycle through the app's own
// principal, as there would be with a system-assigned identity).
param location string
param tags object
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
// What the host (AzureWebJobsStorage__clientId) and DefaultAzureCredential (AZURE_CLIENT_ID) select the identity by.
output clientId string = identity.properties.clientId
