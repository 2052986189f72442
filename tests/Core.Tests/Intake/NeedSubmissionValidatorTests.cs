using System.Text.Json;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Intake;

namespace ConseillersEntreprises.Core.Tests.Intake;

public sealed class NeedSubmissionValidatorTests
{
    private const string Subject = "recrutement";

    private static readonly string ValidDescription = "Nous cherchons à recruter deux soudeurs en alternance.";

    private static NeedSubmission Valid() => new()
    {
        SubjectId = Subject,
        Description = ValidDescription,
        Siret = "732 829 320 00074",
        CommuneCode = "75056",
        CompanyName = "Ateliers Dupont",
        FirstName = "Claire",
        LastName = "Martin",
        Email = "claire.martin@example.fr",
        Phone = "06 12 34 56 78",
        Consent = true,
        IdempotencyKey = "3f6c1a2e-9b7d-4c1e-8f00-1234567890ab",
        Website = null,
    };

    private static NeedValidationResult Validate(NeedSubmission? submission) =>
        NeedSubmissionValidator.Validate(submission, id => id == Subject);

    private static ValidatedSubmission Accepted(NeedSubmission submission)
    {
        var result = Validate(submission);
        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Empty(result.Errors);
        Assert.False(result.HoneypotFilled);
        return result.Submission;
    }

    /// <summary>The single message on <paramref name="field"/>, asserting that no other field is in error.</summary>
    private static string OnlyError(NeedSubmission submission, string field)
    {
        var result = Validate(submission);
        Assert.False(result.IsValid);
        Assert.Null(result.Submission);
        Assert.Equal([field], result.Errors.Keys);
        return Assert.Single(result.Errors[field]);
    }

    [Fact]
    public void A_complete_submission_is_accepted_with_normalised_values()
    {
        var submission = Accepted(Valid());

        Assert.Equal(Subject, submission.SubjectId);
        Assert.Equal(ValidDescription, submission.Description);
        Assert.Equal("73282932000074", submission.Siret);
        Assert.Equal("75056", submission.CommuneCode);
        Assert.Equal("Ateliers Dupont", submission.CompanyName);
        Assert.Equal("Claire", submission.FirstName);
        Assert.Equal("Martin", submission.LastName);
        Assert.Equal("claire.martin@example.fr", submission.Email);
        Assert.Equal("+33612345678", submission.Phone.E164);
        Assert.Equal("06 12 34 56 78", submission.Phone.Display);
        Assert.Equal("3f6c1a2e-9b7d-4c1e-8f00-1234567890ab", submission.IdempotencyKey);
    }

    [Fact]
    public void Optional_fields_may_be_missing()
    {
        var submission = Accepted(Valid() with { CommuneCode = null, CompanyName = "  ", IdempotencyKey = "", Website = "" });

        Assert.Null(submission.CommuneCode);
        Assert.Null(submission.CompanyName);
        Assert.Null(submission.IdempotencyKey);
    }

    [Fact]
    public void An_empty_body_lists_every_required_field()
    {
        foreach (var submission in new NeedSubmission?[] { null, new NeedSubmission() })
        {
            var result = Validate(submission);

            Assert.False(result.IsValid);
            Assert.Equal(
                [NeedFields.Description, NeedFields.Siret, NeedFields.FirstName, NeedFields.LastName,
                    NeedFields.Email, NeedFields.Phone, NeedFields.Consent],
                result.Errors.Keys);
            Assert.Equal("Décrivez votre besoin en 20 caractères au moins", result.Errors["description"].Single());
            Assert.Equal(NeedMessages.SiretRequired, result.Errors["siret"].Single());
            Assert.Equal("Indiquez votre prénom", result.Errors["firstName"].Single());
            Assert.Equal("Indiquez votre nom", result.Errors["lastName"].Single());
            Assert.Equal("Indiquez votre adresse email", result.Errors["email"].Single());
            Assert.Equal("Indiquez votre numéro de téléphone", result.Errors["phone"].Single());
            Assert.Equal("Vous devez accepter que vos coordonnées soient transmises aux conseillers", result.Errors["consent"].Single());
            Assert.False(result.HoneypotFilled);
        }
    }

