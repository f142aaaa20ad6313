using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;

namespace Librato.PowerShell
{
    /// <summary>
    /// Reads a command's remaining pipeline input itself when the input is an enumerated value (<c>$rows | Cmd</c>,
    /// <c>Cmd -InputObject</c> aside). The engine would otherwise bind each item to the command's parameters in turn
    /// and call ProcessRecord once per item, which for a simple item costs more than everything the command then does
    /// with it. Input pushed by an upstream command (<c>Import-Csv x | Cmd</c>) arrives one item at a time whatever the
    /// command does, so it keeps the engine's path, as does every engine whose internals are not the ones read here.
    /// </summary>
    internal sealed class PipelineInput
    {
        private static readonly BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;
        private static readonly object Sync = new object();
        private static Type? boundRuntimeType;
        private static PropertyInfo? inputPipe;
        private static FieldInfo? enumerator;
        private static PropertyInfo? externalReader;
        private static MethodInfo? retrieve;

        private readonly Func<object?> next;

        private PipelineInput(Func<object?> next)
        {
            this.next = next;
        }

        /// <summary>
        /// The reader of the input still waiting for <paramref name="cmdlet"/>, or null when the engine hands it over
        /// one item at a time (pushed by an upstream command, fed by a host's input stream, or an unknown engine).
        /// </summary>
        public static PipelineInput? TryOpen(Cmdlet cmdlet)
        {
            try
            {
                var runtime = cmdlet.CommandRuntime;
                if (runtime == null || !Bind(runtime.GetType()))
                {
                    return null;
                }

                var pipe = inputPipe!.GetValue(runtime);
                if (pipe == null || !(enumerator!.GetValue(pipe) is IEnumerator) || externalReader!.GetValue(pipe) != null)
                {
                    return null;
                }

                // The engine's own retrieval, bound once: it keeps the engine's enumeration rules (and errors).
                return new PipelineInput((Func<object?>)Delegate.CreateDelegate(typeof(Func<object?>), pipe, retrieve!));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is MemberAccessException || ex is TargetException)
            {
                return null;
            }
        }

        /// <summary>Takes the next item; false when the input is exhausted. A null item is an item (<c>$null</c> in a list).</summary>
        public bool TryTake(out object? item)
        {
            item = next();
            return !ReferenceEquals(item, AutomationNull.Value);
        }

        private static bool Bind(Type runtimeType)
        {
            lock (Sync)
            {
                if (boundRuntimeType == runtimeType)
                {
                    return retrieve != null;
                }

                boundRuntimeType = runtimeType;
                inputPipe = runtimeType.GetProperty("InputPipe", Internal);
                var pipeType = inputPipe?.PropertyType;
                enumerator = pipeType?.GetField("_enumeratorToProcess", Internal);
                externalReader = pipeType?.GetProperty("ExternalReader", Internal);
                retrieve = pipeType?.GetMethod("Retrieve", Internal, null, Type.EmptyTypes, null);
                if (inputPipe == null || enumerator == null || enumerator.FieldType != typeof(IEnumerator) ||
                    externalReader == null || retrieve == null || retrieve.ReturnType != typeof(object))
                {
                    retrieve = null;
                }

                return retrieve != null;
            }
        }
    }
}
