namespace Librato.Api
{
    /// <summary>A space (dashboard) of the account.</summary>
    public sealed class LibratoSpace
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        /// <summary>The "tagged space" flag; null when the API did not send it.</summary>
        public bool? Tags { get; set; }

        /// <summary>The ids of the space's charts in creation order; only a space read by id has them, a listing leaves null.</summary>
        public System.Collections.Generic.IList<long>? ChartIds { get; set; }

        public override string ToString() => Name;
    }
}
