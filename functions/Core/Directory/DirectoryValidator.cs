using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Directory;

/// <summary>
/// Checks a whole directory document before anything is stored: every problem is listed (not only the first),
/// with its JSON path and a French message an operator can act on.
/// </summary>
public static class DirectoryValidator
{
    public static IReadOnlyList<DirectoryProblem> Validate(DirectoryDocument? document, TerritoryIndex territories)
    {
        ArgumentNullException.ThrowIfNull(territories);
        var problems = new List<DirectoryProblem>();
        if (document is null)
        {
            problems.Add(new("$", "Le document de l'annuaire est vide ou illisible"));
            return problems;
        }

        var context = new Context(problems, territories);
        var subjects = ValidateCatalogue(document, context);
        var institutions = ValidateInstitutions(document, subjects, context);
        var antennas = ValidateAntennas(document, institutions, subjects, context);
        ValidateAdvisors(document, institutions, antennas, subjects, context);
        return problems;
    }

    private static HashSet<string> ValidateCatalogue(DirectoryDocument document, Context context)
    {
        var themeIds = new HashSet<string>(StringComparer.Ordinal);
        var subjectIds = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < document.Themes.Count; t++)
        {
            var theme = document.Themes[t];
            var path = $"themes[{t}]";
            context.RequireId(theme?.Id, path, themeIds, "thème");
            if (theme is null)
            {
                continue;
            }

            context.RequireText(theme.Label, $"{path}.label", "Le libellé du thème est obligatoire");
            for (var s = 0; s < theme.Subjects.Count; s++)
            {
                var subject = theme.Subjects[s];
                var subjectPath = $"{path}.subjects[{s}]";
                context.RequireId(subject?.Id, subjectPath, subjectIds, "sujet");
                context.RequireText(subject?.Label, $"{subjectPath}.label", "Le libellé du sujet est obligatoire");
                Keywords(subject?.Keywords, $"{subjectPath}.keywords", context);
            }
        }

