using System;
using System.Collections.Generic;
using System.Reflection;

namespace Librato.Api
{
    /// <summary>
    /// Runs the registered actions once when the process is told to end: SIGTERM (what a service manager, a container
    /// stop, <c>timeout</c> and a scheduler's time limit send) and SIGHUP (a closed terminal) on .NET Core, and the
    /// runtime's process exit everywhere. PowerShell does not raise the process exit event on SIGTERM, so the signals
    /// are registered themselves (PosixSignalRegistration, found at run time: this library targets netstandard2.0).
    /// The signal's default then ends the process as before. A kill that cannot be caught (SIGKILL, a forced end on
    /// Windows) runs nothing: against that only the outbox's write-ahead helps.
    /// </summary>
    internal sealed class ProcessExitHook
    {
        private static readonly string[] Signals = { "SIGTERM", "SIGHUP" };
        private readonly object gate = new object();
        private readonly List<Action> actions = new List<Action>();
        private readonly bool hookProcess;
        private List<object>? registrations;

        /// <param name="hookProcess">Whether the first registration hooks the process's exit and signals (the process-wide instance).</param>
        internal ProcessExitHook(bool hookProcess)
        {
            this.hookProcess = hookProcess;
        }

        /// <summary>The hook of this process, whose actions its end runs.</summary>
        public static ProcessExitHook Process { get; } = new ProcessExitHook(hookProcess: true);

        /// <summary>How many signals the hook listens to (SIGTERM and SIGHUP on .NET Core; none elsewhere, or before any registration).</summary>
        internal int SignalCount
        {
            get
            {
                lock (gate)
                {
                    return registrations?.Count ?? 0;
                }
            }
        }

        /// <summary>How many actions are registered.</summary>
        internal int Count
        {
            get
            {
                lock (gate)
                {
                    return actions.Count;
                }
            }
        }

        /// <summary>Registers an action; disposing the result removes it.</summary>
        public IDisposable Register(Action action)
        {
            lock (gate)
            {
                if (hookProcess && registrations == null)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();
                    registrations = RegisterSignals();
                }

                actions.Add(action);
            }

            return new Registration(this, action);
        }

        /// <summary>Runs and removes every registered action (what the signal handlers do).</summary>
        internal void RunAll()
        {
            Action[] taken;
            lock (gate)
            {
                taken = actions.ToArray();
                actions.Clear();
            }

            foreach (var action in taken)
            {
                try
                {
                    action();
                }
                catch (Exception)
                {
                    // The process is ending: one sender's failure must not keep the others from keeping their data.
                }
            }
        }

        private List<object> RegisterSignals()
        {
            var kept = new List<object>();
            var registration = Type.GetType("System.Runtime.InteropServices.PosixSignalRegistration, System.Runtime.InteropServices");
            var signalType = Type.GetType("System.Runtime.InteropServices.PosixSignal, System.Runtime.InteropServices");
            var contextType = Type.GetType("System.Runtime.InteropServices.PosixSignalContext, System.Runtime.InteropServices");
            if (registration == null || signalType == null || contextType == null)
            {
                // .NET Framework (Windows PowerShell 5.1): the process exit event is all there is.
                return kept;
            }

            var create = registration.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;

            // An Action<object> bound as Action<PosixSignalContext>: delegates allow a parameter of a less derived type.
            var handler = Delegate.CreateDelegate(
                typeof(Action<>).MakeGenericType(contextType), this, typeof(ProcessExitHook).GetMethod(nameof(OnSignal), BindingFlags.NonPublic | BindingFlags.Instance)!);
            foreach (var name in Signals)
            {
                try
                {
                    kept.Add(create.Invoke(null, new[] { Enum.Parse(signalType, name), handler })!);
                }
                catch (TargetInvocationException)
                {
                    // A platform without this signal.
                }
            }

            return kept;
        }

        private void OnSignal(object context) => RunAll();

        private sealed class Registration : IDisposable
        {
            private readonly ProcessExitHook hook;
            private Action? action;

            public Registration(ProcessExitHook hook, Action action)
            {
                this.hook = hook;
                this.action = action;
            }

            public void Dispose()
            {
                lock (hook.gate)
                {
                    if (action != null)
                    {
                        hook.actions.Remove(action);
                        action = null;
                    }
                }
            }
        }
    }
}
