using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Recreates spaces from space definitions (Export-LibratoSpace): creates a new space, or with -Replace makes an
    /// existing space of that name match the definition, creating, updating and removing charts. -WhatIf lists every
    /// change without making it.
    /// </summary>
    [Cmdlet(VerbsData.Import, "LibratoSpace", HelpUri = HelpLinks.Pages + "Import-LibratoSpace.md", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoSpace))]
    public sealed class ImportLibratoSpaceCommand : SpaceCmdlet
    {
        public const string PathSet = "Path";
        public const string InputSet = "InputObject";

        private readonly StringBuilder pending = new StringBuilder();
        private bool declined;
        private readonly Dictionary<string, long?> relatedIds = new Dictionary<string, long?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Definition files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>
        /// Definition text (as Export-LibratoSpace writes it without -Path; lines piped one by one are put together),
        /// files (as Get-ChildItem writes them) or SpaceDefinition objects.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
        [AllowEmptyString]
        [AllowNull]
        [Alias("Json")]
        public object[] InputObject { get; set; } = new object[0];

        /// <summary>The name of the space to create or replace, instead of the name in the definition.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public string? Name { get; set; }

        /// <summary>Makes an existing space of that name match the definition instead of refusing to import.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet)
            {
                foreach (var pattern in Path)
                {
                    foreach (var file in Files(pattern))
                    {
                        ImportFile(file);
                    }
                }

                return;
            }

            foreach (var item in InputObject)
            {
                switch (item is PSObject pso ? pso.BaseObject : item)
                {
                    case null:
                        break;
                    case FileInfo file:
                        ImportFile(file.FullName);
                        break;
                    case SpaceDefinition definition:
                        Import(definition);
                        break;
                    case string text:
                        pending.Append(text).Append('\n');
                        if (IsComplete(pending.ToString()))
                        {
                            var document = pending.ToString();
                            pending.Clear();
                            Import(document, "definition text");
                        }

                        break;
                    default:
                        WriteError(new ErrorRecord(
                            new PSArgumentException($"Cannot import '{item}': give definition text, a definition file or a SpaceDefinition."),
                            ErrorIds.InvalidSpaceDefinition, ErrorCategory.InvalidArgument, item));
                        break;
                }
            }
        }

        protected override void EndProcessing()
        {
            var rest = pending.ToString();
            if (rest.Trim().Length > 0)
            {
                Import(rest, "definition text");
            }
        }

        /// <summary>Whether the text so far is one whole JSON value, so that piped lines can be put together.</summary>
        private static bool IsComplete(string text)
        {
            if (text.Trim().Length == 0)
            {
                return false;
            }

            try
            {
                using (JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                {
                    return true;
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private IEnumerable<string> Files(string pattern)
        {
            Collection<string> files;
            try
            {
                files = GetResolvedProviderPathFromPSPath(pattern, out var provider);
                if (provider.Name != "FileSystem")
                {
                    throw new PSArgumentException($"'{pattern}' is not a file system path.");
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is PSArgumentException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound, pattern));
                return new string[0];
            }

            return files;
        }

        private void ImportFile(string file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.FileReadFailed, ErrorCategory.ReadError, file));
                return;
            }

            Import(text, file);
        }

        private void Import(string text, object origin)
        {
            SpaceDefinition definition;
            try
            {
                definition = SpaceDefinition.Parse(text);
            }
            catch (FormatException ex)
            {
                var record = new ErrorRecord(ex, ErrorIds.InvalidSpaceDefinition, ErrorCategory.InvalidData, origin);
                if (origin is string file && System.IO.File.Exists(file))
                {
                    // The place in the file is only useful with the file's name.
                    record.ErrorDetails = new ErrorDetails(file + ": " + ex.Message);
                }

                WriteError(record);
                return;
            }

            Import(definition);
        }

        private void Import(SpaceDefinition definition)
        {
            var name = Name ?? definition.Name;
            List<LibratoSpace> existing;
            try
            {
                existing = ListSpaces(name, literal: true).ToList();
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, name));
                return;
            }

            if (existing.Count > 1)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"{existing.Count} spaces are named '{name}' (ids {string.Join(", ", existing.Select(s => s.Id))}); import under another name with -Name."),
                    ErrorIds.AmbiguousSpace, ErrorCategory.InvalidOperation, name));
                return;
            }

            if (existing.Count == 1 && !Replace)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"A space named '{name}' already exists (id {existing[0].Id}). Use -Replace to make it match the definition, or -Name to import under another name."),
                    ErrorIds.SpaceExists, ErrorCategory.ResourceExists, existing[0]));
                return;
            }

            declined = false;
            var space = existing.Count == 1 ? existing[0] : Create(name, definition);
            if (existing.Count == 1)
            {
                Update(space!, definition);
            }

            // Under -WhatIf (or a change declined at a prompt) the space is not what the definition says.
            if (space != null && !declined)
            {
                WriteObject(space);
            }
        }

        /// <summary>Creates the space and its charts; with -WhatIf only says what it would create.</summary>
        private LibratoSpace? Create(string name, SpaceDefinition definition)
        {
            LibratoSpace? space = null;
            if (Consent($"space '{name}'", $"Create space with {definition.Charts.Count} chart(s)"))
            {
                try
                {
                    space = Await(ct => Client.CreateSpaceAsync(name, definition.Tags, Trace, ct));
                    ForgetSpaceNames();
                }
                catch (LibratoApiException ex)
                {
                    WriteError(ApiErrors.ToRecord(ex, name));
                    return null;
                }
            }

            var where = space == null ? $"new space '{name}'" : "space " + Describe(space);
            foreach (var chart in definition.Charts)
            {
                var desired = Desired(chart, definition, space);
                if (Consent($"chart '{desired.Name}' in {where}", $"Create {desired.Type} chart with {desired.Streams.Count} stream(s)") && space != null)
                {
                    ForChart(desired, () => Await(ct => Client.CreateChartAsync(space.Id, desired, Trace, ct)));
                }
            }

            return space;
        }

        /// <summary>
        /// Makes an existing space match the definition. Charts are matched by name (case ignored, in order): matched
        /// charts that differ are updated in place, so they keep their ids; the others are created or removed.
        /// </summary>
        private void Update(LibratoSpace space, SpaceDefinition definition)
        {
            List<LibratoChart> current;
            try
            {
                current = Await(ct => Client.ListChartsAsync(space.Id, Trace, ct)).ToList();
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, space));
                return;
            }

            var where = "space " + Describe(space);
            foreach (var chart in definition.Charts)
            {
                var desired = Desired(chart, definition, space);
                var match = Match(current, desired);
                if (match == null)
                {
                    if (Consent($"chart '{desired.Name}' in {where}", $"Create {desired.Type} chart with {desired.Streams.Count} stream(s)"))
                    {
                        ForChart(desired, () => Await(ct => Client.CreateChartAsync(space.Id, desired, Trace, ct)));
                    }

                    continue;
                }

                current.Remove(match);
                var changed = ChartComparison.ChangedFields(match, desired);
                if (changed.Count == 0)
                {
                    WriteVerbose($"The chart {Describe(match)} already matches the definition.");
                }
                else if (Consent("chart " + Describe(match), "Update chart: " + string.Join(", ", changed)))
                {
                    var update = ChartUpdate.For(desired, changed);
                    ForChart(match, () => Await(ct => Client.UpdateChartAsync(space.Id, match.Id, update, Trace, ct)));
                }
            }

            foreach (var extra in current)
            {
                if (Consent("chart " + Describe(extra), "Remove chart, which the definition does not have"))
                {
                    ForChart(extra, () => Await(ct => Client.DeleteChartAsync(space.Id, extra.Id, Trace, ct)));
                }
            }
        }

        private bool Consent(string target, string action)
        {
            var approved = ShouldProcess(target, action);
            declined |= !approved;
            return approved;
        }

        /// <summary>The current chart a definition's chart replaces: same name (exact before case ignored), same type first.</summary>
        private static LibratoChart? Match(List<LibratoChart> current, LibratoChart desired)
        {
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                var named = current.Where(c => string.Equals(c.Name, desired.Name, comparison)).ToList();
                if (named.Count > 0)
                {
                    return named.FirstOrDefault(c => c.Type == desired.Type) ?? named[0];
                }
            }

            return null;
        }

        /// <summary>The chart as it should be in this account: the related space found by name.</summary>
        private LibratoChart Desired(ChartDefinition chart, SpaceDefinition definition, LibratoSpace? target)
        {
            var desired = chart.Chart;
            desired.RelatedSpace = null;
            var related = chart.RelatedSpaceName;
            if (related == null)
            {
                return desired;
            }

            if (string.Equals(related, definition.Name, StringComparison.OrdinalIgnoreCase))
            {
                // A chart that links to its own space links to the space it is imported into.
                desired.RelatedSpace = target?.Id;
                return desired;
            }

            if (!relatedIds.TryGetValue(related, out var id))
            {
                List<LibratoSpace> found;
                try
                {
                    found = ListSpaces(related, literal: true).ToList();
                }
                catch (LibratoApiException ex)
                {
                    WriteError(ApiErrors.ToRecord(ex, related));
                    found = new List<LibratoSpace>();
                }

                id = found.Count == 1 ? found[0].Id : (long?)null;
                if (found.Count != 1)
                {
                    WriteWarning(found.Count == 0
                        ? $"The chart '{desired.Name}' links to the space '{related}', which this account does not have; the chart is imported without the link."
                        : $"The chart '{desired.Name}' links to the space '{related}', and this account has {found.Count} spaces of that name; the chart is imported without the link.");
                }

                relatedIds[related] = id;
            }

            desired.RelatedSpace = id;
            return desired;
        }
    }
}
