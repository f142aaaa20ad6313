using System.Net;

namespace Librato.Api
{
    /// <summary>A successful answer: its status and raw body.</summary>
    internal readonly struct ApiResponse
    {
        public ApiResponse(HttpStatusCode status, byte[] body)
        {
            Status = status;
            Body = body;
        }

        public HttpStatusCode Status { get; }

        public byte[] Body { get; }
    }
}
