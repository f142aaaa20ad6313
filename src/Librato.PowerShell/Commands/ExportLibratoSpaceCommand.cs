using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Writes spaces with all their charts and streams as space definitions (JSON) that Import-LibratoSpace recreates
    /// in another account or endpoint: to the pipeline as text, to a file, or one file per space into a folder.
    /// </summary>
    [Cmdlet(VerbsData.Export, "LibratoSpace", HelpUri = HelpLinks.Pages + "Export-LibratoSpace.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ExportLibratoSpaceCommand : SpaceCmdlet
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private readonly Dictionary<long, string?> spaceNames = new Dictionary<long, string?>();
        private readonly HashSet<string> written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Space objects, ids, names or name patterns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SpaceTransformation]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity[] Space { get; set; } = new SpaceIdentity[0];

        /// <summary>A file, or an existing folder that gets one file per space named after it.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Does not overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>With -Path, writes the files written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var identity in Space)
            {
                foreach (var space in FindSpaces(identity, allowWildcards: true))
                {
                    ForSpace(space, () => Export(space));
                }
            }
        }

        private void Export(LibratoSpace space)
        {
            spaceNames[space.Id] = space.Name;
            var charts = Await(ct => Client.ListChartsAsync(space.Id, Trace, ct));
            var definition = new SpaceDefinition { Name = space.Name, Tags = space.Tags };
            foreach (var chart in charts)
            {
                string? related = null;
                if (chart.RelatedSpace.HasValue)
                {
                    related = SpaceName(chart.RelatedSpace.Value);
                    if (related == null)
                    {
                        WriteWarning($"The chart '{chart.Name}' in the space '{space.Name}' links to the space with id {chart.RelatedSpace.Value}, which does not exist; the export leaves the link out.");
                    }
                }

                var copy = new LibratoChart
                {
                    Name = chart.Name,
                    Type = chart.Type,
                    Streams = chart.Streams.Select(s => s.CopyUnsaved()).ToList(),
                    Min = chart.Min,
                    Max = chart.Max,
                    Label = chart.Label,
                    Thresholds = chart.Thresholds,
                    UseLogYAxis = chart.UseLogYAxis,
                    UseLastValue = chart.UseLastValue,
                };
                definition.Charts.Add(new ChartDefinition(copy, related));
            }

            var json = definition.ToJson();
            if (Path == null)
            {
                WriteObject(json);
                return;
            }

            var file = FileFor(space);
            if (file == null || !ShouldProcess(file, $"Export space {Describe(space)} with {charts.Count} chart(s)"))
            {
                return;
            }

            try
            {
                File.WriteAllText(file, json, Utf8);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, file));
                return;
            }

            written.Add(file);
            if (PassThru)
            {
                WriteFileItem(file);
            }
        }

        /// <summary>The space's name, read once per id; null when the space does not exist.</summary>
        private string? SpaceName(long id)
        {
            if (!spaceNames.TryGetValue(id, out var name))
            {
                try
                {
                    name = Await(ct => Client.GetSpaceAsync(id, Trace, ct)).Name;
                }
                catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
                {
                    name = null;
                }

                spaceNames[id] = name;
            }

            return name;
        }

        private string? FileFor(LibratoSpace space)
        {
            var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            string file;
            if (Directory.Exists(target))
            {
                file = System.IO.Path.Combine(target, FileName(space.Name) + ".json");
                if (written.Contains(file))
                {
                    // Two spaces of the same name: the second file also carries the id.
                    file = System.IO.Path.Combine(target, FileName(space.Name) + "-" + space.Id + ".json");
                }
            }
            else if (written.Contains(target))
            {
                WriteError(new ErrorRecord(
                    new IOException($"'{target}' already holds the space exported before {Describe(space)}. To export several spaces, give a folder as -Path."),
                    ErrorIds.ExportFileExists, ErrorCategory.WriteError, space));
                return null;
            }
            else
            {
                file = target;
            }

            if (NoClobber && File.Exists(file))
            {
                WriteError(new ErrorRecord(
                    new IOException($"The file '{file}' already exists, and -NoClobber was given."),
                    ErrorIds.ExportFileExists, ErrorCategory.ResourceExists, file));
                return null;
            }

            return file;
        }

        private static string FileName(string name)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars();
            var text = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                text.Append(Array.IndexOf(invalid, c) >= 0 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ? '_' : c);
            }

            var result = text.ToString().Trim().TrimEnd('.');
            return result.Length == 0 ? "space" : result;
        }
    }
}
