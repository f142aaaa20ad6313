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
    internal static class ProcessExitHook
    {
        private static readonly object Gate = new object();
        private static readonly List<Action> Actions = new List<Action>();
        private static bool installed;
        private static List<object>? registrations;

        /// <summary>Registers an action; disposing the result removes it.</summary>
        public static IDisposable Register(Action action)
        {
            lock (Gate)
            {
                Install();
                Actions.Add(action);
            }

            return new Registration(action);
        }

        /// <summary>Runs and removes every registered action (what the signal handlers do); also for tests.</summary>
        internal static void RunAll()
        {
            Action[] actions;
            lock (Gate)
            {
                actions = Actions.ToArray();
                Actions.Clear();
            }

            foreach (var action in actions)
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

        private static void Install()
        {
            if (installed)
            {
                return;
            }

            installed = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();
            registrations = RegisterSignals("SIGTERM", "SIGHUP");
        }

        private static List<object> RegisterSignals(params string[] signals)
        {
            var kept = new List<object>();
            var registration = Type.GetType("System.Runtime.InteropServices.PosixSignalRegistration, System.Runtime.InteropServices", throwOnError: false);
            var signalType = Type.GetType("System.Runtime.InteropServices.PosixSignal, System.Runtime.InteropServices", throwOnError: false);
            var contextType = Type.GetType("System.Runtime.InteropServices.PosixSignalContext, System.Runtime.InteropServices", throwOnError: false);
            if (registration == null || signalType == null || contextType == null)
            {
                return kept;
            }

            var create = registration.GetMethod("Create", BindingFlags.Public | BindingFlags.Static);
            var handlerType = typeof(Action<>).MakeGenericType(contextType);

            // Action<object> bound to Action<PosixSignalContext>: delegates allow a parameter of a less derived type.
            var handler = Delegate.CreateDelegate(handlerType, typeof(ProcessExitHook).GetMethod(nameof(OnSignal), BindingFlags.NonPublic | BindingFlags.Static)!);
            foreach (var name in signals)
            {
                try
                {
                    var value = Enum.Parse(signalType, name);
                    var made = create?.Invoke(null, new[] { value, handler });
                    if (made != null)
                    {
                        kept.Add(made);
                    }
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is ArgumentException || ex is PlatformNotSupportedException)
                {
                    // A platform without this signal.
                }
            }

            return kept;
        }

        private static void OnSignal(object context) => RunAll();

        private sealed class Registration : IDisposable
        {
            private Action? action;

            public Registration(Action action)
            {
                this.action = action;
            }

            public void Dispose()
            {
                lock (Gate)
                {
                    if (action != null)
                    {
                        Actions.Remove(action);
                        action = null;
                    }
                }
            }
        }
    }
}
