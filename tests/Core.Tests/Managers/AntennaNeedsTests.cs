using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Managers;

public sealed class AntennaNeedsTests
{
    /// <summary>Advisors a and b in one antenna (ant-a), c in another (ant-c).</summary>
    private static NeedState SubmitToTwoAntennas() => Submit("a", "b", "c") is var state
        ? state with { Matches = [.. state.Matches.Select(m => m.AdvisorId == "b" ? m with { AntennaId = "ant-a", AntennaName = "Antenne A" } : m)] }
        : throw new InvalidOperationException();

    private static AntennaNeed Row(NeedState state, string antennaId) => Assert.Single(AntennaNeeds.Of(state), r => r.AntennaId == antennaId);

    [Fact]
    public void A_need_gives_one_row_per_antenna_it_reached_with_its_advisors_and_first_sending()
    {
        var state = SubmitToTwoAntennas();

        var rows = AntennaNeeds.Of(state);

        Assert.Equal(["ant-a", "ant-c"], rows.Select(r => r.AntennaId));
        var a = Row(state, "ant-a");
        Assert.Equal(("Conseiller A, Conseiller B", T0, "quo", "quo", true), (a.AdvisorNames, a.SentAt, a.Status, a.AntennaStatus, a.AwaitingAnswer));
        Assert.Equal(("MENUISERIE DUPONT", "Penne-d'Agenais", "Difficultés de trésorerie"), (a.CompanyName, a.CommuneName, a.Subject));
    }

    [Fact]
    public void An_antenna_has_answered_as_soon_as_one_of_its_advisors_took_a_position_even_a_refusal()
    {
        var takenOn = SubmitToTwoAntennas().Position("b", MatchStatus.TakingCare);
        var refused = SubmitToTwoAntennas().Position("a", MatchStatus.NotForMe);

        Assert.False(Row(takenOn, "ant-a").AwaitingAnswer);
        Assert.Equal("taking_care", Row(takenOn, "ant-a").AntennaStatus);
        Assert.False(Row(refused, "ant-a").AwaitingAnswer);
        Assert.True(Row(refused, "ant-c").AwaitingAnswer);
    }

    [Fact]
    public void An_antenna_taking_it_on_does_not_answer_for_another_but_a_need_closed_elsewhere_no_longer_waits()
    {
        var takenOnElsewhere = SubmitToTwoAntennas().Position("c", MatchStatus.TakingCare);
        var closedElsewhere = takenOnElsewhere.Position("c", MatchStatus.Done);

        Assert.True(Row(takenOnElsewhere, "ant-a").AwaitingAnswer);
        Assert.Equal("taking_care", Row(takenOnElsewhere, "ant-a").Status);
        Assert.False(Row(closedElsewhere, "ant-a").AwaitingAnswer);
        Assert.Equal(("done", "quo"), (Row(closedElsewhere, "ant-a").Status, Row(closedElsewhere, "ant-a").AntennaStatus));
    }

    [Fact]
    public void A_cancelled_or_abandoned_need_awaits_no_answer()
    {
        var cancelled = SubmitToTwoAntennas().Then(new NeedCancelled("ops@example.fr", "Doublon"));
        var abandoned = SubmitToTwoAntennas().Fire(TimerKind.Abandon).State;

        Assert.All(AntennaNeeds.Of(cancelled), r => Assert.False(r.AwaitingAnswer));
        Assert.All(AntennaNeeds.Of(cancelled), r => Assert.Equal("cancelled", r.Status));
        Assert.All(AntennaNeeds.Of(abandoned), r => Assert.False(r.AwaitingAnswer));
    }

    [Fact]
    public void An_unrouted_need_has_no_antenna_row()
    {
        Assert.Empty(AntennaNeeds.Of(Submit()));
    }

    [Fact]
    public void An_antenna_whose_advisor_left_for_a_colleague_elsewhere_no_longer_waits_and_says_so()
    {
        var reassigned = SubmitToTwoAntennas().Then(new NeedReassigned("ops@example.fr", "c", Advisor("z")), T0.AddDays(1));

        var left = Row(reassigned, "ant-c");
        Assert.Equal((AntennaNeeds.ReassignedElsewhere, false, "Conseiller C"), (left.AntennaStatus, left.AwaitingAnswer, left.AdvisorNames));
        Assert.True(Row(reassigned, "ant-z").AwaitingAnswer);
        Assert.True(Row(reassigned, "ant-a").AwaitingAnswer); // a and b are still there
    }
}