    [Fact]
    public void Every_problem_is_listed_together_not_only_the_first()
    {
        var result = Validate(Valid() with
        {
            SubjectId = "inconnu",
            Description = "Trop court",
            Siret = "73282932000075",
            CommuneCode = "7505",
            CompanyName = new string('A', 201),
            FirstName = "1234",
            LastName = new string('b', 101),
            Email = "pas-une-adresse",
            Phone = "12 34",
            Consent = false,
            IdempotencyKey = "pas de blancs",
            Website = "http://spam.example",
        });

        Assert.False(result.IsValid);
        Assert.True(result.HoneypotFilled);
        Assert.Equal(11, result.Errors.Count);
        Assert.All(result.Errors.Values, messages => Assert.Single(messages));
        Assert.Equal(NeedMessages.SubjectUnknown, result.Errors["subjectId"][0]);
        Assert.Equal(NeedMessages.DescriptionTooShort, result.Errors["description"][0]);
        Assert.Contains("clé de contrôle", result.Errors["siret"][0], StringComparison.Ordinal);
        Assert.Equal(NeedMessages.CommuneCodeInvalid, result.Errors["communeCode"][0]);
        Assert.Equal(NeedMessages.CompanyNameTooLong, result.Errors["companyName"][0]);
        Assert.Equal(NeedMessages.FirstNameWithoutLetter, result.Errors["firstName"][0]);
        Assert.Equal(NeedMessages.LastNameTooLong, result.Errors["lastName"][0]);
        Assert.Equal(NeedMessages.EmailInvalid, result.Errors["email"][0]);
        Assert.Equal(NeedMessages.PhoneInvalid, result.Errors["phone"][0]);
        Assert.Equal(NeedMessages.ConsentRequired, result.Errors["consent"][0]);
        Assert.Equal(NeedMessages.IdempotencyKeyInvalid, result.Errors["idempotencyKey"][0]);
        Assert.False(result.Errors.ContainsKey("website")); // never an error: the need is held, the robot learns nothing
    }

    // --- subjectId

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void Without_a_subject_the_need_is_outside_the_catalogue(string? subjectId)
    {
        var submission = Accepted(Valid() with { SubjectId = subjectId });

        Assert.Null(submission.SubjectId);
        Assert.True(submission.IsOutsideCatalogue);
    }

    [Fact]
    public void The_subject_must_exist() =>
        Assert.Equal("Ce sujet n'existe pas", OnlyError(Valid() with { SubjectId = "inconnu" }, NeedFields.SubjectId));

    [Fact]
    public void The_catalogue_is_asked_with_the_trimmed_id_and_not_for_absurd_ids()
    {
        var asked = new List<string>();
        bool Exists(string id)
        {
            asked.Add(id);
            return id == Subject;
        }

        Assert.True(NeedSubmissionValidator.Validate(Valid() with { SubjectId = "  recrutement\u200B " }, Exists).IsValid);
        Assert.Equal(["recrutement"], asked);

        var result = NeedSubmissionValidator.Validate(Valid() with { SubjectId = new string('x', 5_000) }, Exists);
        Assert.Equal(NeedMessages.SubjectUnknown, result.Errors[NeedFields.SubjectId].Single());
        Assert.Single(asked);

        NeedSubmissionValidator.Validate(Valid() with { SubjectId = " " }, Exists);
        Assert.Single(asked);
    }

    [Fact]
    public void The_catalogue_callback_is_required() =>
        Assert.Throws<ArgumentNullException>(() => NeedSubmissionValidator.Validate(Valid(), null!));

    // --- description

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Aide")]
    [InlineData("1234567890123456789")] // 19 characters
    [InlineData("   1234567890123456789   ")] // padding does not count
    [InlineData("12345678\r\n\r\n\r\n\r\n\r\n123456789")] // blank lines collapse to one: 19 characters
    [InlineData("1234567890\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B123456789")] // invisible characters do not count
    public void The_description_needs_20_characters(string? description) =>
        Assert.Equal("Décrivez votre besoin en 20 caractères au moins",
            OnlyError(Valid() with { Description = description }, NeedFields.Description));

