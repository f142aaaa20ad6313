using System.Collections.Generic;

namespace Librato.Emulator.Http;

/// <summary>Validation messages grouped by parameter, in the order first reported: the body of <c>errors.params</c>.</summary>
internal sealed class ParamErrors
{
    private readonly List<KeyValuePair<string, List<string>>> entries = new();

    public bool Any => entries.Count > 0;

    public IReadOnlyList<KeyValuePair<string, List<string>>> Entries => entries;

    public void Add(string param, string message)
    {
        foreach (var entry in entries)
        {
            if (entry.Key == param)
            {
                entry.Value.Add(message);
                return;
            }
        }

        entries.Add(new KeyValuePair<string, List<string>>(param, new List<string> { message }));
    }
}
