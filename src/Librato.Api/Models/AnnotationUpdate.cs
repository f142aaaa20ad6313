using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// What to change on an annotation event: the API changes title, description, end time and links (the list
    /// sent replaces the event's links). What is left null is left as it is.
    /// </summary>
    public sealed class AnnotationUpdate
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>Epoch seconds.</summary>
        public long? EndTime { get; set; }

        public IList<LibratoAnnotationLink>? Links { get; set; }

        public bool IsEmpty => Title == null && Description == null && !EndTime.HasValue && Links == null;
    }
}
