using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Librato.Emulator.Storage;

/// <summary>
/// Every token one account accepts: those configured at start and those created through <c>/v1/api_tokens</c>.
/// It is the only place tokens live, so authentication, the role check, the api_tokens routes and the data file
/// all see the same tokens, and a token created, changed or deleted takes effect with the next request.
/// </summary>
/// <remarks>
/// Authentication looks a token up on every request, so lookups take no lock: the entries are an array that is
/// never changed once published. Changes copy it under a lock and publish the copy.
/// </remarks>
internal sealed class TokenRegistry
{
    // Long enough for any token a person or the API makes; longer ones are encoded on the heap.
    private const int StackBytes = 256;

    private readonly object gate = new();
    private ApiTokenEntry[] entries;

    public TokenRegistry(IEnumerable<EmulatorToken> configured)
    {
        entries = FromConfiguration(configured);
    }

    /// <summary>The entry whose token equals <paramref name="token"/>, active or not; null when there is none.</summary>
    public ApiTokenEntry? Find(string token)
    {
        var current = Volatile.Read(ref entries);
        int length = Encoding.UTF8.GetByteCount(token);
        Span<byte> candidate = length <= StackBytes ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(token, candidate);

        // Every entry is compared in fixed time, the match included: the emulator should not teach bad habits.
        ApiTokenEntry? found = null;
        foreach (var entry in current)
        {
            if (CryptographicOperations.FixedTimeEquals(entry.TokenBytes, candidate))
            {
                found = entry;
            }
        }

        return found;
    }

    /// <summary>The token created through <c>/v1/api_tokens</c> with this id, or null.</summary>
    public ApiTokenEntry? FindCreated(long id)
    {
        foreach (var entry in Volatile.Read(ref entries))
        {
            if (!entry.Configured && entry.Id == id)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Every token, configured ones first, then the created ones in the order they were created.</summary>
    public IReadOnlyList<ApiTokenEntry> Snapshot() => Volatile.Read(ref entries);

    /// <summary>The tokens created through <c>/v1/api_tokens</c>, in the order they were created.</summary>
    public List<ApiTokenEntry> Created()
    {
        var result = new List<ApiTokenEntry>();
        foreach (var entry in Volatile.Read(ref entries))
        {
            if (!entry.Configured)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>Creates a token with a new value of 64 random hex digits, unlike any token the account has.</summary>
    public ApiTokenEntry Create(long id, string? name, EmulatorTokenRole role, bool active, long now)
    {
        lock (gate)
        {
            string value;
            do
            {
                value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            }
            while (Find(value) is not null);

            var entry = ApiTokenEntry.Created(id, value, role, active, name, now, now);
            Publish(Append(entries, entry));
            return entry;
        }
    }

    /// <summary>Adds a created token restored from the data file; refuses a value or id the account already has.</summary>
    public void AddSaved(ApiTokenEntry entry)
    {
        lock (gate)
        {
            if (Find(entry.Token) is not null)
            {
                throw new FormatException($"The API token {entry.Id} has the value of a token the account already has.");
            }

            if (FindCreated(entry.Id) is not null)
            {
                throw new FormatException($"The API token {entry.Id} is saved more than once.");
            }

            Publish(Append(entries, entry));
        }
    }

    /// <summary>Replaces a created token by <paramref name="change"/>'s version of it; null when there is no such token.</summary>
    public ApiTokenEntry? Update(long id, Func<ApiTokenEntry, ApiTokenEntry> change)
    {
        lock (gate)
        {
            int index = IndexOfCreated(id);
            if (index < 0)
            {
                return null;
            }

            var copy = (ApiTokenEntry[])entries.Clone();
            copy[index] = change(copy[index]);
            Publish(copy);
            return copy[index];
        }
    }

    /// <summary>Removes a created token; it stops working with the next request.</summary>
    public bool Remove(long id)
    {
        lock (gate)
        {
            int index = IndexOfCreated(id);
            if (index < 0)
            {
                return false;
            }

            var copy = new ApiTokenEntry[entries.Length - 1];
            Array.Copy(entries, 0, copy, 0, index);
            Array.Copy(entries, index + 1, copy, index, entries.Length - index - 1);
            Publish(copy);
            return true;
        }
    }

    /// <summary>Drops every created token and puts the configured ones back as they were configured.</summary>
    public void Reset(IEnumerable<EmulatorToken> configured)
    {
        lock (gate)
        {
            Publish(FromConfiguration(configured));
        }
    }

    private int IndexOfCreated(long id)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (!entries[i].Configured && entries[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private void Publish(ApiTokenEntry[] next) => Volatile.Write(ref entries, next);

    private static ApiTokenEntry[] Append(ApiTokenEntry[] current, ApiTokenEntry entry)
    {
        var copy = new ApiTokenEntry[current.Length + 1];
        current.CopyTo(copy, 0);
        copy[^1] = entry;
        return copy;
    }

    private static ApiTokenEntry[] FromConfiguration(IEnumerable<EmulatorToken> configured)
    {
        var result = new List<ApiTokenEntry>();
        foreach (var token in configured)
        {
            result.Add(ApiTokenEntry.FromConfiguration(token));
        }

        return result.ToArray();
    }
}
