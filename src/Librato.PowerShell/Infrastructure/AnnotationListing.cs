using System;
using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>What the annotation readers share: walking the stream list and building an event query.</summary>
    internal static class AnnotationListing
    {
        /// <summary>
        /// Every stream whose name matches <paramref name="pattern"/> (a wildcard pattern, case ignored), or every
        /// stream when it is null, page by page as the caller consumes them.
        /// </summary>
        public static IEnumerable<LibratoAnnotationStream> Streams(LibratoCmdlet cmdlet, string? pattern)
        {
            var filter = pattern == null ? null : new WildcardFilter(pattern);
            var offset = 0;
            Page<LibratoAnnotationStream> page;
            do
            {
                var from = offset;
                page = cmdlet.Await(ct => cmdlet.Client.ListAnnotationStreamsAsync(filter?.ServerFilter, from, LibratoClient.MaxPageLength, cmdlet.Trace, ct));
                foreach (var stream in page.Items)
                {
                    if (filter == null || filter.IsMatch(stream.Name))
                    {
                        yield return stream;
                    }
                }

                offset = page.NextOffset;
            }
            while (page.HasMore);
        }

        /// <summary>The event query; without a start time or a count it covers <paramref name="window"/> before the end.</summary>
        public static AnnotationQuery Query(DateTime? start, DateTime? end, int? count, string[]? sources, TimeSpan window)
        {
            var query = new AnnotationQuery
            {
                EndTime = end.HasValue ? EpochTime.FromDateTime(end.Value) : (long?)null,
                Count = count,
            };
            if (start.HasValue)
            {
                query.StartTime = EpochTime.FromDateTime(start.Value);
            }
            else if (!count.HasValue)
            {
                query.StartTime = (query.EndTime ?? EpochTime.Now()) - (long)window.TotalSeconds;
            }

            if (sources != null)
            {
                foreach (var source in sources)
                {
                    query.Sources.Add(source);
                }
            }

            return query;
        }
    }
}
