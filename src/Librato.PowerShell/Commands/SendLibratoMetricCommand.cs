using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Sends measurements: one from -Name and -Value, or any number from the pipeline, in batches sent as they fill.
    /// With -Queue they are added to a queue instead; with -Aggregate they are summarized first.
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
        private PipelineAggregation? aggregation;
        private readonly object gate = new object();
        private QueueSubmitResult? reportedSubmit;
        private ProgressReporter? progress;
        private long sent;
        private readonly Queue<(IReadOnlyList<Measurement> Batch, Task<SubmitResult> Task)> inFlight =
            new Queue<(IReadOnlyList<Measurement>, Task<SubmitResult>)>();
        private readonly OrderedSubmissions submissions = new OrderedSubmissions();

        // Made once: a new delegate per pipeline object is a measurable share of a million-object send.
        private Action<Measurement>? acceptInput;
        private Action<InputProblem, object?>? reject;

        // The pipeline item being read (the error target of its measurements), and whether the rest of the
        // pipeline's input has been taken over.
        private object? current;
        private bool inputOpened;
        private bool stopped;
        private bool whatIf;

        // Naming a batch's metrics costs a set of 300 names per batch: only worth it when ShouldProcess shows them.
        private bool describeBatches;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ValueSet)]
        [Parameter(Position = 0, ParameterSetName = InputObjectSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
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

        /// <summary>Merge inherited tags (this command's, the queue's, the session's) into each measurement's own.</summary>
        [Parameter]
        public SwitchParameter InheritTags { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? Time { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        /// <summary>Summarize the values per metric, source and tags (and per -Period) into one measurement each.</summary>
        [Parameter]
        public SwitchParameter Aggregate { get; set; }

        /// <summary>Add the measurements to this queue instead of sending them.</summary>
        [Parameter]
        [ValidateNotNull]
        public LibratoQueue? Queue { get; set; }

        [Parameter]
        [ValidateRange(1, MeasurementBatcher.MaxBatchSize)]
        public int BatchSize { get; set; } = MeasurementBatcher.DefaultBatchSize;

        /// <summary>
        /// How many batches may be on their way at once. A batch holding a point of one still on its way waits for it,
        /// so values of one point keep their order whatever the limit.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Two: one request can be answered while the next is sent and a third batch fills.</summary>
        public const int DefaultThrottleLimit = 2;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Queue != null)
            {
                // The queue knows its session; -Session only matters for sending directly.
                Session ??= Queue.Session;
            }

            var session = ActiveSession;
            InputConversion.TryTags(Tags, out var tags);
            var levels = Queue == null
                ? new[] { tags, session.DefaultTagLevel }
                : new[] { tags, Queue.Tags, session.DefaultTagLevel };
            reader = new MeasurementReader(new MeasurementDefaults
            {
                Name = Name == null ? null : session.MeasurementName(Name),
                Type = string.Equals(Type, "counter", StringComparison.OrdinalIgnoreCase) ? MetricType.Counter : MetricType.Gauge,
                Source = Source,
                TagLevels = levels,
                InheritTags = InheritTags || (Queue?.InheritTags ?? false),
                Time = Time.HasValue ? EpochTime.FromDateTime(Time.Value) : (long?)null,
                Period = Period,
                Description = Description,
                MetricName = session.MeasurementName,
            });
            validator = Client.Options.Validator;
            whatIf = IsWhatIf();
            describeBatches = ShowsShouldProcessTarget(ConfirmImpact.Low);
            acceptInput = m => Accept(m, current);
            reject = Reject;
            batcher = new MeasurementBatcher(BatchSize);
            progress = new ProgressReporter(this, ProgressIds.Send, "Sending measurements to Librato", "measurements sent");
            if (Aggregate)
            {
                aggregation = new PipelineAggregation(Period);
            }

            // A scheduled task's earlier runs may have spooled batches: they go first, oldest first.
            if (Queue == null && session.Outbox != null && !whatIf)
            {
                OutboxDelivery.Deliver(this, session.Outbox);
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();

            // Ctrl+C: what waits in a partial batch (or an aggregate) was taken from the pipeline and must not vanish.
            if (batcher == null)
            {
                return;
            }

            lock (gate)
            {
                stopped = true;
                var waiting = new List<Measurement>();
                foreach (var batch in batcher.Drain())
                {
                    waiting.AddRange(batch);
                }

                // Batches still on their way may or may not have arrived; keeping them is harmless (times are set).
                while (inFlight.Count > 0)
                {
                    waiting.AddRange(inFlight.Dequeue().Batch);
                }

                if (aggregation != null)
                {
                    waiting.AddRange(aggregation.Measurements(EpochTime.Now()));
                    aggregation = null;
                }

                if (Queue == null)
                {
                    ActiveSession.KeepUnsent(waiting);
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ValueSet)
            {
                reader!.ReadAll(Value, m => Accept(m, null), (problem, _) => Reject(problem, null));
                return;
            }

            Take(InputObject);
            if (inputOpened)
            {
                return;
            }

            // $rows | Send-LibratoMetric: read the rest of the list here rather than through one parameter binding
            // and one ProcessRecord per item.
            inputOpened = true;
            var rest = PipelineInput.TryOpen(this);
            while (rest != null && rest.TryTake(out var item))
            {
                Take(item);
                if (Stopping)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Take(object? input)
        {
            current = input;
            if ((input is PSObject pso ? pso.BaseObject : input) is IList list && !(list is IDictionary))
            {
                // -InputObject @(...) arrives whole; treat it like the same items piped one by one.
                foreach (var item in list)
                {
                    reader!.ReadAll(item, m => Accept(m, item), reject!);
                }
            }
            else
            {
                reader!.ReadAll(input, acceptInput!, reject!);
            }
        }

        protected override void EndProcessing()
        {
            if (aggregation != null)
            {
                var now = EpochTime.Now();
                foreach (var summary in aggregation.Measurements(Time.HasValue ? EpochTime.FromDateTime(Time.Value) : now))
                {
                    Deliver(summary, summary, now);
                }
            }

            if (Queue == null)
            {
                List<IReadOnlyList<Measurement>> rest;
                lock (gate)
                {
                    rest = batcher!.Drain().ToList();
                }

                foreach (var batch in rest)
                {
                    Send(batch);
                }

                CompleteAll();
                progress!.Complete();
            }
            else
            {
                ReportQueueFailures();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Accept(Measurement measurement, object? input)
        {
            var now = EpochTime.Now();
            measurement.Time ??= now;
            if (aggregation != null)
            {
                if (!aggregation.Add(measurement))
                {
                    Reject(new InputProblem(ErrorIds.InvalidInputObject, $"'{measurement.Name}' has no single value to aggregate."), input);
                }

                return;
            }

            Deliver(measurement, input ?? measurement, now);
        }

        [MethodImpl(HotPath.Optimized)]
        private void Deliver(Measurement measurement, object target, long now)
        {
            var invalid = validator!.Validate(measurement, now);
            if (invalid != null)
            {
                WriteError(new ErrorRecord(new ArgumentException(invalid.Message), ErrorIds.ForValidation(invalid.Code), ErrorCategory.InvalidData, target));
                return;
            }

            if (Queue != null)
            {
                if (whatIf && !ShouldProcess(measurement.ToString(), "Add to the queue"))
                {
                    return;
                }

                Queue.Core.Enqueue(measurement);
                ReportQueueFailures();
                if (PassThru)
                {
                    WriteObject(measurement);
                }

                return;
            }

            IReadOnlyList<Measurement>? full;
            lock (gate)
            {
                if (stopped)
                {
                    // Read while Ctrl+C was being handled, after the waiting batches were kept: keep this one too.
                    ActiveSession.KeepUnsent(new[] { measurement });
                    return;
                }

                full = batcher!.Add(measurement);
            }

            if (full != null)
            {
                Send(full);
            }
        }

        private void Reject(InputProblem problem, object? input) =>
            WriteError(new ErrorRecord(new ArgumentException(problem.Message), problem.ErrorId, ErrorCategory.InvalidData, input));

        private void ReportQueueFailures()
        {
            foreach (var failure in Queue!.Core.TakeUnreportedFailures())
            {
                WriteError(QueueErrors.ForFailedBatch(failure));
            }

            // An automatic submission stopped by a transient failure keeps its measurements queued; say so once.
            var last = Queue.LastSubmit;
            if (last?.StoppedBy != null && !ReferenceEquals(last, reportedSubmit))
            {
                reportedSubmit = last;
                WriteWarning($"The queue's automatic submission stopped ({last.StoppedBy.Message}); {last.Pending} measurement(s) stay queued for the next submission.");
            }
        }

        /// <summary>
        /// Starts sending a batch while the pipeline goes on producing the next one. At most -ThrottleLimit batches
        /// are in flight; the oldest is finished (and its outcome reported, in order) before another starts. A batch
        /// sharing a point with one in flight is sent only after it (see <see cref="OrderedSubmissions"/>).
        /// </summary>
        private void Send(IReadOnlyList<Measurement> batch)
        {
            if (!ShouldProcess(Describe(batch), "Send"))
            {
                return;
            }

            try
            {
                while (true)
                {
                    (IReadOnlyList<Measurement> Batch, Task<SubmitResult> Task) oldest;
                    lock (gate)
                    {
                        if (inFlight.Count < ThrottleLimit)
                        {
                            // Serializing and compressing run on the thread pool too, not on the pipeline's thread.
                            var client = Client;
                            var cancellation = Cancellation;
                            inFlight.Enqueue((batch, submissions.Start(batch, () => client.SubmitAsync(batch, Trace, cancellation), cancellation)));
                            return;
                        }

                        oldest = inFlight.Dequeue();
                    }

                    Complete(oldest.Batch, oldest.Task);
                }
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C while waiting for room: this batch never started.
                ActiveSession.KeepUnsent(batch);
                throw;
            }
        }

        /// <summary>Waits for every batch still in flight, reporting each outcome.</summary>
        private void CompleteAll()
        {
            while (true)
            {
                (IReadOnlyList<Measurement> Batch, Task<SubmitResult> Task) oldest;
                lock (gate)
                {
                    if (inFlight.Count == 0)
                    {
                        return;
                    }

                    oldest = inFlight.Dequeue();
                }

                Complete(oldest.Batch, oldest.Task);
            }
        }

        private void Complete(IReadOnlyList<Measurement> batch, Task<SubmitResult> sending)
        {
            SubmitResult result;
            try
            {
                result = Await(_ => sending);
            }
            catch (LibratoApiException ex) when (ex.IsTransient && ActiveSession.Outbox != null)
            {
                var file = ActiveSession.Outbox.Write(batch, ex.Message);
                WriteWarning($"{batch.Count} measurement(s) could not be sent ({ex.Message}); they wait in the outbox as '{file}' for the next run.");
                return;
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, batch.ToArray(), ErrorIds.SubmitFailed));
                return;
            }
            catch (PipelineStoppedException)
            {
                // The batch in flight when Ctrl+C came: the API may or may not have it; sending it again is harmless
                // because each measurement carries its time.
                ActiveSession.KeepUnsent(batch);
                throw;
            }

            sent += result.Accepted;
            progress!.Report(sent);
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
            var route = batch[0].IsTagged ? "tagged" : "legacy";
            var of = describeBatches ? " of " + MetricNames(batch) : string.Empty;
            return $"{batch.Count} {route} measurement(s){of} at {ActiveSession.Endpoint}";
        }

        private static string MetricNames(IReadOnlyList<Measurement> batch)
        {
            // A loop rather than a query over 300 names.
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var shown = new List<string>(3);
            foreach (var m in batch)
            {
                if (names.Add(m.Name) && shown.Count < 3)
                {
                    shown.Add(m.Name);
                }
            }

            var more = names.Count > 3 ? $" and {names.Count - 3} more metrics" : string.Empty;
            return string.Join(", ", shown) + more;
        }
    }
}
