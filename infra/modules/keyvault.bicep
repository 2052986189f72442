// Key Vault (RBAC authorization) with the app's secrets. The function app reads them through Key Vault
// references in its app settings (functionapp.bicep), with the Key Vault Secrets User role (roles.bicep).
param location string
param tags object
param name string

@secure()
param linkSigningKey string

@secure()
@description('Empty: no SMTP secret (email goes through Azure Communication Services).')
param smtpPassword string = ''
param smtpPasswordSecretName string = 'smtp-password'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'links-signing-key-0'
  properties: {
    value: linkSigningKey
    contentType: 'kid=base64secret'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
  }
}

output name string = vault.name
output linkSigningKeySecretName string = linkSigningKeySecret.name
