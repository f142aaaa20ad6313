namespace Librato.PowerShell
{
    /// <summary>Why a pipeline object is not a measurement, with the error id to report it under.</summary>
    internal sealed class InputProblem
    {
        public InputProblem(string errorId, string message)
        {
            ErrorId = errorId;
            Message = message;
        }

        public string ErrorId { get; }

        public string Message { get; }
    }
}
