using System;

namespace Librato.Api
{
    /// <summary>Where request paths (<c>v1/...</c>) are resolved from, given the endpoint a caller configured.</summary>
    internal static class EndpointPath
    {
        /// <summary>
        /// The endpoint without query or fragment, ending in '/'. The documentation of both services writes the base
        /// URL with its version (<c>https://api.appoptics.com/v1/</c>); a trailing <c>v1</c> segment is dropped so that
        /// such an endpoint does not become <c>/v1/v1/</c>.
        /// </summary>
        public static Uri BaseUri(Uri endpoint)
        {
            var path = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - 3);
            }

            return new Uri(path + "/");
        }
    }
}