    [Fact]
    public void The_description_may_hold_20_to_4000_characters()
    {
        Assert.Equal("12345678901234567890", Accepted(Valid() with { Description = " 12345678901234567890 " }).Description);
        var longest = new string('a', 4_000);
        Assert.Equal(longest, Accepted(Valid() with { Description = longest }).Description);
        Assert.Equal(longest, Accepted(Valid() with { Description = "\r\n" + longest + "   \r\n\r\n" }).Description);
    }

    [Fact]
    public void The_description_holds_4000_characters_at_most()
    {
        var message = OnlyError(Valid() with { Description = new string('a', 4_001) }, NeedFields.Description);

        Assert.Equal("Décrivez votre besoin en 4\u00A0000 caractères au plus", message);
    }

    [Fact]
    public void The_description_is_normalised_but_kept_as_text()
    {
        var description = "  Bonjour,\r\n\r\n\r\n\r\nNous cherchons   deux soudeurs.   \r\n"
                          + "- <b>urgent</b> & \"vite\"\rMerci\u2028Cordialement\u200B\u0007\n\n  ";

        var submission = Accepted(Valid() with { Description = description });

        Assert.Equal("Bonjour,\n\nNous cherchons   deux soudeurs.\n- <b>urgent</b> & \"vite\"\nMerci\nCordialement",
            submission.Description);
    }

    // --- siret

    [Fact]
    public void Without_a_siret_the_commune_and_the_company_name_are_enough()
    {
        var submission = Accepted(Valid() with { Siret = null, CommuneCode = "47203", CompanyName = " Boulangerie  en projet " });

        Assert.Null(submission.Siret);
        Assert.True(submission.IsUnregisteredCompany);
        Assert.Equal(("47203", "Boulangerie en projet"), (submission.CommuneCode, submission.CompanyName));
    }

    [Fact]
    public void Without_a_siret_the_commune_is_required()
    {
        var result = Validate(Valid() with { Siret = " ", CommuneCode = null, CompanyName = "Projet de reprise" });

        Assert.Equal([NeedFields.CommuneCode], result.Errors.Keys);
        Assert.Equal(NeedMessages.CommuneRequiredWithoutSiret, result.Errors[NeedFields.CommuneCode].Single());
    }

    [Fact]
    public void Without_a_siret_the_company_or_project_name_is_required()
    {
        var result = Validate(Valid() with { Siret = null, CommuneCode = "2A004", CompanyName = null });

        Assert.Equal([NeedFields.CompanyName], result.Errors.Keys);
        Assert.Equal(NeedMessages.CompanyNameRequiredWithoutSiret, result.Errors[NeedFields.CompanyName].Single());
    }

    [Fact]
    public void Neither_a_siret_nor_a_commune_nor_a_name_is_a_missing_siret()
    {
        var result = Validate(Valid() with { Siret = null, CommuneCode = null, CompanyName = null });

        Assert.Equal([NeedFields.Siret], result.Errors.Keys);
        Assert.Contains("SIRET", result.Errors[NeedFields.Siret].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("73282932000074")]
    [InlineData(" 732 829 320 00074 ")]
    [InlineData("732\u00A0829\u00A0320\u00A000074")]
    [InlineData("732\u200B829320\u200B00074")] // zero-width spaces copied from a web page
    public void The_siret_is_normalised_to_14_digits(string siret) =>
        Assert.Equal("73282932000074", Accepted(Valid() with { Siret = siret }).Siret);

    [Fact]
    public void A_la_poste_establishment_is_accepted() =>
        Assert.Equal("35600000049837", Accepted(Valid() with { Siret = "356 000 000 49837" }).Siret);

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("732829320")]
    [InlineData("7328293200007")]
    [InlineData("732-829-320-00074")]
    [InlineData("SIRET 73282932000074")]
    public void An_invalid_siret_gets_the_message_of_the_siret_rules(string? siret)
    {
        Siret.TryNormalize(siret, out _, out var expected);

        Assert.NotNull(expected);
        Assert.Equal(expected, OnlyError(Valid() with { Siret = siret }, NeedFields.Siret));
    }

    // --- names

