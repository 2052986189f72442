using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>The one mapping from a command's outcome to an HTTP answer, for every route that acts on a need.</summary>
public static class CommandResults
{
    /// <param name="accepted">The answer once accepted, from the need's state after the command.</param>
    /// <param name="notFound">No such need, or one the caller may not see (the same answer, so that nothing leaks).</param>
    /// <param name="refusedTitle">The title of the 409 when the command is impossible in the need's latest state.</param>
    public static IResult From(WorkflowOutcome outcome, Func<NeedState, IResult> accepted, IResult notFound, string refusedTitle = "Action impossible")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(accepted);
        return outcome switch
        {
            { Unanswered: true } => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service momentanément indisponible",
                detail: "Votre action n'a pas encore été prise en compte. Rechargez la page dans quelques instants pour vérifier, puis réessayez si besoin."),
            { State: null } or { Rejection.Code: RejectionCode.UnknownNeed or RejectionCode.UnknownAdvisor } => notFound,
            { Rejection.Code: RejectionCode.InvalidEvent } => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Demande incorrecte", detail: outcome.Rejection.Message),
            // The position asked is already the advisor's (a second click): the sheet as it is.
            { State: { } state, Rejection: null or { Code: RejectionCode.AlreadyInStatus } } => accepted(state),
            { Rejection: { } rejected } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusedTitle, detail: rejected.Message),
            _ => throw new InvalidOperationException("An outcome is unanswered, not found, refused or accepted."),
        };
    }
}
