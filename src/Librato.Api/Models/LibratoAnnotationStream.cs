using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>An annotation stream, and its events when a time range was asked for.</summary>
    public sealed class LibratoAnnotationStream
    {
        public string Name { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The events read with the stream, in start-time order; empty when none were asked for.</summary>
        public IList<LibratoAnnotation> Events { get; set; } = new List<LibratoAnnotation>();

        public override string ToString() => Name;
    }
}
