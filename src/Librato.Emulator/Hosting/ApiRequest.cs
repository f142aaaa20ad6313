using System;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Hosting;

/// <summary>
/// What the /v1 pipeline established before a route runs: whose request it is, with which token, and its decoded
/// body (always JSON: a form-encoded body arrives converted).
/// </summary>
internal sealed class ApiRequest
{
    public ApiRequest(AccountStore account, ReadOnlyMemory<byte> body)
    {
        Account = account;
        Body = body;
    }

    public AccountStore Account { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The token the request authenticated with; null only when a request is built outside the pipeline.</summary>
    public ApiTokenEntry? Token { get; init; }
}
