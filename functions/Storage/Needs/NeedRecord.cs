using Azure;

namespace ConseillersEntreprises.Storage.Needs;

/// <summary>A need's workflow state as stored: its serialized state, version (event count) and ETag for concurrency.</summary>
public sealed record NeedRecord(string NeedId, string StateJson, long Version, ETag ETag);
