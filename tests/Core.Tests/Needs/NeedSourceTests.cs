using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class NeedSourceTests
{
    private static readonly NeedSource Cci = new() { InstitutionId = "cci", InstitutionName = "CCI Occitanie", KeyId = "k0123" };

    [Fact]
    public void A_partner_submission_records_its_institution_as_the_need_source_and_survives_storage()
    {
        var state = Accept(null, Submitted("a") with { Source = Cci }).State;
        var stored = NeedJson.DeserializeState(NeedJson.Serialize(state));
        var replayedEvent = Assert.IsType<NeedSubmitted>(NeedJson.DeserializeEvent(NeedJson.Serialize(Submitted("a") with { Source = Cci })));

        Assert.Equal(Cci, state.Source);
        Assert.Equal(Cci, stored.Source);
        Assert.Equal(Cci, replayedEvent.Source);
        Assert.Equal("cci", NeedStatsRow.Of(state, "tresorerie", "76")!.SourceKey);
    }

    [Fact]
    public void A_need_from_the_public_site_has_no_source_and_counts_as_the_site()
    {
        var state = Submit("a");

        Assert.Null(state.Source);
        Assert.DoesNotContain("source", NeedJson.Serialize(state), StringComparison.Ordinal);
        var row = NeedStatsRow.Of(state, "tresorerie", "76")!;
        Assert.Equal(NeedStatsRow.PublicSite, row.SourceKey);
        Assert.False(row.FromPartner);
    }
}
