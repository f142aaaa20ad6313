using System;
using System.Management.Automation;
using System.Reflection;

namespace Librato.PowerShell
{
    /// <summary>
    /// Hooks assembly resolution for the module's shipped dependencies when the module is imported, and unhooks it
    /// when the last import is removed.
    /// </summary>
    public sealed class ModuleAssemblyInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static readonly CountedHook Hook = new CountedHook(Attach, Detach);
        private static DependencyResolver? resolver;

        /// <inheritdoc />
        public void OnImport() => Hook.Acquire();

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => Hook.Release();

        private static void Attach()
        {
            lock (Gate)
            {
                resolver = DependencyResolver.ForCurrentProcess();
            }

            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        }

        private static void Detach()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            lock (Gate)
            {
                resolver = null;
            }
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            DependencyResolver? current;
            lock (Gate)
            {
                current = resolver;
            }

            // Requests with no requesting assembly, or from a dynamic one, are not the module's own.
            var requesting = args.RequestingAssembly;
            if (current is null || requesting is null || requesting.IsDynamic)
            {
                return null;
            }

            var path = current.Resolve(new AssemblyName(args.Name), requesting.Location);
            return path is null ? null : Assembly.LoadFrom(path);
        }
    }

    /// <summary>
    /// Attaches on the first acquisition and detaches on the last release. Imports in several runspaces of one
    /// process share the module's assembly, so removing the module from one runspace must not unhook the others.
    /// </summary>
    internal sealed class CountedHook
    {
        private readonly object gate = new object();
        private readonly Action attach;
        private readonly Action detach;
        private int count;

        public CountedHook(Action attach, Action detach)
        {
            this.attach = attach;
            this.detach = detach;
        }

        public bool IsAttached
        {
            get
            {
                lock (gate)
                {
                    return count > 0;
                }
            }
        }

        public void Acquire()
        {
            lock (gate)
            {
                if (count++ == 0)
                {
                    attach();
                }
            }
        }

        public void Release()
        {
            lock (gate)
            {
                // PowerShell calls OnRemove once per import; an unbalanced extra call must not drive the count negative.
                if (count > 0 && --count == 0)
                {
                    detach();
                }
            }
        }
    }
}
