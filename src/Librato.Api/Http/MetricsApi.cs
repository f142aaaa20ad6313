namespace Librato.Api
{
    /// <summary>
    /// Which metrics service a client talks to. AppOptics, Librato's successor, serves the same routes and shapes
    /// but authenticates with the token alone and takes tagged measurements only.
    /// </summary>
    public enum MetricsApi
    {
        /// <summary>Librato Metrics: email and token, tagged and legacy (source) measurements.</summary>
        Librato,

        /// <summary>AppOptics: token only, tagged measurements only, at most 1,000 a request.</summary>
        AppOptics,
    }
}
