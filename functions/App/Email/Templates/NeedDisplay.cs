using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>How need emails name the things of a need: the company, its commune, the institutions, the statuses.</summary>
public static class NeedDisplay
{
    /// <summary>What advisors read for a company without SIRET.</summary>
    public const string NotYetRegistered = "Pas encore immatriculée (création ou reprise) : pas de SIRET";

    /// <summary>The company name, or its SIRET when the name is unknown.</summary>
    public static string CompanyName(NeedCompany company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var name = SingleLine.Of(company.Name);
        if (name.Length > 0)
        {
            return name;
        }

        return company.Siret is null ? "Entreprise en création" : $"Établissement SIRET {Siret(company.Siret)}";
    }

    /// <summary>The commune's name, or its INSEE code when the name is unknown.</summary>
    public static string Commune(NeedCompany company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var name = SingleLine.Of(company.CommuneName);
        return name.Length > 0 ? name : $"commune {SingleLine.Of(company.CommuneCode)}";
    }

    /// <summary>"Penne-d'Agenais (47203)".</summary>
    public static string CommuneWithCode(NeedCompany company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var name = SingleLine.Of(company.CommuneName);
        var code = SingleLine.Of(company.CommuneCode);
        return name.Length > 0 ? $"{name} ({code})" : code;
    }

    /// <summary>"732 829 320 00074": SIREN in groups of three, then the establishment number; for no SIRET, <see cref="NotYetRegistered"/>.</summary>
    public static string Siret(string? siret)
    {
        if (siret is null)
        {
            return NotYetRegistered;
        }

        var digits = SingleLine.Of(siret);
        return digits.Length == 14 && digits.All(char.IsAsciiDigit)
            ? $"{digits[..3]} {digits[3..6]} {digits[6..9]} {digits[9..]}"
            : digits;
    }

    /// <summary>
    /// A phone number as French people write it: "06 12 34 56 78" for the E.164 numbers of metropolitan France and of
    /// the overseas departments sharing its ten-digit plan; anything else as stored.
    /// </summary>
    public static string Phone(string phone)
    {
        var stored = SingleLine.Of(phone);
        string[] prefixes = ["+33", "+262", "+590", "+594", "+596"];
        foreach (var prefix in prefixes)
        {
            var national = stored.StartsWith(prefix, StringComparison.Ordinal) ? stored[prefix.Length..] : null;
            if (national is { Length: 9 } && national.All(char.IsAsciiDigit))
            {
                return $"0{national[0]} {national[1..3]} {national[3..5]} {national[5..7]} {national[7..]}";
            }
        }

        return stored;
    }

    /// <summary>The distinct institution names of these matches, in dispatch order.</summary>
    public static IReadOnlyList<string> Institutions(IEnumerable<NeedMatch> matches) =>
        [.. matches.Select(m => SingleLine.Of(m.InstitutionName)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>"Marie Martin (CCI Lot-et-Garonne)".</summary>
    public static string AdvisorWithInstitution(string name, string institution)
    {
        var person = SingleLine.Of(name);
        var where = SingleLine.Of(institution);
        return where.Length > 0 ? $"{person} ({where})" : person;
    }

    /// <summary>The need's status as operators read it (an abandoned or cancelled need is never called refused).</summary>
    public static string Status(NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsUnrouted && !state.IsCancelled)
        {
            return "sans conseiller";
        }

        return state.Status switch
        {
            NeedStatus.Quo => "en attente de réponse",
            NeedStatus.TakingCare => "pris en charge",
            NeedStatus.Done => "clôturé avec une aide proposée",
            NeedStatus.DoneNoHelp => "clôturé sans aide possible",
            NeedStatus.DoneNotReachable => "clôturé, entreprise injoignable",
            NeedStatus.NotForMe => "refusé par tous les conseillers",
            NeedStatus.Abandoned => "abandonné (personne ne l'a pris en charge dans les délais)",
            NeedStatus.Cancelled => "annulé",
            _ => state.Status.ToString(),
        };
    }
}
