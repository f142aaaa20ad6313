using System;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Hosting;

/// <summary>What the /v1 pipeline established before a route runs: whose request it is and its decoded body.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(AccountStore account, ReadOnlyMemory<byte> body)
    {
        Account = account;
        Body = body;
    }

    public AccountStore Account { get; }

    public ReadOnlyMemory<byte> Body { get; }
}
