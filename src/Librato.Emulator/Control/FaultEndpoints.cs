using System.Globalization;
using System.Threading.Tasks;
using Librato.Emulator.Faults;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Control;

/// <summary>
/// <c>/_emulator/faults</c>: makes the next N matching /v1 requests fail in a chosen way (an error status, a
/// delay, a dropped connection, a cut or non-JSON body, or a 5xx after the data was stored).
/// </summary>
internal sealed class FaultEndpoints
{
    private readonly EmulatorState state;

    public FaultEndpoints(EmulatorState state)
    {
        this.state = state;
    }

    /// <summary><c>POST /_emulator/faults</c>: 201 with the pending fault and its id.</summary>
    public async Task AddAsync(HttpContext context)
    {
        using var document = await ControlBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        var errors = new ParamErrors();
        var fault = FaultParser.Parse(document.RootElement, errors);
        if (fault?.User is { } user && state.FindStore(user) is null)
        {
            errors.Add("user", $"'{user}' is not a configured account");
        }

        if (fault is null || errors.Any)
        {
            await JsonResponse.ParamErrorsAsync(context, errors).ConfigureAwait(false);
            return;
        }

        state.Faults.Add(fault);
        context.Response.Headers.Location = "/_emulator/faults/" + fault.Id.ToString(CultureInfo.InvariantCulture);
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, writer => FaultJson.Write(writer, fault)).ConfigureAwait(false);
    }

    /// <summary><c>GET /_emulator/faults</c>: the pending faults, oldest first, with the uses each has left.</summary>
    public Task ListAsync(HttpContext context)
    {
        var faults = state.Faults.Snapshot();
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var fault in faults)
            {
                FaultJson.Write(writer, fault);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary><c>DELETE /_emulator/faults</c></summary>
    public Task ClearAsync(HttpContext context)
    {
        state.Faults.Clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary><c>DELETE /_emulator/faults/:id</c></summary>
    public Task RemoveAsync(HttpContext context)
    {
        string text = (string)context.Request.RouteValues["id"]!;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int id) || !state.Faults.Remove(id))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, "Fault not found");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
