using System.Collections.Generic;

namespace Librato.Emulator.Services;

/// <summary>An account's services by id. Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.</summary>
internal sealed class ServiceStore
{
    private readonly Dictionary<long, Service> services = new();

    public int Count => services.Count;

    public Service? Find(long id) => services.TryGetValue(id, out var service) ? service : null;

    public void Put(Service service) => services[service.Id] = service;

    public bool Remove(long id) => services.Remove(id);

    public List<Service> All() => new(services.Values);

    public void Clear() => services.Clear();
}