    [Theory]
    [InlineData("  Jean   Pierre  ", "Jean Pierre")]
    [InlineData("Jean\t\nPierre", "Jean Pierre")]
    [InlineData("Jean\u00A0Pierre", "Jean Pierre")]
    [InlineData("Marie-Claire", "Marie-Claire")]
    [InlineData("Zo\u0065\u0301", "Zoé")] // decomposed é (macOS) becomes one character
    [InlineData("Nguy\u1EC5n", "Nguyễn")]
    [InlineData("\u200BAnne\u200D\uFEFF", "Anne")]
    [InlineData("É", "É")]
    [InlineData("<b>Léa</b>", "<b>Léa</b>")] // kept as text: encoding is the output's job
    public void First_names_are_normalised(string input, string expected) =>
        Assert.Equal(expected, Accepted(Valid() with { FirstName = input }).FirstName);

    [Theory]
    [InlineData("  d'Artagnan   de   Batz ", "d'Artagnan de Batz")]
    [InlineData("O'Connor", "O'Connor")]
    [InlineData("Müller-Lüdenscheidt", "Müller-Lüdenscheidt")]
    [InlineData("Łukasiewicz", "Łukasiewicz")]
    [InlineData("Иванов", "Иванов")]
    public void Last_names_are_normalised(string input, string expected) =>
        Assert.Equal(expected, Accepted(Valid() with { LastName = input }).LastName);

    [Theory]
    [InlineData(null, NeedMessages.FirstNameRequired)]
    [InlineData("", NeedMessages.FirstNameRequired)]
    [InlineData(" \t ", NeedMessages.FirstNameRequired)]
    [InlineData("\u200B\u200C", NeedMessages.FirstNameRequired)]
    [InlineData("1234", NeedMessages.FirstNameWithoutLetter)]
    [InlineData("- . -", NeedMessages.FirstNameWithoutLetter)]
    [InlineData("😀", NeedMessages.FirstNameWithoutLetter)]
    [InlineData("Jean\u0000", NeedMessages.FirstNameInvalidCharacters)]
    [InlineData("Je\u0007an", NeedMessages.FirstNameInvalidCharacters)]
    [InlineData("Jean\u009B", NeedMessages.FirstNameInvalidCharacters)]
    [InlineData("Jean\uE000", NeedMessages.FirstNameInvalidCharacters)] // private use
    public void Invalid_first_names_are_refused(string? firstName, string expected) =>
        Assert.Equal(expected, OnlyError(Valid() with { FirstName = firstName }, NeedFields.FirstName));

    [Fact]
    public void Broken_text_in_a_name_is_refused()
    {
        var unpairedSurrogate = "Jean" + (char)0xD800; // built at run time: attribute arguments cannot hold one
        Assert.Equal(NeedMessages.FirstNameInvalidCharacters, OnlyError(Valid() with { FirstName = unpairedSurrogate }, NeedFields.FirstName));
    }

    [Theory]
    [InlineData(null, NeedMessages.LastNameRequired)]
    [InlineData("   ", NeedMessages.LastNameRequired)]
    [InlineData("007", NeedMessages.LastNameWithoutLetter)]
    [InlineData("Mar\u0001tin", NeedMessages.LastNameInvalidCharacters)]
    public void Invalid_last_names_are_refused(string? lastName, string expected) =>
        Assert.Equal(expected, OnlyError(Valid() with { LastName = lastName }, NeedFields.LastName));

    [Fact]
    public void Names_hold_100_characters_at_most_after_normalisation()
    {
        Assert.Equal(new string('a', 100), Accepted(Valid() with { FirstName = "  " + new string('a', 100) + "  " }).FirstName);
        Assert.Equal(new string('b', 100), Accepted(Valid() with { LastName = new string('b', 100) }).LastName);
        Assert.Equal("Le prénom ne doit pas dépasser 100 caractères",
            OnlyError(Valid() with { FirstName = new string('a', 101) }, NeedFields.FirstName));
        Assert.Equal("Le nom ne doit pas dépasser 100 caractères",
            OnlyError(Valid() with { LastName = new string('b', 101) }, NeedFields.LastName));
    }

    // --- email

    [Theory]
    [InlineData(" claire.martin@example.fr ", "claire.martin@example.fr")]
    [InlineData("Claire.Martin@Example.FR", "Claire.Martin@example.fr")] // only the domain is lower-cased
    [InlineData("claire+besoin@sous.domaine.example.org", "claire+besoin@sous.domaine.example.org")]
    [InlineData("\u200Bclaire@example.fr", "claire@example.fr")]
    public void Emails_are_trimmed_and_their_domain_lower_cased(string input, string expected) =>
        Assert.Equal(expected, Accepted(Valid() with { Email = input }).Email);