        return subjectIds;
    }

    /// <summary>A subject's keywords: each 2 to 60 characters without spaces around, at most 30, no two alike (case ignored).</summary>
    private static void Keywords(List<string>? keywords, string path, Context context)
    {
        if (keywords is null)
        {
            return;
        }

        if (keywords.Count > MaxKeywords)
        {
            context.Add(path, $"{keywords.Count} mots-clés : {MaxKeywords} au plus par sujet");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < keywords.Count; k++)
        {
            var keyword = keywords[k];
            if (string.IsNullOrWhiteSpace(keyword))
            {
                context.Add($"{path}[{k}]", "Mot-clé vide");
            }
            else if (keyword.Trim().Length != keyword.Length)
            {
                context.Add($"{path}[{k}]", $"Le mot-clé « {keyword} » commence ou finit par des espaces : retirez-les");
            }
            else if (keyword.Length is < 2 or > 60 || keyword.Any(char.IsControl))
            {
                context.Add($"{path}[{k}]", $"Le mot-clé « {keyword} » doit compter de 2 à 60 caractères, sans caractère de contrôle");
            }
            else if (!seen.Add(keyword))
            {
                context.Add($"{path}[{k}]", $"Mot-clé « {keyword} » en double");
            }
        }
    }

    private const int MaxKeywords = 30;

    private static Dictionary<string, Institution> ValidateInstitutions(DirectoryDocument document, HashSet<string> subjects, Context context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, Institution>(StringComparer.Ordinal);
        for (var i = 0; i < document.Institutions.Count; i++)
        {
            var institution = document.Institutions[i];
            var path = $"institutions[{i}]";
            if (!context.RequireId(institution?.Id, path, ids, "institution") || institution is null)
            {
                continue;
            }

            result[institution.Id] = institution;
            context.RequireText(institution.Name, $"{path}.name", "Le nom de l'institution est obligatoire");
            context.SubjectReferences(institution.Subjects, $"{path}.subjects", subjects);
            context.Filters(institution.Filters, $"{path}.filters", subjects);
            EmbedOrigins(institution.EmbedOrigins, $"{path}.embedOrigins", context);
        }

        return result;
    }

    private static void EmbedOrigins(List<string>? origins, string path, Context context)
    {
        for (var o = 0; o < (origins?.Count ?? 0); o++)
        {
            if (Partners.EmbedOrigin.Normalize(origins![o], out var problem) is null)
            {
                context.Add($"{path}[{o}]", problem!);
            }
        }
    }

    private static Dictionary<string, Antenna> ValidateAntennas(DirectoryDocument document, Dictionary<string, Institution> institutions, HashSet<string> subjects, Context context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, Antenna>(StringComparer.Ordinal);
        for (var a = 0; a < document.Antennas.Count; a++)
        {
            var antenna = document.Antennas[a];
            var path = $"antennas[{a}]";
            if (!context.RequireId(antenna?.Id, path, ids, "antenne") || antenna is null)
            {
                continue;
            }

            result[antenna.Id] = antenna;
            context.RequireText(antenna.Name, $"{path}.name", "Le nom de l'antenne est obligatoire");
            if (string.IsNullOrWhiteSpace(antenna.InstitutionId) || !institutions.ContainsKey(antenna.InstitutionId))
            {
                context.Add($"{path}.institutionId", $"Institution « {antenna.InstitutionId} » inconnue");
            }

            var territories = antenna.Territories ?? new Territories();
            if (antenna.Level != AntennaLevel.National && territories.IsEmpty)
            {
                context.Add($"{path}.territories", "Une antenne locale ou régionale doit couvrir au moins un territoire (ou être de niveau national)");
            }

            context.Territories(territories, $"{path}.territories");
            var managers = antenna.Managers ?? [];
            for (var m = 0; m < managers.Count; m++)
            {
                context.RequireText(managers[m]?.Name, $"{path}.managers[{m}].name", "Le nom du responsable est obligatoire");
                context.RequireEmail(managers[m]?.Email, $"{path}.managers[{m}].email");
            }

            context.Filters(antenna.Filters, $"{path}.filters", subjects);
        }

        return result;
    }

    private static void ValidateAdvisors(DirectoryDocument document, Dictionary<string, Institution> institutions, Dictionary<string, Antenna> antennas, HashSet<string> subjects, Context context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var emailsByAntenna = new HashSet<(string, string)>();
        for (var v = 0; v < document.Advisors.Count; v++)
        {
            var advisor = document.Advisors[v];
            var path = $"advisors[{v}]";
            if (!context.RequireId(advisor?.Id, path, ids, "conseiller") || advisor is null)
            {
                continue;
            }

            context.RequireText(advisor.Name, $"{path}.name", "Le nom du conseiller est obligatoire");
            if (context.RequireEmail(advisor.Email, $"{path}.email") && antennas.ContainsKey(advisor.AntennaId ?? string.Empty) &&
                !emailsByAntenna.Add((advisor.AntennaId!, advisor.Email.Trim().ToUpperInvariant())))
            {
                context.Add($"{path}.email", $"L'adresse {advisor.Email} est déjà celle d'un autre conseiller de la même antenne");
            }

            Institution? institution = null;
            if (string.IsNullOrWhiteSpace(advisor.AntennaId) || !antennas.TryGetValue(advisor.AntennaId, out var antenna))
            {
                context.Add($"{path}.antennaId", $"Antenne « {advisor.AntennaId} » inconnue");
            }
            else
            {
                institutions.TryGetValue(antenna.InstitutionId ?? string.Empty, out institution);
            }

            var advisorSubjects = advisor.Subjects ?? [];
            context.SubjectReferences(advisorSubjects, $"{path}.subjects", subjects);
            if (institution is not null)
            {
                for (var s = 0; s < advisorSubjects.Count; s++)
                {
                    if (subjects.Contains(advisorSubjects[s] ?? string.Empty) && !institution.Subjects.Contains(advisorSubjects[s]))
                    {
                        context.Add($"{path}.subjects[{s}]", $"Le sujet « {advisorSubjects[s]} » n'est pas dans le catalogue de l'institution {institution.Name}");
                    }
                }
            }

            if (advisor.Territories is { } specific)
            {
                if (specific.IsEmpty)
                {
                    context.Add($"{path}.territories", "Des territoires spécifiques vides ne couvriraient rien : retirez-les pour reprendre ceux de l'antenne");
                }

                context.Territories(specific, $"{path}.territories");
            }

            context.Filters(advisor.Filters, $"{path}.filters", subjects);
        }
    }

    private sealed class Context(List<DirectoryProblem> problems, TerritoryIndex index)
    {
        public void Add(string path, string message) => problems.Add(new(path, message));

        public bool RequireId(string? id, string path, HashSet<string> seen, string kind)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Add($"{path}.id", $"Identifiant de {kind} manquant");
                return false;
            }

            if (id.Length > 100 || id.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
            {
                Add($"{path}.id", $"Identifiant de {kind} « {id} » invalide (100 caractères au plus, sans / \\ # ?)");
                return false;
            }

            if (!seen.Add(id))
            {
                Add($"{path}.id", $"Identifiant de {kind} « {id} » en double");
                return false;
            }

            return true;
        }

        public void RequireText(string? value, string path, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, message);
            }
        }

        public bool RequireEmail(string? value, string path)
        {
            if (!EmailAddress.IsValid(value?.Trim()))
            {
                Add(path, string.IsNullOrWhiteSpace(value) ? "Adresse email obligatoire" : $"Adresse email « {value} » invalide");
                return false;
            }

            return true;
        }

        public void SubjectReferences(List<string>? ids, string path, HashSet<string> subjects)
        {
            if (ids is null)
            {
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                if (!subjects.Contains(ids[i] ?? string.Empty))
                {
                    Add($"{path}[{i}]", $"Sujet « {ids[i]} » inconnu");
                }
                else if (!seen.Add(ids[i]))
                {
                    Add($"{path}[{i}]", $"Sujet « {ids[i]} » en double");
                }
            }
        }

        public void Territories(Territories covered, string path)
        {
            Codes(covered.Communes, $"{path}.communes", c => index.FindCommune(c) is not null, "Commune");
            Codes(covered.Epcis, $"{path}.epcis", index.IsEpci, "EPCI");
            Codes(covered.Departements, $"{path}.departements", index.IsDepartement, "Département");
            Codes(covered.Regions, $"{path}.regions", index.IsRegion, "Région");
        }

        public void Filters(List<RoutingFilter>? filters, string path, HashSet<string> subjects)
        {
            if (filters is null)
            {
                return;
            }

            for (var f = 0; f < filters.Count; f++)
            {
                var filter = filters[f];
                var filterPath = $"{path}[{f}]";
                if (filter is null)
                {
                    Add(filterPath, "Filtre vide");
                    continue;
                }

                SubjectReferences(filter.Subjects, $"{filterPath}.subjects", subjects);
                Range(filter.MinYears, filter.MaxYears, $"{filterPath}", "minYears", "maxYears", "L'âge");
                Range(filter.MinHeadcount, filter.MaxHeadcount, $"{filterPath}", "minHeadcount", "maxHeadcount", "L'effectif");
                ActivityCodeList(filter.AcceptedNaf, $"{filterPath}.acceptedNaf", "NAF", 5);
                ActivityCodeList(filter.ExcludedNaf, $"{filterPath}.excludedNaf", "NAF", 5);
                ActivityCodeList(filter.AcceptedLegalForms, $"{filterPath}.acceptedLegalForms", "forme juridique", 4);
                ActivityCodeList(filter.ExcludedLegalForms, $"{filterPath}.excludedLegalForms", "forme juridique", 4);
                Codes(filter.ExcludedCommunes, $"{filterPath}.excludedCommunes", c => index.FindCommune(c) is not null, "Commune");
                if (filter is { MinYears: null, MaxYears: null, MinHeadcount: null, MaxHeadcount: null, AcceptedNaf: null or [], ExcludedNaf: null or [],
                    ExcludedCommunes: null or [], AcceptedLegalForms: null or [], ExcludedLegalForms: null or [] })
                {
                    Add(filterPath, "Filtre sans aucun critère");
                }
            }
        }

        private void Range(int? min, int? max, string path, string minName, string maxName, string what)
        {
            if (min < 0)
            {
                Add($"{path}.{minName}", $"{what} minimum ne peut pas être négatif");
            }

            if (max < 0)
            {
                Add($"{path}.{maxName}", $"{what} maximum ne peut pas être négatif");
            }

            if (min > max)
            {
                Add($"{path}.{maxName}", $"{what} maximum ({max}) est inférieur au minimum ({min})");
            }
        }

        private void ActivityCodeList(List<string>? codes, string path, string what, int maxLength)
        {
            if (codes is null)
            {
                return;
            }

            for (var i = 0; i < codes.Count; i++)
            {
                var normalized = codes[i] is null ? string.Empty : Routing.ActivityCodes.Normalize(codes[i]);
                if (normalized.Length == 0 || normalized.Length > maxLength || !normalized.All(char.IsAsciiLetterOrDigit))
                {
                    Add($"{path}[{i}]", $"Code {what} « {codes[i]} » invalide");
                }
            }
        }

        private void Codes(List<string>? codes, string path, Func<string, bool> exists, string what)
        {
            if (codes is null)
            {
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < codes.Count; i++)
            {
                var code = codes[i]?.Trim() ?? string.Empty;
                if (!exists(code))
                {
                    Add($"{path}[{i}]", $"{what} « {codes[i]} » inconnu(e) dans le découpage administratif");
                }
                else if (!seen.Add(code))
                {
                    Add($"{path}[{i}]", $"{what} « {code} » en double");
                }
            }
        }
    }
}
