namespace ConseillersEntreprises.Core.Directory;

/// <summary>One problem found in a directory document: where (a JSON path such as <c>advisors[12].email</c>) and what, in French.</summary>
public sealed record DirectoryProblem(string Path, string Message);
