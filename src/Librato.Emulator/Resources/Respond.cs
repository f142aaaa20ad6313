using System;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Resources;

/// <summary>The answers resource routes give, so every route sets status, Location and body the same way.</summary>
internal static class Respond
{
    /// <summary>The calling account's resources.</summary>
    public static AccountResources Resources(HttpContext context) =>
        context.Features.GetRequiredFeature<ApiRequest>().Account.Resources;

    public static ReadOnlyMemory<byte> Body(HttpContext context) => context.Features.GetRequiredFeature<ApiRequest>().Body;

    public static Task Ok(HttpContext context, Action<Utf8JsonWriter> body) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);

    public static Task Created(HttpContext context, string location, Action<Utf8JsonWriter> body)
    {
        context.Response.Headers.Location = location;
        return JsonResponse.WriteAsync(context, StatusCodes.Status201Created, body);
    }

    public static Task Accepted(HttpContext context, string location, Action<Utf8JsonWriter> body)
    {
        context.Response.Headers.Location = location;
        return JsonResponse.WriteAsync(context, StatusCodes.Status202Accepted, body);
    }

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task NotFound(HttpContext context, string message) =>
        JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, message);

    public static Task Invalid(HttpContext context, ParamErrors errors) => JsonResponse.ParamErrorsAsync(context, errors);

    public static Task Invalid(HttpContext context, string param, string message) =>
        JsonResponse.ParamErrorAsync(context, param, message);

    /// <summary>422, the status the API gives when a create or rename would duplicate an existing entity.</summary>
    public static Task AlreadyExists(HttpContext context, string param) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errors");
            writer.WriteStartObject("params");
            writer.WriteStartArray(param);
            writer.WriteStringValue(ResourceMessages.Taken);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task UnparseableBody(HttpContext context) =>
        JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ResourceMessages.BodyUnparseable);
}
