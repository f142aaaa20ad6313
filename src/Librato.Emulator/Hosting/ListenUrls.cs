using System;
using System.Collections.Generic;
using System.Net;

namespace Librato.Emulator.Hosting;

/// <summary>Splits and inspects the Kestrel URL list (<c>http://host:port</c>, ';'-separated).</summary>
internal static class ListenUrls
{
    public static List<string> Split(string urls)
    {
        var result = new List<string>();
        foreach (string part in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result.Add(part);
        }

        return result;
    }

    /// <summary>The URL list with every URL's scheme replaced.</summary>
    public static string WithScheme(string urls, string scheme)
    {
        var result = new List<string>();
        foreach (string url in Split(urls))
        {
            int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            result.Add(schemeEnd < 0 ? url : scheme + url.Substring(schemeEnd));
        }

        return string.Join(";", result);
    }

    /// <summary>Null when the URL is usable, otherwise why not.</summary>
    public static string? Problem(string url, bool allowRemote, bool usesTls = false)
    {
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return $"'{url}' is not a URL of the form http://host:port or https://host:port";
        }

        string scheme = url.Substring(0, schemeEnd);
        if (!string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) && !string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' uses {scheme}; the emulator serves http, or https with --https or --certificate";
        }

        if (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) && !usesTls)
        {
            return $"'{url}' asks for https; give --https (a certificate made at start) or --certificate PATH";
        }

        string authority = url.Substring(schemeEnd + 3);
        int slash = authority.IndexOf('/');
        if (slash >= 0)
        {
            authority = authority.Substring(0, slash);
        }

        if (!TrySplitAuthority(authority, out string host, out string? port))
        {
            return $"'{url}' is not a URL of the form http://host:port or https://host:port";
        }

        if (port is not null && (!int.TryParse(port, out int number) || number < 0 || number > 65535))
        {
            return $"'{url}' has an invalid port";
        }

        if (!allowRemote && !IsLoopback(host))
        {
            return $"Refusing to listen on '{url}': '{host}' is not a loopback address. " +
                   "Use 127.0.0.1, [::1] or localhost, or pass --allow-remote to expose the emulator to the network.";
        }

        return null;
    }

    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string bare = host.StartsWith('[') && host.EndsWith(']') ? host.Substring(1, host.Length - 2) : host;
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    private static bool TrySplitAuthority(string authority, out string host, out string? port)
    {
        port = null;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            if (close < 0)
            {
                host = authority;
                return false;
            }

            host = authority.Substring(0, close + 1);
            string rest = authority.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest.Substring(1);
            }

            return true;
        }

        int colon = authority.LastIndexOf(':');
        host = colon < 0 ? authority : authority.Substring(0, colon);
        port = colon < 0 ? null : authority.Substring(colon + 1);
        return host.Length > 0;
    }
}
