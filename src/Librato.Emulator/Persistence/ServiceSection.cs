using System;
using System.Collections.Generic;
using Librato.Emulator.Services;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the services.</summary>
internal sealed class ServiceSection : ResourceSection<List<Service>>
{
    public ServiceSection(AccountStore account)
        : base("services", account, ResourceJsonContext.Default.ListService)
    {
    }

    protected override List<Service> Collect()
    {
        var services = Resources.Services.All();
        services.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return services;
    }

    protected override long Restore(List<Service> saved)
    {
        long highest = 0;
        foreach (var service in saved)
        {
            if (Resources.Services.Find(service.Id) is not null)
            {
                throw SavedTwice("service", service.Id);
            }

            Resources.Services.Put(service);
            highest = Math.Max(highest, service.Id);
        }

        return highest;
    }
}
