using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>Turns a measurement's value, or its count/sum summary, into a stored point.</summary>
internal static class MeasurementValues
{
    private static readonly string[] LegacyFields = { "value", "count", "sum", "min", "max", "sum_squares" };
    private static readonly string[] TaggedFields = { "value", "count", "sum", "min", "max", "last", "stddev" };

    /// <summary>The first numeric field whose exponent is too large; such a value fails the whole request.</summary>
    public static string? FindTooLarge(JsonElement measurement, SummaryKind kind)
    {
        var fields = kind == SummaryKind.Tagged ? TaggedFields : LegacyFields;
        foreach (string field in fields)
        {
            var element = JsonBody.Get(measurement, field);
            if (JsonBody.IsPresent(element) && JsonNumbers.ReadDouble(element, out _) == NumberStatus.TooLarge)
            {
                return field;
            }
        }

        return null;
    }

    public static bool TryBuild(JsonElement measurement, long time, SummaryKind kind, out Point point, out FieldProblem problem)
    {
        point = default;
        var countElement = JsonBody.Get(measurement, "count");
        if (kind != SummaryKind.None && JsonBody.IsPresent(countElement))
        {
            return TryBuildSummary(measurement, countElement, time, kind, out point, out problem);
        }

        var status = JsonNumbers.ReadDouble(JsonBody.Get(measurement, "value"), out double value);
        if (status != NumberStatus.Ok)
        {
            problem = new FieldProblem("value", JsonNumbers.Describe(status));
            return false;
        }

        point = Point.FromValue(time, value);
        problem = default;
        return true;
    }

    private static bool TryBuildSummary(
        JsonElement measurement, JsonElement countElement, long time, SummaryKind kind, out Point point, out FieldProblem problem)
    {
        point = default;
        var countStatus = JsonNumbers.ReadInteger(countElement, out long count);
        if (countStatus != NumberStatus.Ok)
        {
            problem = new FieldProblem("count", JsonNumbers.Describe(countStatus));
            return false;
        }

        if (count < 1)
        {
            problem = new FieldProblem("count", "must be greater than 0");
            return false;
        }

        if (JsonBody.IsPresent(JsonBody.Get(measurement, "value")))
        {
            problem = new FieldProblem("value", "must be omitted when count is given");
            return false;
        }

        var sumElement = JsonBody.Get(measurement, "sum");
        if (!JsonBody.IsPresent(sumElement))
        {
            problem = new FieldProblem("sum", "is required when count is given");
            return false;
        }

        var sumStatus = JsonNumbers.ReadDouble(sumElement, out double sum);
        if (sumStatus != NumberStatus.Ok)
        {
            problem = new FieldProblem("sum", JsonNumbers.Describe(sumStatus));
            return false;
        }

        // Omitted fields are filled with what the summary implies if every sample equalled the mean,
        // so rollups and summary functions never see a hole.
        double mean = sum / count;
        if (!TryReadOptional(measurement, "min", mean, out double min, out problem) ||
            !TryReadOptional(measurement, "max", mean, out double max, out problem))
        {
            return false;
        }

        double last = mean;
        double sumSquares = count * mean * mean;
        if (kind == SummaryKind.Legacy)
        {
            if (!TryReadOptional(measurement, "sum_squares", sumSquares, out sumSquares, out problem))
            {
                return false;
            }
        }
        else
        {
            if (!TryReadOptional(measurement, "last", mean, out last, out problem) ||
                !TryReadOptional(measurement, "stddev", double.NaN, out double stddev, out problem))
            {
                return false;
            }

            if (stddev < 0)
            {
                problem = new FieldProblem("stddev", "must not be negative");
                return false;
            }

            if (!double.IsNaN(stddev))
            {
                // Population standard deviation: sum of squares = n * (stddev² + mean²).
                sumSquares = count * ((stddev * stddev) + (mean * mean));
            }
        }

        point = new Point(time, count, sum, min, max, sumSquares, last);
        problem = default;
        return true;
    }

    private static bool TryReadOptional(JsonElement measurement, string field, double fallback, out double value, out FieldProblem problem)
    {
        var status = JsonNumbers.ReadDouble(JsonBody.Get(measurement, field), out value);
        if (status == NumberStatus.Missing)
        {
            value = fallback;
            problem = default;
            return true;
        }

        if (status != NumberStatus.Ok)
        {
            problem = new FieldProblem(field, JsonNumbers.Describe(status));
            return false;
        }

        problem = default;
        return true;
    }
}
