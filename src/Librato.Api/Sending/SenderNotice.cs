using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>What a notice from a sender is about; its caller decides how to show it (a warning, an error, a verbose line).</summary>
    public enum SenderNoticeKind
    {
        /// <summary>Writing ahead to the outbox failed; what cannot be sent from now on is reported instead of kept.</summary>
        WriteAheadStopped,

        /// <summary>An outbox file could not record acknowledgements; its measurements may be sent again.</summary>
        OutboxNotUpdated,

        /// <summary>A delivered outbox file could not be removed.</summary>
        OutboxFileNotRemoved,

        /// <summary>An outbox file did not read as one and was moved to the quarantine folder.</summary>
        OutboxFileQuarantined,

        /// <summary>An outbox file could not be claimed (no access, say) and was left where it is.</summary>
        OutboxFileNotClaimed,

        /// <summary>An outbox file is held by another running send, which delivers it.</summary>
        OutboxFileInUse,

        /// <summary>Measurements from the outbox that the API refused (or that break its rules) were moved to the quarantine folder.</summary>
        OutboxMeasurementsRefused,

        /// <summary>Measurements from the outbox were delivered (a verbose line).</summary>
        OutboxFileDelivered,
    }

    /// <summary>Something a sender tells its caller besides batch outcomes: about the outbox, mostly.</summary>
    public sealed class SenderNotice
    {
        public SenderNotice(SenderNoticeKind kind, string message, IReadOnlyList<Measurement>? measurements, LibratoApiException? error = null)
        {
            Kind = kind;
            Message = message;
            Measurements = measurements;
            Error = error;
        }

        public SenderNoticeKind Kind { get; }

        public string Message { get; }

        /// <summary>The measurements concerned, when there are some (refused ones, say).</summary>
        public IReadOnlyList<Measurement>? Measurements { get; }

        /// <summary>The API's answer, for refused measurements.</summary>
        public LibratoApiException? Error { get; }

        public override string ToString() => Message;
    }
}
