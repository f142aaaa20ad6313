using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Tokens;

/// <summary>
/// <c>/v1/api_tokens</c>. Token values are generated here (a value sent by the client is ignored) and work as
/// the password of HTTP Basic authentication for the account, with the token's role, while the token is active.
/// The tokens given on the command line are not part of this resource.
/// </summary>
internal sealed class ApiTokenEndpoints
{
    /// <summary>
    /// <c>GET /v1/api_tokens</c>: paginated <c>api_tokens</c> ordered by name. <c>name</c> is a pattern with '*'
    /// wildcards; without any '*' it matches names that contain it.
    /// </summary>
    public Task ListAsync(HttpContext context) => ListAsync(context, QueryParams.GetString(context.Request.Query, "name"));

    /// <summary><c>POST /v1/api_tokens</c> with <c>name</c> and <c>role</c>: 201 with Location and the token.</summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        string? name = fields.RequiredString("name");
        string? role = ReadRole(fields, required: true);
        bool active = fields.Bool("active").Value ?? true;
        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = Respond.Resources(context);
        ApiToken token;
        lock (resources.Gate)
        {
            long now = Clock.NowSeconds();
            token = new ApiToken(resources.Ids.Next(), name, NewValue(resources), active, role!, now, now);
            resources.ApiTokens.Put(token);
        }

        return Respond.Created(context, "/v1/api_tokens/" + token.Id, writer => ApiTokenJson.Write(writer, context, token));
    }

    /// <summary>
    /// <c>GET /v1/api_tokens/:id</c>: the token. A segment that is not a number is a name pattern, as in
    /// <c>GET /v1/api_tokens/:name</c>, and answers the same list as <c>?name=</c>.
    /// </summary>
    public Task ShowAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            string segment = RouteIds.Text(context, "id");
            return segment.All(char.IsAsciiDigit)
                ? Respond.NotFound(context, ResourceMessages.TokenNotFound)
                : ListAsync(context, segment);
        }

        var resources = Respond.Resources(context);
        ApiToken? token;
        lock (resources.Gate)
        {
            token = resources.ApiTokens.Find(id);
        }

        return token is null
            ? Respond.NotFound(context, ResourceMessages.TokenNotFound)
            : Respond.Ok(context, writer => ApiTokenJson.Write(writer, context, token));
    }

    /// <summary><c>PUT /v1/api_tokens/:id</c>: changes name, active and role as sent; 200 with the token.</summary>
    public Task UpdateAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            return Respond.NotFound(context, ResourceMessages.TokenNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        string? name = fields.Has("name") ? fields.RequiredString("name") : null;
        string? role = ReadRole(fields, required: false);
        var active = fields.Bool("active");
        if (active is { HasValue: true, Value: null })
        {
            fields.Fail("active", ResourceMessages.MustBeBoolean);
        }

        var resources = Respond.Resources(context);
        ApiToken updated;
        lock (resources.Gate)
        {
            var token = resources.ApiTokens.Find(id);
            if (token is null)
            {
                return Respond.NotFound(context, ResourceMessages.TokenNotFound);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            updated = token with
            {
                Name = name ?? token.Name,
                Role = role ?? token.Role,
                Active = active.Value ?? token.Active,
                UpdatedAt = Clock.NowSeconds(),
            };
            resources.ApiTokens.Put(updated);
        }

        return Respond.Ok(context, writer => ApiTokenJson.Write(writer, context, updated));
    }

    /// <summary><c>DELETE /v1/api_tokens/:id</c>: 204; the token stops working at once.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        bool removed = false;
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                removed = resources.ApiTokens.Remove(id);
            }
        }

        return removed ? Respond.NoContent(context) : Respond.NotFound(context, ResourceMessages.TokenNotFound);
    }

    private static Task ListAsync(HttpContext context, string? name)
    {
        var errors = new ParamErrors();
        var page = PageRequest.Read(context.Request.Query, errors, "name");
        if (page is null)
        {
            return Respond.Invalid(context, errors);
        }

        WildcardPattern? pattern = string.IsNullOrEmpty(name) ? null : new WildcardPattern(name.Contains('*') ? name : "*" + name + "*");
        var resources = Respond.Resources(context);
        List<ApiToken> all;
        lock (resources.Gate)
        {
            all = resources.ApiTokens.All();
        }

        int total = all.Count;
        var found = all.FindAll(t => pattern is null || (t.Name is not null && pattern.IsMatch(t.Name)));
        int foundCount = found.Count;
        var items = page.Cut(found, static (a, b) => PageRequest.CompareNames(a.Name, b.Name) is var c && c != 0 ? c : a.Id.CompareTo(b.Id));
        return Respond.Ok(context, writer =>
            page.WriteEnvelope(writer, "api_tokens", foundCount, total, items, (w, token) => ApiTokenJson.Write(w, context, token)));
    }

    private static string? ReadRole(FieldReader fields, bool required)
    {
        if (!required && !fields.Has("role"))
        {
            return null;
        }

        string? role = fields.RequiredString("role");
        if (role is not null && !ApiToken.IsRole(role))
        {
            fields.Fail("role", ErrorMessages.NotInList);
            return null;
        }

        return role;
    }

    /// <summary>64 random hex digits, like the tokens the API hands out. Call while holding the gate.</summary>
    private static string NewValue(AccountResources resources)
    {
        while (true)
        {
            string value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (!resources.ApiTokens.ValueInUse(value))
            {
                return value;
            }
        }
    }
}
