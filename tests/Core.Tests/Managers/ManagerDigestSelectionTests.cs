using ConseillersEntreprises.Core.Managers;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Managers;

public sealed class ManagerDigestSelectionTests
{
    private static readonly TimeSpan NineDays = TimeSpan.FromDays(9);

    private static AntennaNeed Row(string needId, DateTimeOffset sentAt, bool awaiting = true, string antennaId = "ant-a") => new()
    {
        AntennaId = antennaId,
        NeedId = needId,
        Subject = "Difficultés de trésorerie",
        CompanyName = "MENUISERIE DUPONT",
        CommuneName = "Agen",
        CreatedAt = sentAt,
        SentAt = sentAt,
        Status = awaiting ? "quo" : "taking_care",
        AntennaStatus = awaiting ? "quo" : "taking_care",
        AwaitingAnswer = awaiting,
        AdvisorNames = "Conseiller A",
    };

    [Fact]
    public void Lists_the_needs_still_awaiting_an_answer_nine_days_after_they_reached_the_antenna_oldest_first()
    {
        var now = T0.AddDays(20);
        var rows = new[]
        {
            Row("recent", now.AddDays(-8).AddHours(-23)),
            Row("exactly-nine", now - NineDays),
            Row("old", now.AddDays(-15)),
            Row("answered", now.AddDays(-15), awaiting: false),
        };

        var selected = ManagerDigestSelection.Select(rows, now, NineDays);

        Assert.Equal(["old", "exactly-nine"], selected.Select(r => r.NeedId));
    }

    [Fact]
    public void A_need_that_reached_two_of_the_managers_antennas_is_listed_once()
    {
        var now = T0.AddDays(20);
        var rows = new[] { Row("n1", now.AddDays(-10), antennaId: "ant-a"), Row("n1", now.AddDays(-12), antennaId: "ant-b") };

        var selected = ManagerDigestSelection.Select(rows, now, NineDays);

        Assert.Equal("ant-b", Assert.Single(selected).AntennaId);
    }

    [Fact]
    public void Nothing_to_say_is_an_empty_selection()
    {
        Assert.Empty(ManagerDigestSelection.Select([Row("n1", T0, awaiting: false), Row("n2", T0.AddDays(19))], T0.AddDays(20), NineDays));
    }
}
