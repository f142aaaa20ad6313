using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Saves a composite metric: a named composite expression the API evaluates when it is read.</summary>
    [Cmdlet(VerbsCommon.New, "LibratoCompositeMetric", HelpUri = HelpLinks.Pages + "New-LibratoCompositeMetric.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoMetric))]
    public sealed class NewLibratoCompositeMetricCommand : LibratoCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The composite expression, e.g. <c>sum(s("all.*", "*"))</c>.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Definition")]
        public string Composite { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary? Attributes { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            var name = ActiveSession.MetricName(Name);
            if (!ShouldProcess(name, "Save composite metric " + Composite))
            {
                return;
            }

            var update = new MetricUpdate
            {
                Type = "composite",
                Composite = Composite,
                Description = Description,
                DisplayName = DisplayName,
                Period = Period,
                Attributes = AttributeConversion.ToDictionary(Attributes),
            };
            try
            {
                // 201 answers with the new metric; an existing composite is updated (204) and read back.
                var created = Await(ct => Client.PutMetricAsync(name, update, Trace, ct));
                WriteObject(created ?? Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric);
            }
            catch (LibratoApiException ex)
            {
                var aboutComposite = ex.Kind == LibratoErrorKind.InvalidRequest &&
                    ex.ApiErrors.Any(e => e.IndexOf("composite", StringComparison.OrdinalIgnoreCase) >= 0);
                WriteError(ApiErrors.ToRecord(ex, name, aboutComposite ? ErrorIds.InvalidComposite : null));
            }
        }
    }
}
