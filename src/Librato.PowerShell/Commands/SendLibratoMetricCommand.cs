using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Sends measurements: one from -Name and -Value, or any number from the pipeline, in batches sent as they fill.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "LibratoMetric", DefaultParameterSetName = InputObjectSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Measurement))]
    public sealed class SendLibratoMetricCommand : LibratoCmdlet
    {
        public const string ValueSet = "Value";
        public const string InputObjectSet = "InputObject";

        private MeasurementBatcher? batcher;
        private MeasurementReader? reader;
        private MeasurementValidator? validator;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ValueSet)]
        [Parameter(Position = 0, ParameterSetName = InputObjectSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ValueSet)]
        public double Value { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateSet("gauge", "counter", IgnoreCase = true)]
        public string Type { get; set; } = "gauge";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Source { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Tags { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? Time { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        [Parameter]
        [ValidateRange(1, MeasurementBatcher.MaxBatchSize)]
        public int BatchSize { get; set; } = MeasurementBatcher.DefaultBatchSize;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            InputConversion.TryTags(Tags, out var tags);
            reader = new MeasurementReader(new MeasurementDefaults
            {
                Name = Name,
                Type = string.Equals(Type, "counter", StringComparison.OrdinalIgnoreCase) ? MetricType.Counter : MetricType.Gauge,
                Source = Source,
                Tags = tags,
                Time = Time.HasValue ? EpochTime.FromDateTime(Time.Value) : (long?)null,
                Period = Period,
                Description = Description,
            });
            validator = Client.Options.Validator;
            batcher = new MeasurementBatcher(BatchSize);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ValueSet)
            {
                Accept(Value, fromParameters: true);
            }
            else if (InputObject?.BaseObject is IList list && !(InputObject.BaseObject is IDictionary))
            {
                // -InputObject @(...) arrives whole; treat it like the same items piped one by one.
                foreach (var item in list)
                {
                    Accept(item, fromParameters: false);
                }
            }
            else
            {
                Accept(InputObject, fromParameters: false);
            }
        }

        private void Accept(object? input, bool fromParameters)
        {
            var measurement = reader!.Read(input, out var problem);
            if (measurement == null)
            {
                WriteError(new ErrorRecord(new ArgumentException(problem!.Message), problem.ErrorId, ErrorCategory.InvalidData, input));
                return;
            }

            var now = EpochTime.Now();
            measurement.Time ??= now;
            var invalid = validator!.Validate(measurement, now);
            if (invalid != null)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException(invalid.Message),
                    ErrorIds.ForValidation(invalid.Code),
                    ErrorCategory.InvalidData,
                    fromParameters ? measurement : input));
                return;
            }

            var full = batcher!.Add(measurement);
            if (full != null)
            {
                Send(full);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var batch in batcher!.Drain())
            {
                Send(batch);
            }
        }

        private void Send(IReadOnlyList<Measurement> batch)
        {
            if (!ShouldProcess(Describe(batch), "Send"))
            {
                return;
            }

            SubmitResult result;
            try
            {
                result = Await(ct => Client.SubmitAsync(batch, Trace, ct));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, batch.ToArray(), ErrorIds.SubmitFailed));
                return;
            }

            var rejected = new HashSet<int>();
            foreach (var r in result.Rejected)
            {
                rejected.Add(r.Index);
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"The API refused '{batch[r.Index].Name}': {r.Reason}"),
                    ErrorIds.MeasurementRejected,
                    ErrorCategory.InvalidData,
                    batch[r.Index]));
            }

            if (PassThru)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (!rejected.Contains(i))
                    {
                        WriteObject(batch[i]);
                    }
                }
            }
        }

        private string Describe(IReadOnlyList<Measurement> batch)
        {
            var names = batch.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var shown = string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" and {names.Count - 3} more metrics" : string.Empty);
            var route = batch[0].IsTagged ? "tagged" : "legacy";
            return $"{batch.Count} {route} measurement(s) of {shown} at {ActiveSession.Endpoint}";
        }
    }
}
