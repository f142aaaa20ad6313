namespace Librato.Emulator.Resources;

/// <summary>
/// Hands out the ids of one account's resources. Annotations, spaces, charts, streams, services, alerts,
/// conditions, snapshots, jobs and API tokens all draw from the same sequence, so an id never names two
/// things and a client that mixes them up gets a 404 instead of the wrong object.
/// </summary>
internal sealed class IdSequence
{
    /// <summary>The last id handed out; 0 before the first.</summary>
    public long Last { get; private set; }

    public long Next() => ++Last;

    /// <summary>Continues after <paramref name="last"/>, for state restored from elsewhere.</summary>
    public void Restore(long last) => Last = last;

    public void Reset() => Last = 0;
}
