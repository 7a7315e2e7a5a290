using System.Buffers.Binary;
using System.IO.Compression;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>Decodes the 8-bit RGB and RGBA PNGs chromium writes into pixels, so tests can look at a screenshot.</summary>
internal sealed class PngPixels
{
    private static readonly byte[] s_signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngPixels(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at (x, y), alpha ignored.</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            int offset = ((y * Width) + x) * _channels;
            return (_pixels[offset], _pixels[offset + 1], _pixels[offset + 2]);
        }
    }

    public static PngPixels Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is missing.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        int position = 8;
        while (position + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            string type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                byte bitDepth = data[8];
                byte colourType = data[9];
                byte interlace = data[12];
                channels = colourType switch { 2 => 3, 6 => 4, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"Only 8-bit, non-interlaced RGB or RGBA PNGs are decoded (depth {bitDepth}, colour type {colourType}, interlace {interlace}).");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            position += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        int stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);
        return new PngPixels(width, height, channels, Unfilter(raw, stride, height, channels));
    }

    // PNG's five scanline filters (PNG spec, section 9): each row says how its bytes predict from neighbours.
    private static byte[] Unfilter(byte[] raw, int stride, int height, int channels)
    {
        var pixels = new byte[stride * height];
        for (int row = 0; row < height; row++)
        {
            byte filter = raw[row * (stride + 1)];
            int source = (row * (stride + 1)) + 1;
            int target = row * stride;
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? pixels[target + i - channels] : 0;
                int up = row > 0 ? pixels[target + i - stride] : 0;
                int upLeft = row > 0 && i >= channels ? pixels[target + i - stride - channels] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {row}."),
                };
                pixels[target + i] = (byte)(raw[source + i] + predicted);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
