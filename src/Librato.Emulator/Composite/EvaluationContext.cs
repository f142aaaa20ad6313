using Librato.Emulator.Storage;

namespace Librato.Emulator.Composite;

/// <summary>What a composite is evaluated against: one account's data over an inclusive time window.</summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(AccountStore account, long start, long end, long resolution)
    {
        Account = account;
        Start = start;
        End = end;
        Resolution = resolution;
    }

    public AccountStore Account { get; }

    public long Start { get; }

    public long End { get; }

    /// <summary>The bucket size of series read without a <c>period</c> option.</summary>
    public long Resolution { get; }

    public EvaluationContext Moved(long seconds) => new(Account, Start + seconds, End + seconds, Resolution);
}
