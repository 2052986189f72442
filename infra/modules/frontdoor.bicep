// Azure Front Door (Standard): the one public address of the site and its API. Its endpoint comes first, alone, so
// that the function app can be given its host name (links in emails); frontdoor-routes.bicep then connects it to the
// static website and to the function app once both exist.
// Why Front Door and not Static Web Apps: the pages call the API on their own origin (CSP connect-src 'self'), which
// needs /api/* and the pages behind one host; Static Web Apps links only Consumption, Premium and Dedicated function
// apps (not Flex Consumption) and only on its Standard plan; and the embeddable pages' frame-ancestors depends on the
// query (?embed=1), which Front Door's rules match and Static Web Apps' routes (paths only) do not.
param tags object
param profileName string
param endpointName string

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: { enabledState: 'Enabled' }
}

output profileName string = profile.name
output endpointName string = endpoint.name
output hostName string = endpoint.properties.hostName
