using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>One annotation event of a stream.</summary>
    public sealed class LibratoAnnotation
    {
        /// <summary>The name of the stream the event belongs to.</summary>
        public string Stream { get; set; } = string.Empty;

        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Description { get; set; }

        /// <summary>The event's source; null for events without one (the API lists them as <c>unassigned</c>).</summary>
        public string? Source { get; set; }

        /// <summary>UTC.</summary>
        public DateTime StartTime { get; set; }

        /// <summary>UTC; null while the event has no end.</summary>
        public DateTime? EndTime { get; set; }

        private IList<LibratoAnnotationLink> links = new ItemList<LibratoAnnotationLink>();

        public IList<LibratoAnnotationLink> Links
        {
            get => links;
            set => links = ItemList<LibratoAnnotationLink>.Of(value);
        }

        /// <summary>True while the event has no end.</summary>
        public bool IsOpen => EndTime == null;

        /// <summary><see cref="StartTime"/> on this machine's clock.</summary>
        public DateTime LocalStartTime => StartTime.ToLocalTime();

        /// <summary>How long the event lasted; null while it has no end.</summary>
        public TimeSpan? Duration => EndTime.HasValue ? EndTime.Value - StartTime : (TimeSpan?)null;

        public override string ToString() => Title;
    }
}
