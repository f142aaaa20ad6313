using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Tokens;

/// <summary>
/// <c>/v1/api_tokens</c>. The tokens live in the account's <see cref="TokenRegistry"/>, where authentication
/// looks them up, so a token works as the password of HTTP Basic authentication, with its role, from the moment it
/// is created, and a change of role or activity or a delete applies to the next request. Token values are
/// generated (a value sent by the client is ignored). The configured tokens are not part of this resource.
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
        var role = ReadRole(fields, required: true);
        bool active = fields.Bool("active").Value ?? true;
        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var account = Account(context);
        var resources = account.Resources;
        ApiTokenEntry token;
        lock (resources.Gate)
        {
            token = account.Tokens.Create(resources.Ids.Next(), name, role!.Value, active, Clock.NowSeconds());
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

        var token = Account(context).Tokens.FindCreated(id);
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
        var role = ReadRole(fields, required: false);
        var active = fields.Bool("active");
        if (active is { HasValue: true, Value: null })
        {
            fields.Fail("active", ResourceMessages.MustBeBoolean);
        }

        var tokens = Account(context).Tokens;
        if (tokens.FindCreated(id) is null)
        {
            return Respond.NotFound(context, ResourceMessages.TokenNotFound);
        }

        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        long now = Clock.NowSeconds();
        var updated = tokens.Update(id, token => token.With(name ?? token.Name, role ?? token.Role, active.Value ?? token.Active, now));
        if (updated is null)
        {
            return Respond.NotFound(context, ResourceMessages.TokenNotFound);
        }

        return Respond.Ok(context, writer => ApiTokenJson.Write(writer, context, updated));
    }

    /// <summary><c>DELETE /v1/api_tokens/:id</c>: 204; the token stops working at once.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        bool removed = RouteIds.TryGet(context, "id", out long id) && Account(context).Tokens.Remove(id);
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
        return ResourceList.PageAsync(
            context,
            page,
            "api_tokens",
            Account(context).Tokens.Created(),
            t => pattern is null || (t.Name is not null && pattern.IsMatch(t.Name)),
            static (a, b) => ResourceList.CompareNamesThenIds(a.Name, a.Id, b.Name, b.Id),
            (w, token) => ApiTokenJson.Write(w, context, token));
    }

    private static AccountStore Account(HttpContext context) => context.Features.GetRequiredFeature<ApiRequest>().Account;

    private static EmulatorTokenRole? ReadRole(FieldReader fields, bool required)
    {
        if (!required && !fields.Has("role"))
        {
            return null;
        }

        string? name = fields.RequiredString("role");
        if (name is null)
        {
            return null;
        }

        if (!TokenRoleNames.TryParse(name, out var role))
        {
            fields.Fail("role", ErrorMessages.NotInList);
            return null;
        }

        return role;
    }
}
