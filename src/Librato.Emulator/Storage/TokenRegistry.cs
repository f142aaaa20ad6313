using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Librato.Emulator.Storage;

/// <summary>
/// The tokens one account accepts: those configured at start, and any added while it runs. Authentication and
/// the role check look tokens up here, so a token added at run time works at once.
/// </summary>
internal sealed class TokenRegistry
{
    private readonly object gate = new();
    private readonly List<ApiTokenEntry> entries = new();
    private int lastId;

    public TokenRegistry(IEnumerable<EmulatorToken> configured)
    {
        Restore(configured);
    }

    /// <summary>Adds a token; throws when the account already has one with the same value.</summary>
    public ApiTokenEntry Add(string token, EmulatorTokenRole role, bool active, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        lock (gate)
        {
            if (FindLocked(token) is not null)
            {
                throw new InvalidOperationException("The account already has this token.");
            }

            var entry = new ApiTokenEntry(++lastId, token, role, active, name);
            entries.Add(entry);
            return entry;
        }
    }

    /// <summary>The entry whose token equals <paramref name="token"/>, or null.</summary>
    public ApiTokenEntry? Find(string token)
    {
        lock (gate)
        {
            return FindLocked(token);
        }
    }

    public ApiTokenEntry? FindById(int id)
    {
        lock (gate)
        {
            foreach (var entry in entries)
            {
                if (entry.Id == id)
                {
                    return entry;
                }
            }

            return null;
        }
    }

    public bool Remove(string token)
    {
        lock (gate)
        {
            var entry = FindLocked(token);
            return entry is not null && entries.Remove(entry);
        }
    }

    /// <summary>The entries in the order they were added.</summary>
    public List<ApiTokenEntry> Snapshot()
    {
        lock (gate)
        {
            return new List<ApiTokenEntry>(entries);
        }
    }

    /// <summary>Drops every token added at run time and restores the configured ones as they were configured.</summary>
    public void Restore(IEnumerable<EmulatorToken> configured)
    {
        lock (gate)
        {
            entries.Clear();
            lastId = 0;
            foreach (var token in configured)
            {
                entries.Add(new ApiTokenEntry(++lastId, token.Token, token.Role, token.Active, token.Name));
            }
        }
    }

    private ApiTokenEntry? FindLocked(string token)
    {
        // Comparing as bytes in fixed time costs nothing here and keeps the emulator from teaching bad habits.
        byte[] candidate = Encoding.UTF8.GetBytes(token);
        ApiTokenEntry? found = null;
        foreach (var entry in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(entry.TokenBytes, candidate))
            {
                found = entry;
            }
        }

        return found;
    }
}
