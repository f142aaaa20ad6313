using System;
using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Creates an aggregator that turns many values per metric into one summary measurement each.</summary>
    [Cmdlet(VerbsCommon.New, "LibratoAggregator", HelpUri = HelpLinks.Pages + "New-LibratoAggregator.md")]
    [OutputType(typeof(LibratoAggregator))]
    public sealed class NewLibratoAggregatorCommand : LibratoCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter]
        [ValidateNotNull]
        [TagTable(OneValueEach = true)]
        [ArgumentCompleter(typeof(TagCompleter))]
        public Hashtable? Tags { get; set; }

        /// <summary>The measure time; the submission time when not given.</summary>
        [Parameter]
        [LibratoTime]
        public DateTime? Time { get; set; }

        /// <summary>Floors the measure time to this many seconds, and is sent as the measurements' period.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        protected override void EndProcessing()
        {
            ThrowIfTagsInvalid(Tags, nameof(Tags));
            var aggregator = new MeasurementAggregator
            {
                Source = Source,
                Tags = LibratoAggregator.ToTags(Tags),
                MeasureTime = Time.HasValue ? EpochTime.FromDateTime(Time.Value) : (long?)null,
                Period = Period,
            };
            WriteObject(new LibratoAggregator(ActiveSession, aggregator));
        }
    }
}
