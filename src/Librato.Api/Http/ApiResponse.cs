using System.Net;

namespace Librato.Api
{
    /// <summary>A successful answer: its status and raw body.</summary>
    internal readonly struct ApiResponse
    {
        public ApiResponse(HttpStatusCode status, byte[] body, string? location)
        {
            Status = status;
            Body = body;
            Location = location;
        }

        public HttpStatusCode Status { get; }

        public byte[] Body { get; }

        /// <summary>The Location header of a 201 or 202 answer.</summary>
        public string? Location { get; }
    }
}
