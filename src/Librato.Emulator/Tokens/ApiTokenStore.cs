using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Librato.Emulator.Tokens;

/// <summary>
/// An account's API tokens. Changes happen under <see cref="Resources.AccountResources.Gate"/>; lookups by
/// token value (<see cref="FindByValue"/>) take no lock, because authentication asks on every request.
/// </summary>
internal sealed class ApiTokenStore
{
    private readonly Dictionary<long, ApiToken> tokens = new();
    private readonly ConcurrentDictionary<string, ApiToken> byValue = new(StringComparer.Ordinal);

    public int Count => tokens.Count;

    public ApiToken? Find(long id) => tokens.TryGetValue(id, out var token) ? token : null;

    public ApiToken? FindByValue(string value) => byValue.TryGetValue(value, out var token) ? token : null;

    public bool ValueInUse(string value) => byValue.ContainsKey(value);

    public void Put(ApiToken token)
    {
        if (tokens.TryGetValue(token.Id, out var previous) && previous.Token != token.Token)
        {
            byValue.TryRemove(previous.Token, out _);
        }

        tokens[token.Id] = token;
        byValue[token.Token] = token;
    }

    public bool Remove(long id)
    {
        if (!tokens.Remove(id, out var token))
        {
            return false;
        }

        byValue.TryRemove(token.Token, out _);
        return true;
    }

    public List<ApiToken> All() => new(tokens.Values);

    public void Clear()
    {
        tokens.Clear();
        byValue.Clear();
    }
}
