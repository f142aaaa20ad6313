namespace Librato.Emulator.Storage;

/// <summary>A job as <c>GET /v1/jobs/:id</c> reports it.</summary>
internal sealed record Job(long Id, string State, double? Progress);
