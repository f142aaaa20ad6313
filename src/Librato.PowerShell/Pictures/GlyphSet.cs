using System;

namespace Librato.PowerShell.Pictures
{
    /// <summary>The characters pictures are drawn with: bar levels from lowest to full, the gap and the axes.</summary>
    public sealed class GlyphSet
    {
        /// <summary>Block elements, eight levels per character cell.</summary>
        public static readonly GlyphSet Unicode = new GlyphSet(
            "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588", ' ', '\u2502', '\u2524', '\u2514', '\u2500', '\u2026');

        /// <summary>
        /// For consoles whose font or encoding lacks block elements. Sparklines use eight visibly rising characters;
        /// charts use two levels per cell (a lower half, then full).
        /// </summary>
        public static readonly GlyphSet Ascii = new GlyphSet("_.-~=+*#", ' ', '|', '+', '+', '-', '~', ".#");

        private GlyphSet(string levels, char gap, char axis, char tick, char corner, char baseline, char ellipsis, string? cellLevels = null)
        {
            if (levels.Length < 2)
            {
                throw new ArgumentException("At least two levels are needed.", nameof(levels));
            }

            Levels = levels;
            Gap = gap;
            Axis = axis;
            Tick = tick;
            Corner = corner;
            Baseline = baseline;
            Ellipsis = ellipsis;
            CellLevels = cellLevels ?? levels;
        }

        /// <summary>Sparkline characters from the lowest value to the highest.</summary>
        public string Levels { get; }

        /// <summary>Chart cell characters from the smallest partial fill to a full cell.</summary>
        public string CellLevels { get; }

        /// <summary>Drawn where a column has no value.</summary>
        public char Gap { get; }

        public char Axis { get; }

        /// <summary>The y axis where it carries a label.</summary>
        public char Tick { get; }

        public char Corner { get; }

        public char Baseline { get; }

        /// <summary>Ends a label that had to be shortened.</summary>
        public char Ellipsis { get; }
    }
}
