using System.Text.Json;
using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class NeedJsonTests
{
    /// <summary>A need that went through every kind of event, so that its state and effects use every shape.</summary>
    private static (NeedState State, List<NeedEvent> Events, List<NeedEffect> Effects) Story()
    {
        var events = new List<NeedEvent>
        {
            Submitted("a", "b", "c"),
            new PositionChanged("a", MatchStatus.TakingCare, "Je rappelle demain"),
            new PositionChanged("b", MatchStatus.NotForMe, "Hors périmètre"),
            CommentPosted.ByAdvisor("a", "Rendez-vous pris."),
            CommentPosted.ByOperator("ops@example.fr", "Merci !"),
            new AdvisorAdded("ops@example.fr", Advisor("d")),
        };
        NeedState? state = null;
        var effects = new List<NeedEffect>();
        foreach (var @event in events)
        {
            var accepted = Accept(state, @event);
            state = accepted.State;
            effects.AddRange(accepted.Effects);
        }

        var due = state!.Due(TimerKind.TakenOnNotice);
        var notice = Accept(state, due, T0.AddMinutes(10));
        effects.AddRange(notice.Effects);
        events.Add(due);
        effects.AddRange(Accept(null, Submitted() with { NeedId = "need-2" }).Effects); // the unrouted path alerts operators
        state = notice.State.Position("a", MatchStatus.Done).Position("c", MatchStatus.TakingCare).Position("c", MatchStatus.DoneNotReachable);
        var answer = new SatisfactionGiven(SatisfactionHelped.Partly, "Utile");
        events.Add(answer);
        state = state.Then(answer);
        return (state, events, effects);
    }

    [Fact]
    public void The_state_round_trips()
    {
        var (state, _, _) = Story();
        var cancelled = state.Then(new NeedCancelled("ops@example.fr", "Test"));

        foreach (var s in new[] { state, cancelled })
        {
            var json = NeedJson.Serialize(s);
            var back = NeedJson.DeserializeState(json);

            Assert.Equal(json, NeedJson.Serialize(back));
            Assert.Equal(s.Status, back.Status);
            Assert.Equal(s.Matches, back.Matches);
            Assert.Equal(s.Comments, back.Comments);
            Assert.Equal(s.PendingCommentNotices, back.PendingCommentNotices);
            Assert.Equal(s.Timers, back.Timers);
            Assert.Equal(s.Timeline, back.Timeline);
            Assert.Equal(s.Cancellation, back.Cancellation);
            Assert.Equal(s.Satisfaction, back.Satisfaction);
        }
    }

    [Fact]
    public void The_state_uses_camel_case_and_the_api_status_names_and_leaves_derived_values_out()
    {
        var json = NeedJson.Serialize(Story().State);

        Assert.Contains("\"needId\":\"need-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"not_for_me\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"done_not_reachable\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"satisfaction\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isUnrouted", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pendingCompanyNotices", json, StringComparison.Ordinal);
        Assert.DoesNotContain("fullName", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EventDiscriminators() => new()
    {
        { nameof(NeedSubmitted), "need_submitted" },
        { nameof(PositionChanged), "position_changed" },
        { nameof(CommentPosted), "comment_posted" },
        { nameof(TimerDue), "timer_due" },
        { nameof(AdvisorAdded), "advisor_added" },
        { nameof(SatisfactionGiven), "satisfaction_given" },
    };

    [Theory]
    [MemberData(nameof(EventDiscriminators))]
    public void Every_event_round_trips_with_its_type_discriminator(string typeName, string discriminator)
    {
        var @event = Story().Events.First(e => e.GetType().Name == typeName);

        var json = NeedJson.Serialize(@event);
        var back = NeedJson.DeserializeEvent(json);

        Assert.StartsWith($"{{\"type\":\"{discriminator}\"", json, StringComparison.Ordinal);
        Assert.Equal(discriminator, NeedJson.EventType(@event));
        Assert.IsType(@event.GetType(), back);
        Assert.Equal(json, NeedJson.Serialize(back));
    }

    [Fact]
    public void A_cancellation_round_trips()
    {
        NeedEvent cancelled = new NeedCancelled("ops@example.fr", "Doublon");

        var json = NeedJson.Serialize(cancelled);

        Assert.Equal("{\"type\":\"need_cancelled\",\"operator\":\"ops@example.fr\",\"reason\":\"Doublon\"}", json);
        Assert.Equal(cancelled, NeedJson.DeserializeEvent(json));
    }

    [Fact]
    public void Every_effect_round_trips_with_its_type_discriminator()
    {
        var effects = Story().Effects;

        Assert.Equal(
            ["alert_operators", "schedule_timer", "send_email", "update_projection"],
            effects.Select(NeedJson.EffectType).Distinct().Order());
        Assert.Contains(effects, e => e is AlertOperators);
        foreach (var effect in effects)
        {
            var json = NeedJson.Serialize(effect);
            var back = NeedJson.DeserializeEffect(json);

            Assert.StartsWith($"{{\"type\":\"{NeedJson.EffectType(effect)}\"", json, StringComparison.Ordinal);
            Assert.IsType(effect.GetType(), back);
            Assert.Equal(effect.EffectId, back.EffectId);
            Assert.Equal(json, NeedJson.Serialize(back));
        }
    }

    [Fact]
    public void A_taken_on_email_keeps_the_advisors_it_names()
    {
        var effect = Story().Effects.OfType<SendEmail>().Single(e => e.Template == EmailTemplate.CompanyTakenOn);

        var back = Assert.IsType<SendEmail>(NeedJson.DeserializeEffect(NeedJson.Serialize(effect)));

        Assert.Equal(effect.Advisors, back.Advisors);
        Assert.Contains("\"template\":\"company_taken_on\"", NeedJson.Serialize(effect), StringComparison.Ordinal);
    }

    [Fact]
    public void The_discriminator_may_come_anywhere_in_the_object()
    {
        var back = NeedJson.DeserializeEvent("{\"advisorId\":\"a\",\"newStatus\":\"not_for_me\",\"type\":\"position_changed\"}");

        Assert.Equal(new PositionChanged("a", MatchStatus.NotForMe), back);
    }

    [Fact]
    public void Unknown_types_and_status_names_are_refused()
    {
        Assert.ThrowsAny<JsonException>(() => NeedJson.DeserializeEvent("{\"type\":\"need_exploded\"}"));
        Assert.ThrowsAny<JsonException>(() => NeedJson.DeserializeEvent("{\"type\":\"position_changed\",\"advisorId\":\"a\",\"newStatus\":\"takingCare\"}"));
    }

    [Fact]
    public void Enum_wire_names_parse_back()
    {
        foreach (var kind in Enum.GetValues<TimerKind>())
        {
            Assert.True(NeedJson.TryParseWireName<TimerKind>(NeedJson.WireName(kind), out var back));
            Assert.Equal(kind, back);
        }

        Assert.Equal("company_follow_up", NeedJson.WireName(TimerKind.CompanyFollowUp));
        Assert.Equal("done_not_reachable", NeedJson.WireName(MatchStatus.DoneNotReachable));
        Assert.False(NeedJson.TryParseWireName<TimerKind>("Reminder", out _));
        Assert.False(NeedJson.TryParseWireName<TimerKind>(null, out _));
    }

    private static readonly JsonSerializerOptions AppOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public void Options_with_a_camel_case_enum_converter_keep_the_snake_case_names() =>
        Assert.Equal("\"taking_care\"", JsonSerializer.Serialize(MatchStatus.TakingCare, AppOptions));
}
