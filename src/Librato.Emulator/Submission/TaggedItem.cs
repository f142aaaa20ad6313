using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>A validated tagged measurement with the top-level defaults already applied.</summary>
internal readonly record struct TaggedItem(ResolvedMetric Metric, TagSet Tags, Point Point, long? Period, JsonScalar Attributes);
