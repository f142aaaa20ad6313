using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Submits one batch and finds out what became of each of its measurements. A batch too large for the server
    /// (413) is split in halves, down to single measurements. A batch refused as a whole (400) for what may be one
    /// measurement's fault is narrowed: the measurements of metrics its errors name are sent apart from the others,
    /// and what still fails is bisected, so that only the measurements at fault are refused and the rest are stored.
    /// </summary>
    internal sealed class BatchSubmission
    {
        private const byte Waiting = 0;
        private const byte Accepted = 1;
        private const byte Refused = 2;

        private readonly LibratoClient client;
        private readonly IReadOnlyList<Measurement> batch;
        private readonly SendBudget budget;
        private readonly IRequestTrace? trace;
        private readonly byte[] states;
        private readonly MeasurementRefusal?[] refusals;
        private LibratoApiException? failure;
        private string? notAttempted;
        private bool attempted;

        private BatchSubmission(LibratoClient client, IReadOnlyList<Measurement> batch, SendBudget budget, IRequestTrace? trace)
        {
            this.client = client;
            this.batch = batch;
            this.budget = budget;
            this.trace = trace;
            states = new byte[batch.Count];
            refusals = new MeasurementRefusal?[batch.Count];
        }

        /// <summary>Submits <paramref name="batch"/> (one route's measurements) and returns the outcome of each of them.</summary>
        public static async Task<BatchOutcome> RunAsync(
            LibratoClient client, IReadOnlyList<Measurement> batch, SendBudget budget, IRequestTrace? trace, CancellationToken cancellationToken)
        {
            var all = Positions.UpTo(batch.Count);
            if (budget.MayAttempt(out _))
            {
                // The usual case, one request that takes the whole batch, allocates nothing per measurement: a send of a
                // million makes little garbage, and garbage is dear beside the caller's million live objects.
                SubmitResult result;
                try
                {
                    result = await client.SubmitAsync(batch, trace, budget.Policy(), cancellationToken).ConfigureAwait(false);
                }
                catch (LibratoApiException ex)
                {
                    var failed = new BatchSubmission(client, batch, budget, trace) { attempted = true };
                    await failed.HandleAsync(all, batch, ex, cancellationToken).ConfigureAwait(false);
                    return failed.Outcome();
                }

                if (result.Rejected.Count == 0)
                {
                    budget.Succeeded();
                    return new BatchOutcome(batch, batch, Array.Empty<MeasurementRefusal>(), Array.Empty<Measurement>(), null, true) { Resolved = all };
                }

                var partial = new BatchSubmission(client, batch, budget, trace) { attempted = true };
                partial.Accept(all, result);
                return partial.Outcome();
            }

            var skipped = new BatchSubmission(client, batch, budget, trace);
            await skipped.SubmitAsync(all, cancellationToken).ConfigureAwait(false);
            return skipped.Outcome();
        }

        private async Task SubmitAsync(int[] indexes, CancellationToken cancellationToken)
        {
            if (!budget.MayAttempt(out var reason))
            {
                failure ??= reason;
                notAttempted ??= budget.Describe(reason!);
                return;
            }

            var items = Items(indexes);
            attempted = true;
            SubmitResult result;
            try
            {
                result = await client.SubmitAsync(items, trace, budget.Policy(), cancellationToken).ConfigureAwait(false);
            }
            catch (LibratoApiException ex)
            {
                await HandleAsync(indexes, items, ex, cancellationToken).ConfigureAwait(false);
                return;
            }

            Accept(indexes, result);
        }

        /// <summary>The API took the request: everything in it is accepted but what it refused by position.</summary>
        private void Accept(int[] indexes, SubmitResult result)
        {
            budget.Succeeded();
            foreach (var i in indexes)
            {
                states[i] = Accepted;
            }

            foreach (var r in result.Rejected)
            {
                var index = indexes[r.Index];
                states[index] = Refused;
                refusals[index] = new MeasurementRefusal(batch[index], r.Reason, null);
            }
        }

        /// <summary>A request that failed: split, narrow, refuse, or leave unsent, by the cause.</summary>
        private async Task HandleAsync(int[] indexes, IReadOnlyList<Measurement> items, LibratoApiException ex, CancellationToken cancellationToken)
        {
            if (ex.Kind == LibratoErrorKind.PayloadTooLarge)
            {
                budget.Succeeded();
                if (indexes.Length == 1)
                {
                    Refuse(indexes, ex);
                    return;
                }

                trace?.Write($"The server found {indexes.Length} measurements too large for one request (413); sending them in halves");
                await SplitAsync(indexes, cancellationToken).ConfigureAwait(false);
            }
            else if (ex.Kind == LibratoErrorKind.InvalidRequest && ex.StatusCode == 400)
            {
                // The server is well and answered: the fault is in the data, and maybe in one measurement only.
                budget.Succeeded();
                await NarrowAsync(indexes, items, ex, cancellationToken).ConfigureAwait(false);
            }
            else if (ex.IsTransient || ex.IsSessionProblem || ex.Kind == LibratoErrorKind.NotFound)
            {
                // Not the data's fault (a 404 to a submission means the endpoint is wrong): kept or reported whole.
                budget.Failed(ex, stop: ex.Kind == LibratoErrorKind.NotFound);
                failure ??= ex;
            }
            else
            {
                budget.Succeeded();
                Refuse(indexes, ex);
            }
        }

        private async Task NarrowAsync(int[] indexes, IReadOnlyList<Measurement> items, LibratoApiException ex, CancellationToken cancellationToken)
        {
            if (indexes.Length == 1)
            {
                Refuse(indexes, ex);
                return;
            }

            var named = NamedIn(ex, items);
            if (named.Count > 0 && named.Count < items.Count)
            {
                trace?.Write($"The API refused {items.Count} measurements naming {named.Count} of them; sending the others apart");
                var suspects = new List<int>(named.Count);
                var others = new List<int>(indexes.Length - named.Count);
                for (var j = 0; j < indexes.Length; j++)
                {
                    (named.Contains(j) ? suspects : others).Add(indexes[j]);
                }

                await SubmitAsync(others.ToArray(), cancellationToken).ConfigureAwait(false);
                await SubmitAsync(suspects.ToArray(), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (named.Count == items.Count && IsOneSeriesKind(items))
            {
                // Measurements of one metric and type refused by an error naming that metric (a gauge sent to a counter,
                // say) all share the one fault: bisecting them would cost a request per measurement to learn nothing.
                Refuse(indexes, ex);
                return;
            }

            trace?.Write($"The API refused {items.Count} measurements; sending them in halves to find the ones it refuses");
            await SplitAsync(indexes, cancellationToken).ConfigureAwait(false);
        }

        private async Task SplitAsync(int[] indexes, CancellationToken cancellationToken)
        {
            var half = indexes.Length / 2;
            var first = new int[half];
            var second = new int[indexes.Length - half];
            Array.Copy(indexes, first, half);
            Array.Copy(indexes, half, second, 0, second.Length);
            await SubmitAsync(first, cancellationToken).ConfigureAwait(false);
            await SubmitAsync(second, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The positions (in <paramref name="items"/>) of the measurements whose metric an error names in quotes.</summary>
        private static HashSet<int> NamedIn(LibratoApiException ex, IReadOnlyList<Measurement> items)
        {
            var named = new HashSet<int>();
            var seen = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < items.Count; j++)
            {
                var name = items[j].Name;
                if (!seen.TryGetValue(name, out var isNamed))
                {
                    isNamed = false;
                    foreach (var text in ex.ApiErrors)
                    {
                        if (text.IndexOf("'" + name + "'", StringComparison.OrdinalIgnoreCase) >= 0 ||
                            text.IndexOf("\"" + name + "\"", StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            isNamed = true;
                            break;
                        }
                    }

                    seen[name] = isNamed;
                }

                if (isNamed)
                {
                    named.Add(j);
                }
            }

            return named;
        }

        private static bool IsOneSeriesKind(IReadOnlyList<Measurement> items)
        {
            for (var j = 1; j < items.Count; j++)
            {
                if (!string.Equals(items[j].Name, items[0].Name, StringComparison.OrdinalIgnoreCase) || items[j].Type != items[0].Type)
                {
                    return false;
                }
            }

            return true;
        }

        private IReadOnlyList<Measurement> Items(int[] indexes)
        {
            if (indexes.Length == batch.Count)
            {
                return batch;
            }

            var items = new Measurement[indexes.Length];
            for (var j = 0; j < indexes.Length; j++)
            {
                items[j] = batch[indexes[j]];
            }

            return items;
        }

        private void Refuse(int[] indexes, LibratoApiException ex)
        {
            var reason = ex.ApiErrors.Count > 0 ? string.Join("; ", ex.ApiErrors) : ex.Message;
            foreach (var i in indexes)
            {
                states[i] = Refused;
                refusals[i] = new MeasurementRefusal(batch[i], reason, ex);
            }
        }

        private BatchOutcome Outcome()
        {
            var accepted = new List<Measurement>(batch.Count);
            var refused = new List<MeasurementRefusal>();
            var unsent = new List<Measurement>();
            var resolved = new List<int>(batch.Count);
            for (var i = 0; i < states.Length; i++)
            {
                switch (states[i])
                {
                    case Accepted:
                        accepted.Add(batch[i]);
                        resolved.Add(i);
                        break;
                    case Refused:
                        refused.Add(refusals[i]!);
                        resolved.Add(i);
                        break;
                    default:
                        unsent.Add(batch[i]);
                        break;
                }
            }

            return new BatchOutcome(batch, accepted, refused, unsent, unsent.Count == 0 ? null : failure, attempted)
            {
                NotAttemptedReason = unsent.Count > 0 && !attempted ? notAttempted : null,
                Resolved = resolved,
            };
        }
    }
}
