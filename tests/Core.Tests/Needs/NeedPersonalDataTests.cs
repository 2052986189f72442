using System.Reflection;
using System.Text.Json.Serialization;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>
/// Every string a need's stored state holds is classified: personal (replaced by <see cref="NeedPersonalData.Anonymize"/>)
/// or not. A new field (a moderation or reassignment reason…) fails here until it is put on one side, and if personal,
/// handled by <see cref="NeedPersonalData"/>.
/// </summary>
public sealed class NeedPersonalDataTests
{
    /// <summary>What <see cref="NeedPersonalData.Anonymize"/> replaces.</summary>
    private static readonly string[] Personal =
    [
        "Description",
        "Contact.FirstName", "Contact.LastName", "Contact.Email", "Contact.Phone",
        "Comments[].Text",
        "Matches[].PositionComment",
        "Satisfaction.Comment",
        "Cancellation.Reason",
        "Moderation.RejectionReason",
    ];

    /// <summary>Ids, labels of the catalogue, the company's registry facts, the advisors and operators (professionals).</summary>
    private static readonly string[] NotPersonal =
    [
        "NeedId", "SubjectId", "SubjectLabel",
        "Company.Siret", "Company.Name", "Company.CommuneCode", "Company.CommuneName", "Company.NafCode", "Company.HeadcountBracket",
        "Matches[].AdvisorId", "Matches[].AdvisorName", "Matches[].AdvisorEmail", "Matches[].InstitutionId", "Matches[].InstitutionName",
        "Matches[].AntennaId", "Matches[].AntennaName",
        "Comments[].Id", "Comments[].AuthorId", "Comments[].AuthorName", "Comments[].Institution",
        "PendingCommentNotices[].CommentId", "PendingCommentNotices[].AdvisorId",
        "Timers[].TimerId",
        "SubjectChoice.Operator", "SubjectChoice.PreviousSubjectId",
        "Cancellation.Operator",
        "Anonymization.Operator",
        "Moderation.ApprovedBy", "Moderation.RejectedBy",
        "Source.InstitutionId", "Source.InstitutionName", "Source.KeyId",
        "Reassignments[].Operator", "Reassignments[].FromAdvisorId", "Reassignments[].FromAdvisorName", "Reassignments[].FromInstitutionName", "Reassignments[].FromAntennaId",
        "Reassignments[].ToAdvisorId", "Reassignments[].ToAdvisorName", "Reassignments[].ToInstitutionName",
    ];

    [Fact]
    public void Every_string_of_the_stored_state_is_classified()
    {
        var strings = StringPaths(typeof(NeedState), prefix: "").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Personal.Concat(NotPersonal).Order(StringComparer.Ordinal), strings);
    }

    [Fact]
    public void Every_personal_field_is_replaced()
    {
        var full = NeedFixtures.Submit("a")
            .Then(new PositionChanged("a", MatchStatus.NotForMe, "texte libre"), NeedFixtures.T0.AddHours(1))
            .Then(CommentPosted.ByOperator("ops@example.fr", "texte libre"), NeedFixtures.T0.AddHours(2))
            .Then(new NeedCancelled("ops@example.fr", "texte libre"), NeedFixtures.T0.AddHours(3)) with
        {
            Satisfaction = new NeedSatisfaction { Helped = SatisfactionHelped.No, Comment = "texte libre", At = NeedFixtures.T0 },
            Moderation = new NeedModeration { Reasons = [], HeldAt = NeedFixtures.T0, RejectedAt = NeedFixtures.T0, RejectedBy = "ops@example.fr", RejectionReason = "texte libre" },
        };

        var json = NeedJson.Serialize(NeedPersonalData.Anonymize(full));

        Assert.DoesNotContain("texte libre", json, StringComparison.Ordinal);
        Assert.DoesNotContain(NeedFixtures.Contact.Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain(NeedFixtures.Contact.Phone, json, StringComparison.Ordinal);
        Assert.DoesNotContain(NeedFixtures.Contact.FirstName, json, StringComparison.Ordinal);
    }

    private static IEnumerable<string> StringPaths(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var path = prefix + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string))
            {
                yield return path;
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                foreach (var inner in StringPaths(propertyType.GetGenericArguments()[0], path + "[]."))
                {
                    yield return inner;
                }
            }
            else if (propertyType.IsClass && propertyType.Namespace?.StartsWith("ConseillersEntreprises.Core", StringComparison.Ordinal) == true)
            {
                foreach (var inner in StringPaths(propertyType, path + "."))
                {
                    yield return inner;
                }
            }
        }
    }
}
