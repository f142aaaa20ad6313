using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

internal static class ResourceSections
{
    /// <summary>
    /// The sections of an account's resources, in the order they are written and read. Each section is collected
    /// on its own, so the order matters for what refers to what: services before the alerts that list them,
    /// snapshots before their jobs, and the last id after every resource, so a save made while requests run never
    /// holds an id beyond the saved sequence.
    /// </summary>
    public static IEnumerable<IPersistentSection> For(AccountStore account)
    {
        yield return new AnnotationSection(account);
        yield return new SpaceSection(account);
        yield return new ServiceSection(account);
        yield return new AlertSection(account);
        yield return new SnapshotSection(account);
        yield return new JobSection(account);
        yield return new ApiTokenSection(account);
        yield return new ResourceIdSection(account);
    }
}
