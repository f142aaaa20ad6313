namespace Librato.Api
{
    /// <summary>
    /// Receives one line per HTTP exchange (method, URL, status, timing; never headers or credentials).
    /// Called from whatever thread completes the request.
    /// </summary>
    public interface IRequestTrace
    {
        void Write(string message);
    }
}
