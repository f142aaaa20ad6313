namespace Librato.Api
{
    /// <summary>Why one measurement cannot be sent, with a stable code.</summary>
    public sealed class ValidationError
    {
        public ValidationError(string code, string message)
        {
            Code = code;
            Message = message;
        }

        /// <summary>A stable code from <see cref="ValidationCodes"/>.</summary>
        public string Code { get; }

        public string Message { get; }

        public override string ToString() => Code + ": " + Message;
    }
}