    [Theory]
    [InlineData(null, NeedMessages.EmailRequired)]
    [InlineData("  ", NeedMessages.EmailRequired)]
    [InlineData("pas-une-adresse", NeedMessages.EmailInvalid)]
    [InlineData("claire@", NeedMessages.EmailInvalid)]
    [InlineData("@example.fr", NeedMessages.EmailInvalid)]
    [InlineData("claire@example", NeedMessages.EmailInvalid)]
    [InlineData("claire martin@example.fr", NeedMessages.EmailInvalid)]
    [InlineData("claire@@example.fr", NeedMessages.EmailInvalid)]
    [InlineData("<claire@example.fr>", NeedMessages.EmailInvalid)]
    public void Invalid_emails_are_refused(string? email, string expected) =>
        Assert.Equal(expected, OnlyError(Valid() with { Email = email }, NeedFields.Email));

    [Fact]
    public void Emails_hold_254_characters_at_most()
    {
        var domain = "@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 3)) + ".fr"; // 187 characters
        var longest = new string('c', 254 - domain.Length) + domain;
        Assert.Equal(254, longest.Length);
        Assert.Equal(longest, Accepted(Valid() with { Email = longest }).Email);

        Assert.Equal("L'adresse email ne doit pas dépasser 254 caractères",
            OnlyError(Valid() with { Email = "c" + longest }, NeedFields.Email));
    }

    // --- phone

