using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>An alert that breaks the API's rules, refused before any request was sent.</summary>
    public sealed class AlertValidationException : ArgumentException
    {
        public AlertValidationException(IReadOnlyList<ValidationError> errors)
            : base(string.Join(" ", errors.Select(e => e.Message)))
        {
            Errors = errors;
        }

        public IReadOnlyList<ValidationError> Errors { get; }
    }
}
