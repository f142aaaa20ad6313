using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>An annotation event to create; what is left null is left to the API (start time: now).</summary>
    public sealed class NewAnnotation
    {
        public NewAnnotation(string title)
        {
            Title = title;
        }

        public string Title { get; set; }

        public string? Source { get; set; }

        public string? Description { get; set; }

        /// <summary>Epoch seconds.</summary>
        public long? StartTime { get; set; }

        /// <summary>Epoch seconds.</summary>
        public long? EndTime { get; set; }

        public IList<LibratoAnnotationLink> Links { get; set; } = new List<LibratoAnnotationLink>();
    }
}
