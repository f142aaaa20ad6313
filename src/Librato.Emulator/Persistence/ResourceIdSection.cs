using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// Saves the last id the account handed out. The other sections only know the ids that still exist; this one
/// keeps the id of a resource deleted before the save from being handed out again.
/// </summary>
internal sealed class ResourceIdSection : ResourceSection<SavedIds>
{
    public ResourceIdSection(AccountStore account)
        : base("resource_ids", account, ResourceJsonContext.Default.SavedIds)
    {
    }

    protected override SavedIds Collect() => new(Resources.Ids.Last);

    protected override long Restore(SavedIds saved) => saved.Last;
}
