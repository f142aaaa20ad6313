using System;

namespace Librato.Api
{
    /// <summary>A 2xx answer whose body is not what the API sends; the client turns it into a <see cref="LibratoApiException"/>.</summary>
    internal sealed class MalformedBodyException : Exception
    {
        public MalformedBodyException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
