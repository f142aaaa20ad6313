using Librato.Emulator.Alerts;
using Librato.Emulator.Annotations;
using Librato.Emulator.Jobs;
using Librato.Emulator.Services;
using Librato.Emulator.Snapshots;
using Librato.Emulator.Spaces;

namespace Librato.Emulator.Resources;

/// <summary>
/// One account's resources other than metrics. The stores are plain collections of immutable records;
/// every read and change happens while holding <see cref="Gate"/>, so a change that spans stores (deleting
/// a service takes it off every alert) is seen whole or not at all.
/// </summary>
/// <remarks>
/// API tokens live in the account's <see cref="Storage.TokenRegistry"/>, where authentication finds them; they
/// take their ids from <see cref="Ids"/> under <see cref="Gate"/> like every other resource.
/// </remarks>
internal sealed class AccountResources
{
    public object Gate { get; } = new();

    public IdSequence Ids { get; } = new();

    public AnnotationStore Annotations { get; } = new();

    public SpaceStore Spaces { get; } = new();

    public ServiceStore Services { get; } = new();

    public AlertStore Alerts { get; } = new();

    public SnapshotStore Snapshots { get; } = new();

    public JobStore Jobs { get; } = new();

    public void Clear()
    {
        lock (Gate)
        {
            Annotations.Clear();
            Spaces.Clear();
            Services.Clear();
            Alerts.Clear();
            Snapshots.Clear();
            Jobs.Clear();
            Ids.Reset();
        }
    }
}
