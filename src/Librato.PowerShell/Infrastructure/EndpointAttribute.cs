using System;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Checks -Endpoint while the parameters are bound, before PowerShell prompts for a missing token: an address typed
    /// without its scheme (<c>127.0.0.1:37723</c>, <c>metrics.example.com</c>) is refused with the URL to type instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class EndpointAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject pso ? pso.BaseObject : arguments;
            var uri = value as Uri;
            var text = uri?.OriginalString ?? value?.ToString() ?? string.Empty;
            if (uri != null && uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return;
            }

            var host = text.Contains("://") ? text.Substring(text.IndexOf("://", StringComparison.Ordinal) + 3) : text;
            var local = host.StartsWith("127.", StringComparison.Ordinal) || host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) ||
                host.StartsWith("[::1]", StringComparison.Ordinal);
            var suggestion = (local ? "http://" : "https://") + host.TrimEnd('/') + "/";
            throw new ValidationMetadataException(
                $"The endpoint '{text}' is not an http or https URL. Write it with its scheme, such as {suggestion}" +
                (local ? " (plain http is accepted for this machine, as for the emulator)." : "."));
        }
    }
}
