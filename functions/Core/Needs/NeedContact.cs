using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>The person at the company who submitted the need and whom advisors call back.</summary>
public sealed record NeedContact
{
    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public required string Phone { get; init; }

    /// <summary>"First Last", as emails greet the contact.</summary>
    [JsonIgnore]
    public string FullName => $"{FirstName} {LastName}".Trim();
}