    [Theory]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("0690.12.34.56", "+590690123456", "06 90 12 34 56")]
    [InlineData("+687 28 12 34", "+687281234", "+687 28 12 34")]
    public void The_phone_is_kept_in_E164_and_display_forms(string input, string e164, string display)
    {
        var phone = Accepted(Valid() with { Phone = input }).Phone;

        Assert.Equal(e164, phone.E164);
        Assert.Equal(display, phone.Display);
    }

    [Theory]
    [InlineData(null, NeedMessages.PhoneRequired)]
    [InlineData("", NeedMessages.PhoneRequired)]
    [InlineData("06 12 34", NeedMessages.PhoneInvalid)]
    [InlineData("+44 20 7946 0958", NeedMessages.PhoneInvalid)]
    public void Invalid_phones_are_refused(string? phone, string expected) =>
        Assert.Equal(expected, OnlyError(Valid() with { Phone = phone }, NeedFields.Phone));

    // --- consent

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Consent_must_be_given(bool? consent) =>
        Assert.Equal("Vous devez accepter que vos coordonnées soient transmises aux conseillers",
            OnlyError(Valid() with { Consent = consent }, NeedFields.Consent));

    // --- honeypot

    [Theory]
    [InlineData("http://spam.example")]
    [InlineData("x")]
    [InlineData(" www ")]
    public void A_filled_honeypot_is_accepted_and_flagged_for_the_review_basket(string website)
    {
        var result = Validate(Valid() with { Website = website });

        Assert.True(result.IsValid);
        Assert.True(result.HoneypotFilled);
        Assert.True(result.Submission.HoneypotFilled);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(3.5, 3.5)]
    [InlineData(double.NaN, null)]
    public void The_filling_time_is_passed_on_for_the_moderation_rules(double? seconds, double? expected) =>
        Assert.Equal(expected, Accepted(Valid() with { FilledInSeconds = seconds }).FilledInSeconds);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u200B")]
    public void An_empty_honeypot_is_fine(string? website) => Assert.False(Accepted(Valid() with { Website = website }).HoneypotFilled);

    // --- communeCode

    [Theory]
    [InlineData("75056", "75056")]
    [InlineData(" 47001 ", "47001")]
    [InlineData("2A004", "2A004")]
    [InlineData("2a004", "2A004")]
    [InlineData("2B033", "2B033")]
    [InlineData("97411", "97411")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    public void The_commune_code_is_optional_and_normalised(string? input, string? expected) =>
        Assert.Equal(expected, Accepted(Valid() with { CommuneCode = input }).CommuneCode);

    [Theory]
    [InlineData("7505")]
    [InlineData("750560")]
    [InlineData("75 056")]
    [InlineData("2C004")]
    [InlineData("2A04")]
    [InlineData("ABCDE")]
    [InlineData("Paris")]
    [InlineData("٧٥٠٥٦")] // non-ASCII digits
    public void A_malformed_commune_code_is_refused(string communeCode) =>
        Assert.Equal(NeedMessages.CommuneCodeInvalid, OnlyError(Valid() with { CommuneCode = communeCode }, NeedFields.CommuneCode));

    // --- companyName

    [Fact]
    public void The_company_name_is_optional_normalised_and_200_characters_at_most()
    {
        Assert.Equal("Ateliers Dupont & Fils", Accepted(Valid() with { CompanyName = "  Ateliers   Dupont\t& Fils " }).CompanyName);
        Assert.Equal("123", Accepted(Valid() with { CompanyName = "123" }).CompanyName);
        Assert.Equal(new string('A', 200), Accepted(Valid() with { CompanyName = new string('A', 200) }).CompanyName);
        Assert.Equal("Le nom de l'entreprise ne doit pas dépasser 200 caractères",
            OnlyError(Valid() with { CompanyName = new string('A', 201) }, NeedFields.CompanyName));
        Assert.Equal(NeedMessages.CompanyNameInvalidCharacters,
            OnlyError(Valid() with { CompanyName = "ACME\u0000" }, NeedFields.CompanyName));
    }

    // --- idempotencyKey

    [Theory]
    [InlineData("abc")]
    [InlineData("3f6c1a2e-9b7d-4c1e-8f00-1234567890ab")]
    [InlineData("partner:42_need.7")]
    [InlineData("A-Z_a-z:0.9")]
    public void Idempotency_keys_of_safe_characters_are_accepted(string key) =>
        Assert.Equal(key, Accepted(Valid() with { IdempotencyKey = key }).IdempotencyKey);

    [Fact]
    public void Idempotency_keys_hold_100_characters_at_most()
    {
        Assert.Equal(new string('k', 100), Accepted(Valid() with { IdempotencyKey = new string('k', 100) }).IdempotencyKey);
        Assert.Equal(NeedMessages.IdempotencyKeyInvalid,
            OnlyError(Valid() with { IdempotencyKey = new string('k', 101) }, NeedFields.IdempotencyKey));
    }

    [Theory]
    [InlineData("clé")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a+b")]
    [InlineData("a\nb")]
    [InlineData("<script>")]
    public void Idempotency_keys_with_other_characters_are_refused(string key) =>
        Assert.Equal(NeedMessages.IdempotencyKeyInvalid, OnlyError(Valid() with { IdempotencyKey = key }, NeedFields.IdempotencyKey));

    // --- contract

    [Fact]
    public void The_submission_reads_the_camel_case_json_body()
    {
        const string Json = """
            {"subjectId":"recrutement","description":"Nous cherchons à recruter deux soudeurs.","siret":"73282932000074",
             "communeCode":"2A004","companyName":"Ateliers","firstName":"Claire","lastName":"Martin",
             "email":"claire@example.fr","phone":"0612345678","consent":true,"idempotencyKey":"k1","website":""}
            """;

        var submission = JsonSerializer.Deserialize<NeedSubmission>(Json)!;

        Assert.Equal("recrutement", submission.SubjectId);
        Assert.Equal("2A004", submission.CommuneCode);
        Assert.Equal("Ateliers", submission.CompanyName);
        Assert.Equal("Martin", submission.LastName);
        Assert.True(submission.Consent);
        Assert.Equal("k1", submission.IdempotencyKey);
        Assert.Equal("", submission.Website);
        Assert.True(Validate(submission).IsValid);
    }

    [Fact]
    public void Error_keys_are_the_json_field_names()
    {
        var names = typeof(NeedSubmission).GetProperties()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet();

        var result = Validate(new NeedSubmission { SubjectId = "inconnu", Siret = "x", Website = "x", CommuneCode = "?", CompanyName = new string('a', 300), IdempotencyKey = "?" });

        Assert.Equal(11, result.Errors.Count);
        Assert.Subset(names, result.Errors.Keys.ToHashSet());
    }
}
