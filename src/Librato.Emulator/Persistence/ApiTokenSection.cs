using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// Saves the tokens created through <c>/v1/api_tokens</c>, values included, so they keep authenticating after a
/// restart. Configured tokens come from the options of each run and are not saved.
/// </summary>
internal sealed class ApiTokenSection : ResourceSection<List<SavedApiToken>>
{
    public ApiTokenSection(AccountStore account)
        : base("api_tokens", account, ResourceJsonContext.Default.ListSavedApiToken)
    {
    }

    protected override List<SavedApiToken> Collect()
    {
        var result = new List<SavedApiToken>();
        foreach (var token in Account.Tokens.Created())
        {
            result.Add(new SavedApiToken(token.Id, token.Name, token.Token, token.Role.ToApiName(), token.Active, token.CreatedAt, token.UpdatedAt));
        }

        return result;
    }

    protected override long Restore(List<SavedApiToken> saved)
    {
        long highest = 0;
        foreach (var token in saved)
        {
            if (!TokenRoleNames.TryParse(token.Role, out var role))
            {
                throw new FormatException($"'{Name}': the token {token.Id} has the unknown role '{token.Role}'.");
            }

            if (token.Id <= 0 || token.Token.Length == 0)
            {
                throw new FormatException($"'{Name}': the token {token.Id} needs a positive id and a value.");
            }

            Account.Tokens.AddSaved(ApiTokenEntry.Created(token.Id, token.Token, role, token.Active, token.Name, token.CreatedAt, token.UpdatedAt));
            highest = Math.Max(highest, token.Id);
        }

        return highest;
    }
}
