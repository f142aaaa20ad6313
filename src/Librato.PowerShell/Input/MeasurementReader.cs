using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Turns one pipeline object into a <see cref="Measurement"/>: a Measurement itself, a number or numeric string
    /// (with -Name), a hashtable, or any object with Name and Value properties (Source, Tags, Time, Type, Period,
    /// Count, Sum, Min, Max, SumSquares, Last, StdDev and Description are read when present).
    /// </summary>
    internal sealed class MeasurementReader
    {
        private readonly MeasurementDefaults defaults;
        private readonly InputProperties properties = new InputProperties();
        private readonly TagReader tagReader = new TagReader();

        private readonly MeasurementPool? pool;

        /// <param name="defaults">What the cmdlet's parameters fill in.</param>
        /// <param name="pool">Where measurements the API accepted come back to be read into again; null for new ones every time.</param>
        public MeasurementReader(MeasurementDefaults defaults, MeasurementPool? pool = null)
        {
            this.defaults = defaults;
            this.pool = pool;
        }

        /// <summary>
        /// Reads every measurement one input stands for (a counter sample set or an aggregator stands for several),
        /// handing each to <paramref name="accept"/> and each problem, with the part of the input it concerns, to
        /// <paramref name="reject"/>.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public void ReadAll(object? input, Action<Measurement> accept, Action<InputProblem, object?> reject)
        {
            var raw = InputConversion.Unwrap(input);
            if (raw is LibratoAggregator aggregator)
            {
                foreach (var m in aggregator.Drain())
                {
                    accept(Complete(m));
                }

                return;
            }

            if (CounterSamples.IsCounterOutput(input, raw))
            {
                ReadCounterSamples(input, raw!, accept, reject);
                return;
            }

            var measurement = Read(input, out var problem);
            if (measurement == null)
            {
                reject(problem!, input);
            }
            else
            {
                accept(measurement);
            }
        }

        // Apart from ReadAll: a lambda capturing ReadAll's parameter would cost every input a closure, not just these.
        private void ReadCounterSamples(object? input, object raw, Action<Measurement> accept, Action<InputProblem, object?> reject) =>
            CounterSamples.Read(input, raw, defaults.Source, m => accept(Complete(m)), reject);

        /// <summary>Returns the measurement, or null with <paramref name="problem"/> saying why the input cannot be one.</summary>
        [MethodImpl(HotPath.Optimized)]
        public Measurement? Read(object? input, out InputProblem? problem)
        {
            problem = null;
            var raw = InputConversion.Unwrap(input);
            switch (raw)
            {
                case null:
                    problem = new InputProblem(ErrorIds.InvalidInputObject, "A null input is not a measurement.");
                    return null;
                case Measurement m:
                    return Complete(Copy(m));
                case string _:
                case IConvertible _ when !(raw is bool) && !(raw is char) && !(raw is DateTime):
                    return FromScalar(raw, ref problem);
                case IDictionary dictionary:
                    properties.Use(dictionary);
                    return FromProperties(properties, ref problem);
                default:
                    properties.Use(input as PSObject ?? PSObject.AsPSObject(raw));
                    return FromProperties(properties, ref problem);
            }
        }

        private Measurement? FromScalar(object raw, ref InputProblem? problem)
        {
            if (defaults.Name == null)
            {
                problem = new InputProblem(
                    ErrorIds.InvalidInputObject,
                    $"The input '{raw}' is a plain value; give -Name to say which metric it measures, or pipe objects with Name and Value properties.");
                return null;
            }

            if (!InputConversion.TryNumber(raw, out var value))
            {
                problem = InputConversion.NotANumber("value", raw);
                return null;
            }

            return Complete(new Measurement(defaults.Name, value!.Value) { Type = defaults.Type });
        }

        [MethodImpl(HotPath.Optimized)]
        private Measurement? FromProperties(InputProperties get, ref InputProblem? problem)
        {
            var name = InputConversion.Text(get[InputField.Name]) ?? defaults.Name;
            if (string.IsNullOrEmpty(name))
            {
                problem = new InputProblem(ErrorIds.InvalidInputObject, "The input has no Name property and no -Name was given.");
                return null;
            }

            if (!ReadNumber(get, InputField.Value, out var value, ref problem) ||
                !ReadNumber(get, InputField.Sum, out var sum, ref problem) ||
                !ReadNumber(get, InputField.Min, out var min, ref problem) ||
                !ReadNumber(get, InputField.Max, out var max, ref problem) ||
                !ReadNumber(get, InputField.SumSquares, out var sumSquares, ref problem) ||
                !ReadNumber(get, InputField.Last, out var last, ref problem) ||
                !ReadNumber(get, InputField.StdDev, out var stdDev, ref problem))
            {
                return null;
            }

            var m = pool?.Rent(name!) ?? new Measurement(name!);
            m.Value = value;
            m.Sum = sum;
            m.Min = min;
            m.Max = max;
            m.SumSquares = sumSquares;
            m.Last = last;
            m.StdDev = stdDev;
            var raw = get[InputField.Count];
            if (!InputConversion.TryCount(raw, out var count))
            {
                problem = new InputProblem(ErrorIds.ForValidation(ValidationCodes.InvalidCount), $"Count '{raw}' of '{name}' is not a whole number.");
                return null;
            }

            m.Count = count;
            raw = get[InputField.Time];
            switch (InputConversion.TryTime(raw, out var time, out var understood))
            {
                case TimeReading.NotATime:
                    problem = new InputProblem(ErrorIds.InvalidTime, $"Time '{raw}' of '{name}' is not a date or a number of epoch seconds.");
                    return null;
                case TimeReading.OutOfRange:
                    problem = new InputProblem(ErrorIds.InvalidTime, $"Time {FormatTime(raw)} of '{name}' is not a time a measurement can have: {understood}.");
                    return null;
            }

            m.Time = time;
            raw = get[InputField.Type];
            if (!InputConversion.TryType(raw, out var type))
            {
                problem = new InputProblem(ErrorIds.InvalidInputObject, $"Type '{raw}' of '{name}' is neither gauge nor counter.");
                return null;
            }

            m.Type = type ?? defaults.Type;
            raw = get[InputField.Tags];
            if (!tagReader.TryRead(raw, out var tags))
            {
                problem = new InputProblem(
                    InputConversion.Unwrap(raw) is System.Collections.IDictionary ? ErrorIds.InvalidTag : ErrorIds.InvalidInputObject,
                    $"Tags of '{name}': {InputConversion.TagsProblem(raw)}.");
                return null;
            }

            m.Tags = tags;
            raw = get[InputField.Period];
            if (!InputConversion.TryCount(raw, out var period))
            {
                problem = new InputProblem(ErrorIds.ForValidation(ValidationCodes.InvalidPeriod), $"Period '{raw}' of '{name}' is not a whole number of seconds.");
                return null;
            }

            m.Period = period.HasValue ? (int?)Math.Min(period.Value, int.MaxValue) : null;
            m.Source = InputConversion.Text(get[InputField.Source]);
            m.Description = InputConversion.Text(get[InputField.Description]);
            return Complete(m);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool ReadNumber(InputProperties get, int field, out double? number, ref InputProblem? problem)
        {
            var raw = get[field];
            if (!InputConversion.TryNumber(raw, out number))
            {
                problem = InputConversion.NotANumber(InputProperties.Names[field], raw);
                return false;
            }

            return true;
        }

        private static string FormatTime(object? raw)
        {
            var value = InputConversion.Unwrap(raw);
            return value is DateTime dt
                ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : "'" + value + "'";
        }

        /// <summary>Fills what the input left out from the cmdlet's parameters, the inherited tags and the session's naming.</summary>
        [MethodImpl(HotPath.Optimized)]
        private Measurement Complete(Measurement m)
        {
            m.Name = defaults.MetricName(m.Name);
            m.Source ??= defaults.Source;
            if (m.Type == MetricType.Counter && m.Tags == null && defaults.TagLevels.Length > 0 && defaults.TagLevels[0] != null)
            {
                // Tags given on the command itself are meant for this measurement: a counter cannot take them, so say so.
                m.Tags = defaults.TagLevels[0];
            }

            TagInheritance.Apply(m, defaults.InheritTags, defaults.TagLevels);
            m.Time ??= defaults.Time;
            m.Period ??= defaults.Period;
            m.Description ??= defaults.Description;
            return m;
        }

        private static Measurement Copy(Measurement m) => new Measurement(m.Name)
        {
            Value = m.Value,
            Type = m.Type,
            Source = m.Source,
            Tags = m.Tags,
            Time = m.Time,
            Period = m.Period,
            Count = m.Count,
            Sum = m.Sum,
            Min = m.Min,
            Max = m.Max,
            SumSquares = m.SumSquares,
            Last = m.Last,
            StdDev = m.StdDev,
            Description = m.Description,
        };
    }
}
