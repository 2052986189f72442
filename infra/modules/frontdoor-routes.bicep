// Front Door's routes: /api/* to the function app (never cached), everything else to the storage static website
// (cached as the blobs' Cache-Control says: the vendored files a year, pages revalidated; the 404 document for unknown
// pages). One rule set on both routes sends the security headers the local host sends
// (functions/Core/Web/PageSecurityHeaders.cs, compared with this file by tests/Infra.Tests/FrontDoorHeadersTests.cs):
// every response gets them, and the embeddable pages asked with ?embed=1 may be framed by the partners' origins.
param profileName string
param endpointName string
@description('Host name of the storage account\'s static website (xxx.z6.web.core.windows.net).')
param siteHostName string
@description('Host name of the function app (xxx.azurewebsites.net).')
param apiHostName string
@description('Origins that may frame the embeddable pages with ?embed=1 (the directory\'s embedOrigins). Empty: no page may be framed.')
param embedOrigins array

// PageSecurityHeaders.Policy: the CSP without its frame-ancestors.
var policy = 'default-src \'self\'; script-src \'self\'; style-src \'self\'; img-src \'self\' data:; font-src \'self\'; connect-src \'self\'; base-uri \'none\'; form-action \'self\''
// PageSecurityHeaders.EmbeddablePages, compared after lowercasing the path (the local host ignores case); Front Door's
// request path has no leading slash.
var embeddablePages = ['demande.html', 'autre-besoin.html', 'confirmation.html']

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName

  resource endpoint 'afdEndpoints' existing = {
    name: endpointName
  }
}

resource securityHeaders 'Microsoft.Cdn/profiles/ruleSets@2024-02-01' = {
  parent: profile
  name: 'SecurityHeaders'
}

// Every response: what PageSecurityHeaders.For([]) gives.
resource everyResponse 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = {
  parent: securityHeaders
  name: 'EveryResponse'
  properties: {
    order: 1
    conditions: []
    actions: [
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'X-Content-Type-Options'
          value: 'nosniff'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Referrer-Policy'
          value: 'no-referrer'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'X-Frame-Options'
          value: 'DENY'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Content-Security-Policy'
          value: '${policy}; frame-ancestors \'none\''
        }
      }
    ]
    matchProcessingBehavior: 'Continue'
  }
}

// An embeddable page asked with embed=1: what PageSecurityHeaders.For(embedOrigins) gives (no X-Frame-Options).
resource embeddedPage 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = if (!empty(embedOrigins)) {
  parent: securityHeaders
  name: 'EmbeddedPage'
  dependsOn: [everyResponse]
  properties: {
    order: 2
    conditions: [
      {
        name: 'UrlPath'
        parameters: {
          typeName: 'DeliveryRuleUrlPathMatchConditionParameters'
          operator: 'Equal'
          negateCondition: false
          matchValues: embeddablePages
          transforms: ['Lowercase']
        }
      }
      {
        name: 'QueryString'
        parameters: {
          typeName: 'DeliveryRuleQueryStringConditionParameters'
          operator: 'RegEx'
          negateCondition: false
          matchValues: ['(^|&)embed=1(&|$)']
          transforms: []
        }
      }
    ]
    actions: [
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Delete'
          headerName: 'X-Frame-Options'
        }
      }
      {
        name: 'ModifyResponseHeader'
        parameters: {
          typeName: 'DeliveryRuleHeaderActionParameters'
          headerAction: 'Overwrite'
          headerName: 'Content-Security-Policy'
          value: '${policy}; frame-ancestors ${join(embedOrigins, ' ')}'
        }
      }
    ]
    matchProcessingBehavior: 'Continue'
  }
}

resource siteOrigins 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'site'
  properties: {
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    healthProbeSettings: { probePath: '/', probeRequestType: 'HEAD', probeProtocol: 'Https', probeIntervalInSeconds: 100 }
  }

  resource origin 'origins' = {
    name: 'static-website'
    properties: {
      hostName: siteHostName
      originHostHeader: siteHostName
      httpPort: 80
      httpsPort: 443
      priority: 1
      weight: 1000
      enabledState: 'Enabled'
      enforceCertificateNameCheck: true
    }
  }
}

resource apiOrigins 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'api'
  properties: {
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    healthProbeSettings: { probePath: '/api/health', probeRequestType: 'GET', probeProtocol: 'Https', probeIntervalInSeconds: 100 }
  }

  resource origin 'origins' = {
    name: 'function-app'
    properties: {
      hostName: apiHostName
      originHostHeader: apiHostName
      httpPort: 80
      httpsPort: 443
      priority: 1
      weight: 1000
      enabledState: 'Enabled'
      enforceCertificateNameCheck: true
    }
  }
}

resource apiRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: profile::endpoint
  name: 'api'
  dependsOn: [apiOrigins::origin, everyResponse, embeddedPage]
  properties: {
    originGroup: { id: apiOrigins.id }
    ruleSets: [{ id: securityHeaders.id }]
    supportedProtocols: ['Http', 'Https']
    patternsToMatch: ['/api/*']
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
}

resource siteRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: profile::endpoint
  name: 'site'
  dependsOn: [siteOrigins::origin, everyResponse, embeddedPage, apiRoute]
  properties: {
    originGroup: { id: siteOrigins.id }
    ruleSets: [{ id: securityHeaders.id }]
    supportedProtocols: ['Http', 'Https']
    patternsToMatch: ['/*']
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'UseQueryString' // ?embed=1 is another page
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: ['text/html', 'text/css', 'text/javascript', 'application/javascript', 'image/svg+xml']
      }
    }
  }
}
