using System;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>Turns a measurement's value, or its count/sum summary, into a stored point.</summary>
internal static class MeasurementValues
{
    private static readonly MeasurementField[] LegacyFields =
    {
        MeasurementField.Value, MeasurementField.Count, MeasurementField.Sum, MeasurementField.Min, MeasurementField.Max,
        MeasurementField.SumSquares,
    };

    private static readonly MeasurementField[] TaggedFields =
    {
        MeasurementField.Value, MeasurementField.Count, MeasurementField.Sum, MeasurementField.Min, MeasurementField.Max,
        MeasurementField.Last, MeasurementField.Stddev,
    };

    /// <summary>The first numeric field whose exponent is too large; such a value fails the whole request.</summary>
    public static string? FindTooLarge(ReadOnlySpan<byte> body, in RawMeasurement measurement, SummaryKind kind)
    {
        if (measurement.Kind != System.Text.Json.JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in kind == SummaryKind.Tagged ? TaggedFields : LegacyFields)
        {
            var value = measurement[field];
            if (value.IsPresent && value.IsTooLarge(body))
            {
                return MeasurementFields.ApiName(field);
            }
        }

        return null;
    }

    public static bool TryBuild(
        ReadOnlySpan<byte> body, in RawMeasurement measurement, long time, SummaryKind kind, out Point point, out FieldProblem problem)
    {
        point = default;
        var count = measurement[MeasurementField.Count];
        if (kind != SummaryKind.None && count.IsPresent)
        {
            return TryBuildSummary(body, measurement, count, time, kind, out point, out problem);
        }

        var status = measurement[MeasurementField.Value].ReadDouble(body, out double value);
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
        ReadOnlySpan<byte> body, in RawMeasurement measurement, JsonScalar countField, long time, SummaryKind kind,
        out Point point, out FieldProblem problem)
    {
        point = default;
        var countStatus = countField.ReadInteger(body, out long count);
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

        if (measurement[MeasurementField.Value].IsPresent)
        {
            problem = new FieldProblem("value", "must be omitted when count is given");
            return false;
        }

        var sumField = measurement[MeasurementField.Sum];
        if (!sumField.IsPresent)
        {
            problem = new FieldProblem("sum", "is required when count is given");
            return false;
        }

        var sumStatus = sumField.ReadDouble(body, out double sum);
        if (sumStatus != NumberStatus.Ok)
        {
            problem = new FieldProblem("sum", JsonNumbers.Describe(sumStatus));
            return false;
        }

        // Omitted fields are filled with what the summary implies if every sample equalled the mean,
        // so rollups and summary functions never see a hole.
        double mean = sum / count;
        if (!TryReadOptional(body, measurement, MeasurementField.Min, mean, out double min, out problem) ||
            !TryReadOptional(body, measurement, MeasurementField.Max, mean, out double max, out problem))
        {
            return false;
        }

        double last = mean;
        double sumSquares = count * mean * mean;
        if (kind == SummaryKind.Legacy)
        {
            if (!TryReadOptional(body, measurement, MeasurementField.SumSquares, sumSquares, out sumSquares, out problem))
            {
                return false;
            }
        }
        else
        {
            if (!TryReadOptional(body, measurement, MeasurementField.Last, mean, out last, out problem) ||
                !TryReadOptional(body, measurement, MeasurementField.Stddev, double.NaN, out double stddev, out problem))
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

    private static bool TryReadOptional(
        ReadOnlySpan<byte> body, in RawMeasurement measurement, MeasurementField field, double fallback, out double value, out FieldProblem problem)
    {
        var status = measurement[field].ReadDouble(body, out value);
        if (status == NumberStatus.Missing)
        {
            value = fallback;
            problem = default;
            return true;
        }

        if (status != NumberStatus.Ok)
        {
            problem = new FieldProblem(MeasurementFields.ApiName(field), JsonNumbers.Describe(status));
            return false;
        }

        problem = default;
        return true;
    }
}
