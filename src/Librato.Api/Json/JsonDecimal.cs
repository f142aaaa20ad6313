using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Writes the doubles of submission bodies. Most measured values are whole or have a few decimals (21.5, 0.25,
    /// 99.125); those are written from their integer digits, which costs a fraction of the general shortest
    /// round-trip formatting. The text is used only when it parses back to exactly the same double; any other
    /// value takes the general formatting.
    /// </summary>
    internal static class JsonDecimal
    {
        private const int MaxDecimals = 6;

        // Below 2^53 every integer is exact as a double, so the digits and the division below are exact too.
        private const double MaxExact = 9007199254740992d;

        [MethodImpl(HotPath.Optimized)]
        public static void Write(Utf8JsonWriter w, JsonEncodedText property, double value)
        {
            if (value == Math.Floor(value) && Math.Abs(value) < MaxExact)
            {
                w.WriteNumber(property, (long)value);
                return;
            }

            Span<byte> text = stackalloc byte[32];
            var length = TryFormat(value, text);
            if (length > 0)
            {
                w.WritePropertyName(property);
                w.WriteRawValue(text.Slice(0, length), skipInputValidation: true);
            }
            else
            {
                w.WriteNumber(property, value);
            }
        }

        /// <summary>
        /// Writes <paramref name="value"/> as digits with at most six decimals; 0 when it has no such exact form.
        /// n / 10^k is correctly rounded, as is parsing "n * 10^-k", so when the division gives the value back the
        /// text parses to it too.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        internal static int TryFormat(double value, Span<byte> text)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return 0;
            }

            var scale = 1d;
            for (var decimals = 0; decimals <= MaxDecimals; decimals++, scale *= 10)
            {
                var scaled = Math.Round(value * scale);
                if (Math.Abs(scaled) >= MaxExact)
                {
                    return 0;
                }

                if (scaled / scale == value)
                {
                    return Digits((long)scaled, decimals, text);
                }
            }

            return 0;
        }

        private static int Digits(long number, int decimals, Span<byte> text)
        {
            Span<byte> reversed = stackalloc byte[24];
            var negative = number < 0;
            var rest = (ulong)(negative ? -number : number);
            var count = 0;
            do
            {
                reversed[count++] = (byte)('0' + (int)(rest % 10));
                rest /= 10;
            }
            while (rest != 0);

            // 0.25 has the digits "25" and two decimals: pad to "025" so that a zero leads the point.
            while (count <= decimals)
            {
                reversed[count++] = (byte)'0';
            }

            var at = 0;
            if (negative)
            {
                text[at++] = (byte)'-';
            }

            for (var i = count - 1; i >= 0; i--)
            {
                text[at++] = reversed[i];
                if (i == decimals && decimals > 0)
                {
                    text[at++] = (byte)'.';
                }
            }

            return at;
        }
    }
}
