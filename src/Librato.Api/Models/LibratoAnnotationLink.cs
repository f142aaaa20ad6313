namespace Librato.Api
{
    /// <summary>A link of an annotation event; <see cref="Rel"/> is unique within the event.</summary>
    public sealed class LibratoAnnotationLink
    {
        public LibratoAnnotationLink()
        {
        }

        public LibratoAnnotationLink(string rel, string href, string? label = null)
        {
            Rel = rel;
            Href = href;
            Label = label;
        }

        public string Rel { get; set; } = string.Empty;

        public string Href { get; set; } = string.Empty;

        public string? Label { get; set; }

        public override string ToString() => Rel + ": " + Href;
    }
}
