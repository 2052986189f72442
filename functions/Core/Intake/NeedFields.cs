namespace ConseillersEntreprises.Core.Intake;

/// <summary>The camelCase JSON names of the need submission's fields: the keys of the validation errors.</summary>
public static class NeedFields
{
    public const string SubjectId = "subjectId";
    public const string Description = "description";
    public const string Siret = "siret";
    public const string CommuneCode = "communeCode";
    public const string CompanyName = "companyName";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Consent = "consent";
    public const string IdempotencyKey = "idempotencyKey";
    public const string Website = "website";
    public const string FilledInSeconds = "filledInSeconds";
}
