namespace Librato.Api
{
    /// <summary>A background job the API queued for a large batch operation (<c>GET /v1/jobs/:id</c>).</summary>
    public sealed class JobStatus
    {
        public long Id { get; set; }

        /// <summary>queued, working, complete, failed or canceled.</summary>
        public string State { get; set; } = "queued";

        public double? Progress { get; set; }

        public string? Errors { get; set; }

        public bool IsFinished => State == "complete" || State == "failed" || State == "canceled";

        public override string ToString() => $"job {Id}: {State}";
    }
}
