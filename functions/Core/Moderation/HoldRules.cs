namespace ConseillersEntreprises.Core.Moderation;

/// <summary>
/// Which submissions wait for an operator (the <c>review</c> basket) instead of being dispatched at once, and how the
/// reasons read in French. Everything not listed here goes to the advisors at once: most needs never wait.
/// </summary>
public static class HoldRules
{
    /// <summary>Every reason that applies, in a fixed order (robot signs first); empty: dispatched at once.</summary>
    public static IReadOnlyList<HoldReason> Reasons(HoldSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var reasons = new List<HoldReason>();
        if (signals.HoneypotFilled)
        {
            reasons.Add(HoldReason.Honeypot);
        }

        if (signals.MinSecondsToFill > 0 && signals.FilledInSeconds is { } seconds && seconds < signals.MinSecondsToFill)
        {
            reasons.Add(HoldReason.FilledTooFast);
        }

        if (signals.BlockList.Blocks(signals.ContactEmail) is { } blocked)
        {
            reasons.Add(blocked);
        }

        if (signals.SameSiretRecently)
        {
            reasons.Add(HoldReason.DuplicateSiret);
        }

        if (signals.SameEmailRecently)
        {
            reasons.Add(HoldReason.DuplicateEmail);
        }

        return reasons;
    }

    /// <summary>
    /// A robot's sign: the person behind the address may never have written to us, so no email goes to it while the
    /// need waits, nor when it is rejected.
    /// </summary>
    public static bool LooksLikeARobot(IReadOnlyCollection<HoldReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Contains(HoldReason.Honeypot);
    }

    /// <summary>The operators' words for one reason (basket rows, the need view, the alert email).</summary>
    public static string FrenchLabel(HoldReason reason) => reason switch
    {
        HoldReason.Honeypot => "Champ caché rempli (robot probable)",
        HoldReason.FilledTooFast => "Formulaire rempli trop vite",
        HoldReason.BlockedEmail => "Adresse email bloquée",
        HoldReason.BlockedDomain => "Domaine de l'adresse email bloqué",
        HoldReason.DuplicateSiret => "Même SIRET sur le même sujet récemment",
        HoldReason.DuplicateEmail => "Même adresse email sur le même sujet récemment",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown hold reason."),
    };

    /// <summary>The basket's reason: every reason, in order, as one French sentence.</summary>
    public static string BasketReason(IReadOnlyList<HoldReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return "À vérifier avant transmission : " + string.Join(" ; ", reasons.Select(r => LowerFirst(FrenchLabel(r)))) + ".";
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
