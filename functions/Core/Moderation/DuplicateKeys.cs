using System.Security.Cryptography;
using System.Text;

namespace ConseillersEntreprises.Core.Moderation;

/// <summary>
/// The keys a submission is remembered by to spot a duplicate: its SIRET and its contact's email, each with its subject
/// (a company asking on two subjects is not a duplicate). Hashed (SHA-256, hex): the lookup table holds no personal
/// data, so erasing or anonymising a company's data never has to visit it.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>The window of the rule (issue 9: the last 48 hours), unless the setting says otherwise.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(48);

    /// <summary>The subject part of a need outside the catalogue.</summary>
    private const string NoSubject = "-";

    public static string OfSiret(string siret, string? subjectId) => Hash("siret", siret, subjectId);

    public static string OfEmail(string email, string? subjectId) => Hash("email", email.Trim().ToLowerInvariant(), subjectId);

    private static string Hash(string kind, string value, string? subjectId) =>
        kind + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{value}|{subjectId ?? NoSubject}")));
}
