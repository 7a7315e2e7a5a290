namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>The shape drawn at each measured point of a line and in its legend sample: a second cue besides colour and dash.</summary>
internal enum MarkerShape
{
    /// <summary>A circle.</summary>
    Circle = 0,

    /// <summary>A square standing on a side.</summary>
    Square = 1,

    /// <summary>A triangle pointing up.</summary>
    TriangleUp = 2,

    /// <summary>A square standing on a corner.</summary>
    Diamond = 3,

    /// <summary>A triangle pointing down.</summary>
    TriangleDown = 4,

    /// <summary>A plus sign, drawn as a filled cross.</summary>
    Plus = 5,

    /// <summary>A five-pointed star.</summary>
    Star = 6,

    /// <summary>A hexagon.</summary>
    Hexagon = 7,

    /// <summary>A diagonal cross, drawn filled.</summary>
    Cross = 8,

    /// <summary>A pentagon.</summary>
    Pentagon = 9,

    /// <summary>A triangle pointing left.</summary>
    TriangleLeft = 10,

    /// <summary>A triangle pointing right.</summary>
    TriangleRight = 11,
}
