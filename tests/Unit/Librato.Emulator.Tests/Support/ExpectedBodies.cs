namespace Librato.Emulator.Tests.Support;

public static class ExpectedBodies
{
    /// <summary><c>{"errors":{"params":{param:[message]}}}</c></summary>
    public static string ParamError(string param, string message) =>
        "{\"errors\":{\"params\":{\"" + param + "\":[\"" + message + "\"]}}}";
}
