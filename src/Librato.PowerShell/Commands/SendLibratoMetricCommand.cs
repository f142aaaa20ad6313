using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Sends measurements: one from -Name and -Value, or any number from the pipeline. The cmdlet reads its input and
    /// hands each measurement to the sending engine (<see cref="MeasurementSender"/>), which batches, sends, keeps
    /// what it cannot send in the outbox and says what became of each batch; the cmdlet writes that to its streams.
    /// With -Queue measurements are added to a queue instead; with -Aggregate they are summarized first.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "LibratoMetric", HelpUri = HelpLinks.Pages + "Send-LibratoMetric.md", DefaultParameterSetName = InputObjectSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Measurement))]
    public sealed class SendLibratoMetricCommand : LibratoCmdlet, IDisposable
    {
        public const string ValueSet = "Value";
        public const string InputObjectSet = "InputObject";

        // In a list read by the cmdlet itself, measurements are made durable in the outbox this often (and before
        // every batch): a write per item would cost as much as the rest of the send.
        private const int CommitEvery = 256;

        private MeasurementSender? sender;
        private SendReport? report;
        private MeasurementReader? reader;
        private MeasurementValidator? validator;
        private PipelineAggregation? aggregation;
        private QueueSubmitResult? reportedSubmit;
        private ProgressReporter? progress;

        // Only while ShouldProcess can show or ask about batches (-WhatIf, -Confirm, -Verbose): the batches it is asked
        // about are formed here, so that each question names what would go in one request. Locked: Ctrl+C
        // (StopProcessing) takes what it holds from another thread.
        private MeasurementBatcher? approval;

        // Made once: a new delegate per pipeline object is a measurable share of a million-object send.
        private Action<Measurement>? acceptInput;
        private Action<InputProblem, object?>? reject;

        // The pipeline item being read (the error target of its measurements), and whether the rest of the
        // pipeline's input has been taken over.
        private object? current;
        private bool inputOpened;
        private bool whatIf;
        private bool ended;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ValueSet)]
        [Parameter(Position = 0, ParameterSetName = InputObjectSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string? Name { get; set; }

        /// <summary>
        /// Read as a piped value is (invariant culture, no thousands separators) and refused the same way, with
        /// Librato.InvalidValue or Librato.MissingValue: PowerShell's own conversion would read "1,5" as 15 and $null as 0.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ValueSet)]
        [AllowNull]
        public object? Value { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateSet("gauge", "counter", IgnoreCase = true)]
        public string Type { get; set; } = "gauge";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter]
        [ValidateNotNull]
        [TagTable(OneValueEach = true)]
        [ArgumentCompleter(typeof(TagCompleter))]
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
        public int ThrottleLimit { get; set; } = SenderOptions.DefaultThrottleLimit;

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
            ThrowIfTagsInvalid(Tags, nameof(Tags));
            InputConversion.TryTags(Tags, out var tags);
            var levels = Queue == null
                ? new[] { tags, session.DefaultTagLevel }
                : new[] { tags, Queue.Tags, session.DefaultTagLevel };
            // Measurements the API accepted are read into again (see MeasurementPool). SendReport decides which come
            // back (none with -PassThru, which writes them out); a queue keeps its measurements and has no report.
            var pool = new MeasurementPool();
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
            }, pool);
            validator = Client.Options.Validator;
            whatIf = IsWhatIf();
            acceptInput = m => Accept(m, current);
            reject = Reject;
            progress = new ProgressReporter(this, ProgressIds.Send, "Sending measurements to Librato", "measurements sent");
            if (Aggregate)
            {
                aggregation = new PipelineAggregation(Period);
            }

            if (Queue != null)
            {
                return;
            }

            if (whatIf || ShowsShouldProcessTarget(ConfirmImpact.Low))
            {
                approval = new MeasurementBatcher(BatchSize);
            }

            if (whatIf)
            {
                return;
            }

            sender = session.CreateSender(BatchSize, ThrottleLimit, Trace, Cancellation);
            report = new SendReport(this, session, PassThru, pool);

            // A scheduled task's earlier runs may have left measurements in the outbox: they go first, oldest first.
            if (session.Outbox != null)
            {
                DeliverOutbox(session);
            }
        }

        protected override void StopProcessing()
        {
            // Ctrl+C: what was read and not delivered must not vanish. With an outbox it is there already. The engine
            // is stopped first, so that it hands back its batches before their requests are cancelled.
            var stopped = sender?.Stop();
            base.StopProcessing();
            if (Queue != null || whatIf)
            {
                return;
            }

            // What the engine held is in the outbox when there is one; without one, only here.
            if (stopped != null && sender!.OutboxDirectory == null)
            {
                ActiveSession.KeepUnsent(stopped);
            }

            // Summaries and batches waiting for approval never reached the engine: nothing else holds them.
            var neverHanded = new List<Measurement>();
            var summaries = Interlocked.Exchange(ref aggregation, null);
            if (summaries != null)
            {
                neverHanded.AddRange(summaries.Measurements(EpochTime.Now()));
            }

            foreach (var batch in TakeAwaitingApproval())
            {
                neverHanded.AddRange(batch);
            }

            ActiveSession.KeepUnsent(neverHanded);

            // The pipeline is stopping, so the warning stream is closed; the host still shows a line. Without it the
            // prompt comes back silent while measurements wait in the outbox or in Unsent.
            var left = (stopped?.Count ?? 0) + neverHanded.Count;
            if (left > 0)
            {
                var where = sender?.OutboxDirectory is string outbox && neverHanded.Count == 0
                    ? $"they wait in the outbox '{outbox}' for the next send or Send-LibratoOutbox"
                    : "they are kept in (Get-LibratoSession).Unsent; send them with (Get-LibratoSession).Unsent | Send-LibratoMetric";
                try
                {
                    Host.UI.WriteWarningLine($"Stopped with {left:N0} measurement(s) not sent: {where}.");
                }
                catch (Exception)
                {
                    // Best effort on the stopping thread: a host without a UI (a runspace in a service) may throw
                    // anything here, and Unsent or the outbox holds the measurements whether or not the line shows.
                }
            }
        }

        /// <summary>The batches still waiting for approval, taken out (none without -WhatIf, -Confirm or -Verbose).</summary>
        private List<IReadOnlyList<Measurement>> TakeAwaitingApproval()
        {
            if (approval == null)
            {
                return new List<IReadOnlyList<Measurement>>();
            }

            lock (approval)
            {
                return approval.Drain().ToList();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ValueSet)
            {
                // Blank text is no value at all, as it is in a piped object's Value.
                var raw = InputConversion.Unwrap(Value);
                if (InputConversion.ValueProblem(raw, out var number) is InputProblem refused)
                {
                    Reject(refused, raw);
                }
                else
                {
                    reader!.ReadAll(number, m => Accept(m, null), (problem, _) => Reject(problem, null));
                }

                Handed();
                return;
            }

            Take(InputObject);
            Handed();
            if (inputOpened)
            {
                return;
            }

            // $rows | Send-LibratoMetric: read the rest of the list here rather than through one parameter binding
            // and one ProcessRecord per item.
            inputOpened = true;
            var rest = PipelineInput.TryOpen(this);
            var read = 0;
            while (rest != null && rest.TryTake(out var item))
            {
                Take(item);
                if (++read % CommitEvery == 0)
                {
                    Handed();
                }

                if (Stopping)
                {
                    throw new PipelineStoppedException();
                }
            }

            Handed();
        }

        [MethodImpl(HotPath.Optimized)]
        private void Take(object? input)
        {
            if ((input is PSObject pso ? pso.BaseObject : input) is IList list && !(list is IDictionary))
            {
                // -InputObject @(...) arrives whole; treat it like the same items piped one by one, counted one by one.
                foreach (var item in list)
                {
                    TakeOne(item);
                }

                return;
            }

            TakeOne(input);
        }

        [MethodImpl(HotPath.Optimized)]
        private void TakeOne(object? input)
        {
            current = input;
            inputNumber++;
            reader!.ReadAll(input, acceptInput!, reject!);
        }

        protected override void EndProcessing()
        {
            var summaries = Interlocked.Exchange(ref aggregation, null);
            if (summaries != null)
            {
                var now = EpochTime.Now();
                foreach (var summary in summaries.Measurements(Time.HasValue ? EpochTime.FromDateTime(Time.Value) : now))
                {
                    Deliver(summary, summary, now);
                }

                Handed();
            }

            if (Queue != null)
            {
                ReportQueueFailures();
                return;
            }

            foreach (var batch in TakeAwaitingApproval())
            {
                Approve(batch);
            }

            if (sender == null)
            {
                return;
            }

            Engine(() => sender.Flush());
            WaitForAll();
            Close();
            progress!.Complete();
        }

        /// <summary>The cmdlet's end, however it ends: the engine's outbox files are released.</summary>
        public void Dispose() => sender?.Close();

        /// <summary>
        /// The input read so far is handed over for good: durable in the outbox (no stop of the process loses it), and
        /// what the engine has to say about earlier batches is written.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private void Handed()
        {
            if (sender == null)
            {
                return;
            }

            sender.Commit();
            if (sender.HasOutcome)
            {
                Report();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void Accept(Measurement measurement, object? input)
        {
            var now = EpochTime.Now();
            measurement.Time ??= now;
            var summaries = aggregation;
            if (summaries != null)
            {
                if (!summaries.Add(measurement))
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
                var which = ReferenceEquals(target, current) ? WhichInput(target) : string.Empty;
                WriteError(new ErrorRecord(new ArgumentException(which + RefusalText.WithFix(invalid)), ErrorIds.ForValidation(invalid.Code), ErrorCategory.InvalidData, target));
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

            if (approval != null)
            {
                IReadOnlyList<Measurement>? full;
                lock (approval)
                {
                    full = approval.Add(measurement);
                }

                if (full != null)
                {
                    Approve(full);
                }

                return;
            }

            Hand(measurement);
        }

        /// <summary>Asks ShouldProcess about one batch (-WhatIf only describes it); an approved batch goes to the engine.</summary>
        private void Approve(IReadOnlyList<Measurement> batch)
        {
            if (!ShouldProcess(Describe(batch), "Send") || sender == null)
            {
                return;
            }

            foreach (var m in batch)
            {
                Hand(m);
            }

            Handed();
        }

        /// <summary>Hands a measurement to the engine; one it did not take, because Ctrl+C stopped it, is kept in the session.</summary>
        [MethodImpl(HotPath.Optimized)]
        private void Hand(Measurement measurement)
        {
            bool taken;
            try
            {
                taken = sender!.Add(measurement);
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }

            if (!taken)
            {
                if (sender!.OutboxDirectory == null)
                {
                    ActiveSession.KeepUnsent(new[] { measurement });
                }

                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs an engine call that may wait for room on this thread; Ctrl+C while it waits stops the pipeline.</summary>
        private void Engine(Action call)
        {
            try
            {
                call();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
        }

        private void DeliverOutbox(LibratoSession session)
        {
            var delivered = new ProgressReporter(this, ProgressIds.DeliverOutbox, "Sending the Librato outbox", "measurements sent from the outbox");
            var delivery = Await(
                ct => Task.Run(() => sender!.DeliverOutbox(validator!, ct), ct),
                () =>
                {
                    report!.Drain(sender!);
                    delivered.Report(sender!.DeliveredFromOutbox);
                });
            delivered.Complete();
            report!.Drain(sender!);
            if (delivery.StoppedBy != null)
            {
                if (ApiErrors.EndsCommand(delivery.StoppedBy))
                {
                    ThrowTerminatingError(ApiErrors.ToRecord(delivery.StoppedBy, null));
                }

                WriteWarning($"The outbox could not be delivered yet ({delivery.StoppedBy.Message}); {delivery.Remaining} file(s) wait in '{delivery.Directory}'.");
            }

            EndIfFatal();
        }

        /// <summary>Waits for every batch on its way, writing each outcome as it comes, and progress and verbose lines meanwhile.</summary>
        private void WaitForAll()
        {
            while (true)
            {
                Report();
                if (sender!.Dispatched == 0)
                {
                    break;
                }

                try
                {
                    sender.WaitForOutcome(TimeSpan.FromMilliseconds(250), Cancellation);
                }
                catch (OperationCanceledException) when (Stopping)
                {
                    throw new PipelineStoppedException();
                }

                FlushTrace();
            }

            FlushTrace();
            EndRetryProgress();
        }

        private void Report()
        {
            report!.Drain(sender!);
            progress!.Report(report.Sent);
            FlushTrace();
            EndIfFatal();
        }

        /// <summary>A certificate or proxy failure fails every request alike: the command ends, keeping what it holds.</summary>
        private void EndIfFatal()
        {
            var ending = report?.Ending ?? sender?.StoppedBy;
            if (ending == null || !ApiErrors.EndsCommand(ending) || ended)
            {
                return;
            }

            ended = true;
            var left = sender!.Stop();
            if (sender.OutboxDirectory == null)
            {
                ActiveSession.KeepUnsent(left);
            }

            report!.Drain(sender);
            Close();
            var where = sender.OutboxDirectory == null ? "in the session's Unsent list" : $"in the outbox '{sender.OutboxDirectory}'";
            var record = ApiErrors.ToRecord(ending, null);
            record.ErrorDetails = new ErrorDetails($"{ending.Message}. Nothing more was sent; the {left.Count + report.EndingKept} measurement(s) not sent are kept {where}.");
            ThrowTerminatingError(record);
        }

        private void Close()
        {
            var kept = sender!.Close();
            report!.Drain(sender);
            if (kept > 0)
            {
                WriteVerbose($"{kept} measurement(s) wait in the outbox '{sender.OutboxDirectory}' for the next run.");
            }
        }

        private void Reject(InputProblem problem, object? input) =>
            WriteError(new ErrorRecord(new ArgumentException(WhichInput(input) + problem.Message), problem.ErrorId, ErrorCategory.InvalidData, input));

        // Which piped object a problem is about, as a user finds it again: its place in the input (the row of a CSV
        // read by Import-Csv) and the metric and source it names, when it names them.
        private string WhichInput(object? input)
        {
            if (ParameterSetName == ValueSet || input == null)
            {
                return string.Empty;
            }

            string? Property(string name)
            {
                var value = input is PSObject pso ? pso.Properties[name]?.Value : null;
                value = input is System.Collections.IDictionary dictionary && dictionary.Contains(name) ? dictionary[name] : value;
                var text = InputConversion.Text(value);
                return string.IsNullOrEmpty(text) ? null : text;
            }

            var name = Property("Name");
            var source = Property("Source");
            var what = name == null ? string.Empty : $" (metric '{name}'" + (source == null ? ")" : $", source '{source}')");
            return $"Input {inputNumber:N0}{what}: ";
        }

        private long inputNumber;

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

        private string Describe(IReadOnlyList<Measurement> batch)
        {
            var route = batch[0].IsTagged ? "tagged" : "legacy";
            return $"{batch.Count} {route} measurement(s) of {MetricNames(batch)} at {ActiveSession.Endpoint}";
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
