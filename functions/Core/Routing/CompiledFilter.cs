using System.Globalization;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// A <see cref="RoutingFilter"/> prepared for fast evaluation: codes normalized, communes resolved, subjects in a set.
/// <paramref name="owner"/> says where it was set ("l'institution Urssaf", …) for explanations.
/// </summary>
public sealed class CompiledFilter
{
    private readonly HashSet<string>? _subjects;
    private readonly int? _minYears;
    private readonly int? _maxYears;
    private readonly int? _minHeadcount;
    private readonly int? _maxHeadcount;
    private readonly string[]? _acceptedNaf;
    private readonly string[]? _excludedNaf;
    private readonly HashSet<string>? _excludedCommunes;
    private readonly string[]? _acceptedLegalForms;
    private readonly string[]? _excludedLegalForms;

    public CompiledFilter(RoutingFilter filter, string owner, TerritoryIndex territories)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(territories);
        Owner = owner;
        _subjects = filter.Subjects is { Count: > 0 } s ? new HashSet<string>(s, StringComparer.Ordinal) : null;
        _minYears = filter.MinYears;
        _maxYears = filter.MaxYears;
        _minHeadcount = filter.MinHeadcount;
        _maxHeadcount = filter.MaxHeadcount;
        _acceptedNaf = Codes(filter.AcceptedNaf);
        _excludedNaf = Codes(filter.ExcludedNaf);
        _acceptedLegalForms = Codes(filter.AcceptedLegalForms);
        _excludedLegalForms = Codes(filter.ExcludedLegalForms);
        _excludedCommunes = filter.ExcludedCommunes is { Count: > 0 } communes
            ? new HashSet<string>(communes.Select(c => territories.ResolveCommuneCode(c) ?? c.Trim()), StringComparer.Ordinal)
            : null;
    }

    public string Owner { get; }

    public bool AppliesTo(string subjectId) => _subjects is null || _subjects.Contains(subjectId);

    /// <summary>The filter leaves the commune out whatever the company (its excluded communes): a territory rule.</summary>
    public bool ExcludesCommune(string communeCode) => _excludedCommunes is not null && _excludedCommunes.Contains(communeCode);

    /// <summary>Checks every criterion in a fixed order and returns the first that fails.</summary>
    public FilterCheck Check(string communeCode, CompanyFacts? company, DateOnly today)
    {
        if (_minYears is not null || _maxYears is not null)
        {
            if (company?.CreationDate is not { } created)
            {
                return FilterCheck.AgeUnknown;
            }

            var age = AgeInYears(created, today);
            if (age < _minYears)
            {
                return FilterCheck.TooYoung;
            }

            if (age > _maxYears)
            {
                return FilterCheck.TooOld;
            }
        }

        if (_minHeadcount is not null || _maxHeadcount is not null)
        {
            if (!HeadcountBrackets.TryGetRange(company?.HeadcountBracket, out var low, out var high))
            {
                return FilterCheck.HeadcountUnknown;
            }

            // The whole bracket must satisfy the bound: "at least 10" is not proven by a 6–9 bracket.
            if (low < _minHeadcount)
            {
                return FilterCheck.HeadcountTooSmall;
            }

            if (high > _maxHeadcount)
            {
                return FilterCheck.HeadcountTooLarge;
            }
        }

        if (_acceptedNaf is not null || _excludedNaf is not null)
        {
            if (string.IsNullOrEmpty(company?.NafCode))
            {
                return FilterCheck.NafUnknown;
            }

            if (_acceptedNaf is not null && !ActivityCodes.MatchesAny(company.NafCode, _acceptedNaf))
            {
                return FilterCheck.NafNotAccepted;
            }

            if (_excludedNaf is not null && ActivityCodes.MatchesAny(company.NafCode, _excludedNaf))
            {
                return FilterCheck.NafExcluded;
            }
        }

        if (_excludedCommunes is not null && _excludedCommunes.Contains(communeCode))
        {
            return FilterCheck.CommuneExcluded;
        }

        if (_acceptedLegalForms is not null || _excludedLegalForms is not null)
        {
            if (string.IsNullOrEmpty(company?.LegalFormCode))
            {
                return FilterCheck.LegalFormUnknown;
            }

            if (_acceptedLegalForms is not null && !ActivityCodes.MatchesAny(company.LegalFormCode, _acceptedLegalForms))
            {
                return FilterCheck.LegalFormNotAccepted;
            }

            if (_excludedLegalForms is not null && ActivityCodes.MatchesAny(company.LegalFormCode, _excludedLegalForms))
            {
                return FilterCheck.LegalFormExcluded;
            }
        }

        return FilterCheck.Pass;
    }

    /// <summary>French explanation of a failed check, naming the criterion and the value that failed it.</summary>
    public string Describe(FilterCheck check, string communeCode, CompanyFacts? company, DateOnly today)
    {
        var age = company?.CreationDate is { } created ? AgeInYears(created, today) : (int?)null;
        var detail = check switch
        {
            FilterCheck.AgeUnknown => $"{AgeBounds()} : date de création de l'entreprise inconnue",
            FilterCheck.TooYoung or FilterCheck.TooOld => $"{AgeBounds()} : l'entreprise a {Years(age ?? 0)}",
            FilterCheck.HeadcountUnknown => $"{HeadcountBounds()} : effectif inconnu",
            FilterCheck.HeadcountTooSmall or FilterCheck.HeadcountTooLarge =>
                $"{HeadcountBounds()} : {HeadcountBrackets.Describe(company?.HeadcountBracket)}",
            FilterCheck.NafUnknown => "code NAF requis : code NAF inconnu",
            FilterCheck.NafNotAccepted => $"codes NAF acceptés {List(_acceptedNaf)} : {company?.NafCode}",
            FilterCheck.NafExcluded => $"codes NAF exclus {List(_excludedNaf)} : {company?.NafCode}",
            FilterCheck.CommuneExcluded => $"commune exclue : {communeCode}",
            FilterCheck.LegalFormUnknown => "forme juridique requise : forme juridique inconnue",
            FilterCheck.LegalFormNotAccepted => $"formes juridiques acceptées {List(_acceptedLegalForms)} : {company?.LegalFormCode}",
            FilterCheck.LegalFormExcluded => $"formes juridiques exclues {List(_excludedLegalForms)} : {company?.LegalFormCode}",
            _ => "filtre satisfait",
        };
        return $"Filtre de {Owner} ({detail})";
    }

    /// <summary>Whole years elapsed from creation to <paramref name="today"/> (birthday arithmetic).</summary>
    public static int AgeInYears(DateOnly created, DateOnly today)
    {
        var age = today.Year - created.Year;
        if (today < created.AddYears(age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }

    private string AgeBounds() => (_minYears, _maxYears) switch
    {
        ({ } min, { } max) => $"âge entre {min} et {max} ans",
        ({ } min, null) => $"âge minimum {Years(min)}",
        (null, { } max) => $"âge maximum {Years(max)}",
        _ => "âge",
    };

    private string HeadcountBounds() => (_minHeadcount, _maxHeadcount) switch
    {
        ({ } min, { } max) => $"effectif entre {min} et {max} salariés",
        ({ } min, null) => $"effectif minimum {min} salariés",
        (null, { } max) => $"effectif maximum {max} salariés",
        _ => "effectif",
    };

    private static string Years(int n) => n <= 1 ? $"{n} an" : $"{n} ans";

    private static string List(string[]? codes) => codes is null ? string.Empty : string.Join(", ", codes);

    private static string[]? Codes(List<string>? codes) =>
        codes is { Count: > 0 } ? [.. codes.Select(ActivityCodes.Normalize).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)] : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Filter({Owner})");
}
