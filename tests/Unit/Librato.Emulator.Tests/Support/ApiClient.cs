using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Librato.Emulator.Tests.Support;

/// <summary>Sends requests to an emulator as one account (or anonymously) and reads whole responses.</summary>
public sealed class ApiClient
{
    public const string UserAgent = "emulator-tests/1.0";

    private readonly HttpClient http;
    private readonly AuthenticationHeaderValue? authorization;

    public ApiClient(HttpClient http, string? email, string? token)
    {
        this.http = http;
        if (email is not null)
        {
            authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
        }
    }

    public Task<ApiResponse> GetAsync(string pathAndQuery) => SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));

    public Task<ApiResponse> PostJsonAsync(string path, string json, bool gzip = false, string contentType = "application/json") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(json, gzip, contentType) });

    public Task<ApiResponse> PutJsonAsync(string path, string json) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = Body(json, false, "application/json") });

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    /// <summary>Sends an <c>application/x-www-form-urlencoded</c> body, given already encoded (<c>a[0][b]=1&amp;c=2</c>).</summary>
    public Task<ApiResponse> SendFormAsync(HttpMethod method, string path, string form) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = Body(form, false, "application/x-www-form-urlencoded") });

    public Task<ApiResponse> SendJsonAsync(HttpMethod method, string path, string json) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = Body(json, false, "application/json") });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        if (authorization is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = authorization;
        }

        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        using (request)
        {
            var response = await http.SendAsync(request).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new ApiResponse(response, body);
        }
    }

    public static HttpContent Body(string json, bool gzip, string contentType)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        if (gzip)
        {
            bytes = Gzip(bytes);
        }

        var content = new ByteArrayContent(bytes);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(bytes, 0, bytes.Length);
        }

        return output.ToArray();
    }
}
