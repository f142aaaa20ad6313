using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Changes an annotation event: title, description, end time, its links as a whole (-Link), or links one by one
    /// (-AddLink, -RemoveLink). The API does not change an event's start time or source.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LibratoAnnotation", HelpUri = HelpLinks.Pages + "Set-LibratoAnnotation.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAnnotation))]
    public sealed class SetLibratoAnnotationCommand : AnnotationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string Stream { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>Replaces all the event's links; an empty list removes them.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public LibratoAnnotationLink[]? Link { get; set; }

        /// <summary>Links to add; each rel must be new to the event.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public LibratoAnnotationLink[]? AddLink { get; set; }

        /// <summary>The rels of links to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveLink { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            if (Title == null && Description == null && !EndTime.HasValue && Link == null && AddLink == null && RemoveLink == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to set: give -Title, -Description, -EndTime, -Link, -AddLink or -RemoveLink."),
                    ErrorIds.NothingToUpdate, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            var target = $"annotation {Id.ToString(CultureInfo.InvariantCulture)} in stream '{Stream}'";
            if (!ShouldProcess(target, "Set " + Describe()))
            {
                return;
            }

            var update = new AnnotationUpdate
            {
                Title = Title,
                Description = Description,
                EndTime = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : (long?)null,
                Links = Link == null ? null : new List<LibratoAnnotationLink>(Link),
            };
            var done = false;
            ForAnnotation(Stream, Id, target, () =>
            {
                if (!update.IsEmpty)
                {
                    Await(ct => Client.UpdateAnnotationAsync(Stream, Id, update, Trace, ct));
                }

                foreach (var rel in RemoveLink ?? new string[0])
                {
                    Await(ct => Client.RemoveAnnotationLinkAsync(Stream, Id, rel, Trace, ct));
                }

                foreach (var link in AddLink ?? new LibratoAnnotationLink[0])
                {
                    Await(ct => Client.AddAnnotationLinkAsync(Stream, Id, link, Trace, ct));
                }

                done = true;
            });

            if (PassThru && done)
            {
                ForAnnotation(Stream, Id, target, () => WriteObject(Await(ct => Client.GetAnnotationAsync(Stream, Id, Trace, ct))));
            }
        }

        private string Describe()
        {
            var parts = new List<string>();
            if (Title != null)
            {
                parts.Add($"title '{Title}'");
            }

            if (Description != null)
            {
                parts.Add("description");
            }

            if (EndTime.HasValue)
            {
                parts.Add("end time " + EndTime.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture));
            }

            if (Link != null)
            {
                parts.Add($"links ({Link.Length})");
            }

            if (RemoveLink != null)
            {
                parts.Add("remove link " + string.Join(", ", RemoveLink));
            }

            if (AddLink != null)
            {
                parts.Add("add link " + string.Join(", ", Array.ConvertAll(AddLink, l => l?.Rel)));
            }

            return string.Join("; ", parts);
        }
    }
}
