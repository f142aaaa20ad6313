using System.Net;

namespace Librato.Api
{
    /// <summary>A successful answer: its status, content type and raw body.</summary>
    internal readonly struct ApiResponse
    {
        public ApiResponse(HttpStatusCode status, byte[] body, string? location, string? contentType = null)
        {
            Status = status;
            Body = body;
            Location = location;
            ContentType = contentType;
        }

        public HttpStatusCode Status { get; }

        public byte[] Body { get; }

        /// <summary>The Location header of a 201 or 202 answer.</summary>
        public string? Location { get; }

        /// <summary>The media type of the body (<c>application/json</c>), without parameters; null when none was sent.</summary>
        public string? ContentType { get; }
    }
}
