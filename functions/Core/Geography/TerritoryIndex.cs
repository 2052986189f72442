using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace ConseillersEntreprises.Core.Geography;

/// <summary>
/// The official French administrative split, loaded once from the compact data file embedded in this assembly
/// (built by tools/geography from npm @etalab/decoupage-administratif). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Data file format (see tools/geography/README.md): UTF-8 TSV, <c>#</c> comment lines, <c>[section]</c> lines
/// for the sections regions, departements, epci, communes and aliases, in that order.
/// </remarks>
public sealed class TerritoryIndex
{
    /// <summary>Logical name of the embedded data file.</summary>
    public const string ResourceName = "communes.tsv";

    private const int NoBucket = -1;
    private const int ExactBucket = 0;
    private const int PrefixBucket = 1;
    private const int WordPrefixBucket = 2;
    private const int ContainsBucket = 3;
    private const int BucketCount = 4;

    private static readonly Lazy<TerritoryIndex> Embedded = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Commune> _communes;
    private readonly Dictionary<string, Commune> _aliases;
    private readonly Dictionary<string, List<Commune>> _byPostalCode;
    private readonly Dictionary<string, string> _regionNames;
    private readonly Dictionary<string, DepartementInfo> _departements;
    private readonly Dictionary<string, string> _epciNames;
    private readonly Dictionary<string, ReadOnlyCollection<Commune>> _communesOfDepartement;
    private readonly Dictionary<string, ReadOnlyCollection<Commune>> _communesOfEpci;

    // Name search: every searchable name (current communes and named aliases), normalized, sorted, and joined
    // into one string "\nname0\nname1\n...\n" scanned with a vectorized IndexOf; _entryStarts[i] is where name i
    // starts in _searchText and _entryCommunes[i] the current commune it stands for.
    private readonly string _searchText;
    private readonly int[] _entryStarts;
    private readonly Commune[] _entryCommunes;

    private TerritoryIndex(ParsedData data)
    {
        _communes = data.Communes;
        _aliases = data.Aliases;
        _regionNames = data.Regions;
        _departements = data.Departements;
        _epciNames = data.Epcis;

        var communes = data.CommuneList.ToArray();
        Communes = communes.AsReadOnly();
        RegionCodes = data.RegionCodes.AsReadOnly();
        DepartementCodes = data.DepartementCodes.AsReadOnly();
        EpciCodes = data.EpciCodes.AsReadOnly();

        // Search entries: current communes, then named aliases (communes déléguées...) standing for their commune;
        // sorted by normalized name, current commune before alias, then code.
        var entries = new SearchEntry[communes.Length + data.NamedAliases.Count];
        var textLength = 1;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = i < communes.Length
                ? new SearchEntry(NormalizeName(communes[i].Name), 0, communes[i])
                : data.NamedAliases[i - communes.Length];
            entries[i] = entry;
            textLength += entry.Key.Length + 1;
        }

        Array.Sort(entries, SearchEntry.Compare);

