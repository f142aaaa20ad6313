using System;
using System.Globalization;
using System.Text;

namespace Librato.Api
{
    /// <summary>Builds a query string, skipping unset values and escaping the rest.</summary>
    internal sealed class QueryString
    {
        private readonly StringBuilder text = new StringBuilder();

        public QueryString Add(string name, string? value)
        {
            if (value != null)
            {
                text.Append(text.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(name))
                    .Append('=')
                    .Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public QueryString Add(string name, long? value) =>
            Add(name, value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : null);

        public override string ToString() => text.ToString();
    }
}
