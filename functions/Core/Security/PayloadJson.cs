using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Security;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SignedTokens.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;