        var text = new char[textLength];
        _entryStarts = new int[entries.Length];
        _entryCommunes = new Commune[entries.Length];
        var sorted = new List<Commune>(communes.Length);
        var at = 0;
        text[at++] = '\n';
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            _entryStarts[i] = at;
            _entryCommunes[i] = entry.Commune;
            entry.Key.CopyTo(text.AsSpan(at));
            at += entry.Key.Length;
            text[at++] = '\n';
            if (entry.Rank == 0)
            {
                sorted.Add(entry.Commune);
            }
        }

        _searchText = new string(text);

        // Postal codes and grouped lists, each in search order (normalized name, then code).
        _byPostalCode = new Dictionary<string, List<Commune>>(8_192, StringComparer.Ordinal);
        foreach (var commune in sorted)
        {
            foreach (var postalCode in commune.PostalCodes)
            {
                Add(_byPostalCode, postalCode, commune);
            }
        }

        _communesOfDepartement = Group(sorted, static c => c.DepartementCode);
        _communesOfEpci = Group(sorted, static c => c.EpciCode);
    }

    /// <summary>Current communes (communes actuelles) only, sorted by INSEE code.</summary>
    public IReadOnlyCollection<Commune> Communes { get; }

    /// <summary>Région codes, sorted.</summary>
    public IReadOnlyList<string> RegionCodes { get; }

    /// <summary>Département codes, sorted ("2A" and "2B" between "29" and "30").</summary>
    public IReadOnlyList<string> DepartementCodes { get; }

    /// <summary>SIREN of every EPCI with its own tax status, sorted.</summary>
    public IReadOnlyList<string> EpciCodes { get; }

    /// <summary>The index built from the data file embedded in this assembly; parsed on first use, then shared.</summary>
    public static TerritoryIndex LoadEmbedded() => Embedded.Value;

    /// <summary>Parses a data file in the tools/geography format.</summary>
    /// <exception cref="InvalidDataException">The data is malformed or references an unknown code.</exception>
    public static TerritoryIndex Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TerritoryIndex(ParsedData.Read(reader));
    }

    /// <summary>
    /// The current commune for a current commune code, or for a municipal arrondissement, commune déléguée,
    /// commune associée or former code, which resolves to the current commune it belongs to.
    /// Null for blank or unknown codes. The input is trimmed.
    /// </summary>
    public Commune? FindCommune(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var key = code.Trim();
        if (_communes.TryGetValue(key, out var commune) || _aliases.TryGetValue(key, out commune))
        {
            return commune;
        }

        // Corsican codes are sometimes typed in lower case ("2a004").
        if (key.Length == 5 && (key[1] == 'a' || key[1] == 'b'))
        {
            return FindCommune(key.ToUpperInvariant());
        }

        return null;
    }

    /// <summary>Like <see cref="FindCommune"/>, returning only the current commune code.</summary>
    public string? ResolveCommuneCode(string? code) => FindCommune(code)?.Code;

    /// <summary>
    /// Communes for an autocomplete: a 5-digit query gives the communes served by that postal code (sorted by name),
    /// then the commune with that INSEE code if it is another one; any other query of 2 characters or more is
    /// matched on names, ignoring case, accents, hyphens, apostrophes and "saint"/"st": exact names first, then names
    /// starting with the query, then names with a word starting with it, then names containing it; ties sorted by
    /// name then code. Names of communes déléguées, associées and arrondissements match too and give the current commune.
    /// </summary>
    public IReadOnlyList<Commune> Search(string? query, int limit = 20)
    {
        if (query is null || limit <= 0)
        {
            return [];
        }

        var trimmed = query.AsSpan().Trim();
        if (trimmed.Length < 2)
        {
            return [];
        }

        if (trimmed.Length == 5 && IsCommuneCodeShape(trimmed))
        {
            return SearchCode(trimmed.ToString(), limit);
        }

        var key = NormalizeName(trimmed);
        return key.Length < 2 ? [] : SearchName(key, limit);
    }

    /// <summary>True for the code of a current commune (exact, not trimmed); aliases give false.</summary>
    public bool IsCommune(string code) => code is not null && _communes.ContainsKey(code);

    /// <summary>True for the SIREN of an EPCI with its own tax status.</summary>
    public bool IsEpci(string code) => code is not null && _epciNames.ContainsKey(code);

    /// <summary>True for a département code ("01".."95", "2A", "2B", "971".."976").</summary>
    public bool IsDepartement(string code) => code is not null && _departements.ContainsKey(code);

    /// <summary>True for a région code (COG).</summary>
    public bool IsRegion(string code) => code is not null && _regionNames.ContainsKey(code);

    /// <summary>Name of an EPCI, or null if unknown.</summary>
    public string? EpciName(string code) => code is not null && _epciNames.TryGetValue(code, out var name) ? name : null;

    /// <summary>Name of a département, or null if unknown.</summary>
    public string? DepartementName(string code) =>
        code is not null && _departements.TryGetValue(code, out var departement) ? departement.Name : null;

    /// <summary>Région code of a département, or null if unknown.</summary>
    public string? RegionOfDepartement(string code) =>
        code is not null && _departements.TryGetValue(code, out var departement) ? departement.Region : null;

    /// <summary>Name of a région, or null if unknown.</summary>
    public string? RegionName(string code) => code is not null && _regionNames.TryGetValue(code, out var name) ? name : null;

    /// <summary>Current communes of a département, sorted by name then code; empty if unknown.</summary>
    public IReadOnlyList<Commune> CommunesOfDepartement(string code) =>
        code is not null && _communesOfDepartement.TryGetValue(code, out var list) ? list : ReadOnlyCollection<Commune>.Empty;

    /// <summary>Current communes that are members of an EPCI, sorted by name then code; empty if unknown.</summary>
    public IReadOnlyList<Commune> CommunesOfEpci(string code) =>
        code is not null && _communesOfEpci.TryGetValue(code, out var list) ? list : ReadOnlyCollection<Commune>.Empty;

    /// <summary>
    /// Search key of a name: lower case, no accents, ligatures expanded (œ → oe), every run of characters other than
    /// letters and digits turned into one space, and the words "st" and "ste" spelled "saint" and "sainte".
    /// "Saint-Étienne", "ST ETIENNE" and "st-étienne" all give "saint etienne".
    /// </summary>
    public static string NormalizeName(ReadOnlySpan<char> name)
    {
        // Worst case growth: "st" → "saint" (×2.5), ligatures (×2).
        var capacity = (name.Length * 3) + 8;
        Span<char> buffer = capacity > 512 ? new char[capacity] : stackalloc char[capacity];
        var length = 0;
        var wordStart = 0;
        var pendingSpace = false;

        foreach (var c in name)
        {
            var folded = Fold(c);
            if (folded.Length == 0)
            {
                if (length > wordStart)
                {
                    length = ExpandSaint(buffer, wordStart, length);
                    pendingSpace = true;
                }

                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                wordStart = length;
                pendingSpace = false;
            }

            folded.CopyTo(buffer[length..]);
            length += folded.Length;
        }

        if (length > wordStart)
        {
            length = ExpandSaint(buffer, wordStart, length);
        }

        return new string(buffer[..length]);
    }

    /// <inheritdoc cref="NormalizeName(ReadOnlySpan{char})"/>
    public static string NormalizeName(string? name) => name is null ? string.Empty : NormalizeName(name.AsSpan());

    private static int ExpandSaint(Span<char> buffer, int wordStart, int length)
    {
        var word = buffer[wordStart..length];
        if (word.SequenceEqual("st"))
        {
            "saint".CopyTo(buffer[wordStart..]);
            return wordStart + 5;
        }

        if (word.SequenceEqual("ste"))
        {
            "sainte".CopyTo(buffer[wordStart..]);
            return wordStart + 6;
        }

        return length;
    }

    private static ReadOnlySpan<char> Fold(char c)
    {
        if (c < FoldTable.Length)
        {
            return FoldTable[c];
        }

        return char.IsLetterOrDigit(c) ? FoldFallback(c) : ReadOnlySpan<char>.Empty;
    }

    private static string FoldFallback(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var first = decomposed[0];
        return char.ToLowerInvariant(first).ToString();
    }

    // Fold of each char below U+0250 (Latin-1 and Latin Extended-A/B): lower-case letters without diacritics,
    // digits, or empty for separators.
    private static readonly string[] FoldTable = BuildFoldTable();

    private static string[] BuildFoldTable()
    {
        var table = new string[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (!char.IsLetterOrDigit(c))
            {
                table[i] = string.Empty;
                continue;
            }

            table[i] = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ => FoldFallback(c),
            };
        }

        return table;
    }

    private static bool IsCommuneCodeShape(ReadOnlySpan<char> code)
    {
        if (code.Length != 5)
        {
            return false;
        }

        for (var i = 0; i < 5; i++)
        {
            var c = code[i];
            var ok = char.IsAsciiDigit(c) || (i == 1 && code[0] == '2' && (c is 'A' or 'B' or 'a' or 'b'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private Commune[] SearchCode(string code, int limit)
    {
        var byPostalCode = _byPostalCode.TryGetValue(code, out var list) ? list : [];
        var byInsee = FindCommune(code);
        var count = Math.Min(byPostalCode.Count, limit);
        // A 5-digit query is a postal code for people; the INSEE code only helps when no postal code matches
        // (otherwise "47140" would offer Laugnac, INSEE 47140, among the communes of postal code 47140).
        var addInsee = byInsee is not null && byPostalCode.Count == 0;
        var result = new Commune[count + (addInsee ? 1 : 0)];
        byPostalCode.CopyTo(0, result, 0, count);
        if (addInsee)
        {
            result[count] = byInsee!;
        }

        return result;
    }

    private Commune[] SearchName(string key, int limit)
    {
        var text = _searchText.AsSpan();
        var buckets = new List<Commune>?[BucketCount];
        var position = 0;
        var entry = 0;

        while (position < text.Length)
        {
            var hit = text[position..].IndexOf(key, StringComparison.Ordinal);
            if (hit < 0)
            {
                break;
            }

            hit += position;
            entry = FindEntry(hit, entry);
            var start = _entryStarts[entry];
            var end = text[hit..].IndexOf('\n') + hit;
            var bucket = Classify(text, key, start, end, hit);

            if (bucket != NoBucket)
            {
                var list = buckets[bucket] ??= new List<Commune>(Math.Min(limit, 64));
                var commune = _entryCommunes[entry];
                if (list.Count < limit && !ContainsReference(list, commune))
                {
                    list.Add(commune);
                }

                if (bucket == ExactBucket && list.Count >= limit)
                {
                    break;
                }
            }

            position = end + 1;
        }

        return Merge(buckets, limit);
    }

    private static int Classify(ReadOnlySpan<char> text, string key, int start, int end, int hit)
    {
        if (hit == start)
        {
            return hit + key.Length == end ? ExactBucket : PrefixBucket;
        }

        // The first hit is inside a word: another one may start a word further on.
        for (var at = hit; at >= 0 && at + key.Length <= end;)
        {
            if (text[at - 1] == ' ')
            {
                return WordPrefixBucket;
            }

            var next = text[(at + 1)..end].IndexOf(key, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return ContainsBucket;
    }

    // Index of the entry whose name contains the text position; entries before `from` are already behind.
    private int FindEntry(int position, int from)
    {
        var index = Array.BinarySearch(_entryStarts, from, _entryStarts.Length - from, position);
        return index >= 0 ? index : ~index - 1;
    }

    private static bool ContainsReference(List<Commune> list, Commune commune)
    {
        foreach (var item in list)
        {
            if (ReferenceEquals(item, commune))
            {
                return true;
            }
        }

        return false;
    }

    private static Commune[] Merge(List<Commune>?[] buckets, int limit)
    {
        var result = new List<Commune>(limit);
        foreach (var bucket in buckets)
        {
            if (bucket is null)
            {
                continue;
            }

            foreach (var commune in bucket)
            {
                if (result.Count == limit)
                {
                    return [.. result];
                }

                if (!ContainsReference(result, commune))
                {
                    result.Add(commune);
                }
            }
        }

        return [.. result];
    }

    private static Dictionary<string, ReadOnlyCollection<Commune>> Group(List<Commune> sorted, Func<Commune, string?> keyOf)
    {
        var groups = new Dictionary<string, List<Commune>>(StringComparer.Ordinal);
        foreach (var commune in sorted)
        {
            if (keyOf(commune) is { } key)
            {
                Add(groups, key, commune);
            }
        }

        var result = new Dictionary<string, ReadOnlyCollection<Commune>>(groups.Count, StringComparer.Ordinal);
        foreach (var (key, list) in groups)
        {
            result.Add(key, list.AsReadOnly());
        }

        return result;
    }

    private static void Add(Dictionary<string, List<Commune>> groups, string key, Commune commune)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(commune);
    }

    private sealed record SearchEntry(string Key, int Rank, Commune Commune)
    {
        public static int Compare(SearchEntry? a, SearchEntry? b)
        {
            if (a is null || b is null)
            {
                return a is null ? (b is null ? 0 : -1) : 1;
            }

            var byKey = string.CompareOrdinal(a.Key, b.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            var byRank = a.Rank.CompareTo(b.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(a.Commune.Code, b.Commune.Code);
        }
    }

    private sealed record DepartementInfo(string Name, string Region);

    private static TerritoryIndex ReadEmbedded()
    {
        using var stream = typeof(TerritoryIndex).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing: run tools/geography/build.mjs.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        return Parse(reader);
    }

    private sealed class ParsedData
    {
        private readonly Dictionary<string, string> _postalCodes = new(8_192, StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _postalCodeLookup;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _regionLookup;
        private readonly Dictionary<string, DepartementInfo>.AlternateLookup<ReadOnlySpan<char>> _departementLookup;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _epciLookup;
        private readonly Dictionary<string, Commune>.AlternateLookup<ReadOnlySpan<char>> _communeLookup;
        private string _section = string.Empty;
        private int _lineNumber;

        private ParsedData()
        {
            _postalCodeLookup = _postalCodes.GetAlternateLookup<ReadOnlySpan<char>>();
            _regionLookup = Regions.GetAlternateLookup<ReadOnlySpan<char>>();
            _departementLookup = Departements.GetAlternateLookup<ReadOnlySpan<char>>();
            _epciLookup = Epcis.GetAlternateLookup<ReadOnlySpan<char>>();
            _communeLookup = Communes.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public Dictionary<string, string> Regions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DepartementInfo> Departements { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Epcis { get; } = new(2_048, StringComparer.Ordinal);

        public Dictionary<string, Commune> Communes { get; } = new(40_000, StringComparer.Ordinal);

        public Dictionary<string, Commune> Aliases { get; } = new(5_000, StringComparer.Ordinal);

        /// <summary>Search entries for the names of communes déléguées, associées and arrondissements.</summary>
        public List<SearchEntry> NamedAliases { get; } = new(2_500);

        public List<Commune> CommuneList { get; } = new(40_000);

        public List<string> RegionCodes { get; } = [];

        public List<string> DepartementCodes { get; } = [];

        public List<string> EpciCodes { get; } = [];

        public static ParsedData Read(TextReader reader)
        {
            var data = new ParsedData();
            Span<Range> cells = stackalloc Range[8];
            while (reader.ReadLine() is { } line)
            {
                data._lineNumber++;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line[0] == '[' && line[^1] == ']')
                {
                    data._section = line[1..^1];
                    continue;
                }

                var span = line.AsSpan();
                var count = span.Split(cells, '\t');
                data.ReadRow(span, cells[..count]);
            }

            if (data.CommuneList.Count == 0)
            {
                throw new InvalidDataException("Territory data holds no commune.");
            }

            data.CommuneList.Sort(static (a, b) => string.CompareOrdinal(a.Code, b.Code));
            data.RegionCodes.Sort(StringComparer.Ordinal);
            data.DepartementCodes.Sort(StringComparer.Ordinal);
            data.EpciCodes.Sort(StringComparer.Ordinal);
            return data;
        }

        private void ReadRow(ReadOnlySpan<char> line, ReadOnlySpan<Range> cells)
        {
            switch (_section)
            {
                case "regions":
                    {
                        Expect(cells, 2, 2);
                        var code = Key(line[cells[0]]);
                        if (!Regions.TryAdd(code, line[cells[1]].ToString()))
                        {
                            throw Error($"duplicate région {code}");
                        }

                        RegionCodes.Add(code);
                        break;
                    }

                case "departements":
                    {
                        Expect(cells, 3, 3);
                        var code = Key(line[cells[0]]);
                        var region = Known(_regionLookup, line[cells[2]], "région", out _);
                        if (!Departements.TryAdd(code, new DepartementInfo(line[cells[1]].ToString(), region)))
                        {
                            throw Error($"duplicate département {code}");
                        }

                        DepartementCodes.Add(code);
                        break;
                    }

                case "epci":
                    {
                        Expect(cells, 2, 2);
                        var code = Key(line[cells[0]]);
                        if (!Epcis.TryAdd(code, line[cells[1]].ToString()))
                        {
                            throw Error($"duplicate EPCI {code}");
                        }

                        EpciCodes.Add(code);
                        break;
                    }

                case "communes":
                    ReadCommune(line, cells);
                    break;

                case "aliases":
                    ReadAlias(line, cells);
                    break;

                default:
                    throw Error($"row outside a known section ('{_section}')");
            }
        }

        private void ReadCommune(ReadOnlySpan<char> line, ReadOnlySpan<Range> cells)
        {
            Expect(cells, 6, 6);
            var code = Key(line[cells[0]]);
            var name = line[cells[1]].ToString();
            var postalCodes = PostalCodes(line[cells[2]]);
            var epci = line[cells[3]].IsEmpty ? null : Known(_epciLookup, line[cells[3]], "EPCI", out _);
            var departement = Known(_departementLookup, line[cells[4]], "département", out var departementInfo);
            var region = Known(_regionLookup, line[cells[5]], "région", out _);
            if (!string.Equals(departementInfo.Region, region, StringComparison.Ordinal))
            {
                throw Error($"commune {code}: région {region} is not the région of département {departement}");
            }

            var commune = new Commune(code, name, postalCodes, epci, departement, region);
            if (!Communes.TryAdd(code, commune))
            {
                throw Error($"duplicate commune {code}");
            }

            CommuneList.Add(commune);
        }

        private void ReadAlias(ReadOnlySpan<char> line, ReadOnlySpan<Range> cells)
        {
            Expect(cells, 3, 4);
            var code = Key(line[cells[0]]);
            Known(_communeLookup, line[cells[1]], "commune", out var commune);
            if (Communes.ContainsKey(code) || !Aliases.TryAdd(code, commune))
            {
                throw Error($"duplicate code {code}");
            }

            if (cells.Length == 4 && !line[cells[3]].IsEmpty)
            {
                NamedAliases.Add(new SearchEntry(NormalizeName(line[cells[3]]), 1, commune));
            }
        }

        private string[] PostalCodes(ReadOnlySpan<char> cell)
        {
            if (cell.IsEmpty)
            {
                return [];
            }

            var result = new string[cell.Count(',') + 1];
            var i = 0;
            foreach (var range in cell.Split(','))
            {
                var postalCode = cell[range];
                if (!_postalCodeLookup.TryGetValue(postalCode, out var shared))
                {
                    shared = postalCode.ToString();
                    _postalCodes.Add(shared, shared);
                }

                result[i++] = shared;
            }

            return result;
        }

        // Returns the dictionary's own key instance, so that communes share one string per code.
        private string Known<TValue>(
            Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> lookup,
            ReadOnlySpan<char> code,
            string what,
            out TValue value) =>
            lookup.TryGetValue(code, out var key, out value!) ? key : throw Error($"unknown {what} '{code}'");

        private string Key(ReadOnlySpan<char> cell) =>
            cell.IsEmpty || cell.ContainsAny(' ', ',') ? throw Error($"invalid code '{cell}'") : cell.ToString();

        private void Expect(ReadOnlySpan<Range> cells, int min, int max)
        {
            if (cells.Length < min || cells.Length > max)
            {
                throw Error($"{cells.Length} columns in section '{_section}', expected {min}..{max}");
            }
        }

        private InvalidDataException Error(string message) =>
            new(string.Create(CultureInfo.InvariantCulture, $"Territory data, line {_lineNumber}: {message}."));
    }
}
