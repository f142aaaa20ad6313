using Librato.Emulator.Reading;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Composite;

/// <summary>
/// One entry of an <c>s()</c> tag filter: the tag must be present and its value must match the pattern, or must
/// not match it when the pattern starts with '!', as in tagged reads.
/// </summary>
internal sealed class TagCondition
{
    private readonly bool negated;
    private readonly WildcardPattern pattern;

    public TagCondition(string name, string pattern)
    {
        Name = name.ToLowerInvariant();
        negated = pattern.StartsWith('!');
        this.pattern = new WildcardPattern(negated ? pattern.Substring(1) : pattern);
    }

    public string Name { get; }

    public bool Matches(TagSet tags) => tags.TryGetValue(Name, out string value) && pattern.IsMatch(value) != negated;
}
