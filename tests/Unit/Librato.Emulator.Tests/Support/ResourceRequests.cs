using System.Net.Http;
using System.Threading.Tasks;

namespace Librato.Emulator.Tests.Support;

/// <summary>Requests the resource routes need beyond <see cref="ApiClient"/>'s JSON helpers.</summary>
public static class ResourceRequests
{
    public const string Form = "application/x-www-form-urlencoded";

    public static Task<ApiResponse> PostFormAsync(this ApiClient api, string path, string form) =>
        api.PostJsonAsync(path, form, contentType: Form);

    public static Task<ApiResponse> PutFormAsync(this ApiClient api, string path, string form) =>
        api.SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = ApiClient.Body(form, false, Form) });

    public static Task<ApiResponse> PostAsync(this ApiClient api, string path) =>
        api.SendAsync(new HttpRequestMessage(HttpMethod.Post, path));

    /// <summary>The <c>id</c> of a created resource.</summary>
    public static long Id(this ApiResponse response) => response.Json.GetProperty("id").GetInt64();

    public static string? Location(this ApiResponse response) => response.Message.Headers.Location?.OriginalString;
}
