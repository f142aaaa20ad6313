using System.Collections;
using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>The attributes an alert cmdlet was given: -Attributes plus the -RunbookUrl shorthand.</summary>
    internal static class AlertAttributes
    {
        /// <summary>Null when neither was given.</summary>
        public static Dictionary<string, object?>? From(IDictionary? attributes, string? runbookUrl)
        {
            if (attributes == null && runbookUrl == null)
            {
                return null;
            }

            var result = AttributeConversion.ToDictionary(attributes);
            if (runbookUrl != null)
            {
                result[AlertDefinition.RunbookUrlAttribute] = runbookUrl.Length == 0 ? null : runbookUrl;
            }

            return result;
        }
    }
}
