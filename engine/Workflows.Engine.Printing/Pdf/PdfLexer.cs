using System.Text;

namespace Workflows.Engine.Printing.Pdf;

/// <summary>Reads PDF tokens and values directly from the file's bytes (ISO 32000-1 §7.2–7.3).</summary>
internal sealed class PdfLexer(byte[] data, int position)
{
    private const int MaxDepth = 64;

    public int Position { get; set; } = position;

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public void SkipWhitespace()
    {
        while (Position < data.Length)
        {
            if (IsWhitespace(data[Position]))
            {
                Position++;
            }
            else if (data[Position] == '%')
            {
                while (Position < data.Length && data[Position] is not (10 or 13))
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>A bare token: a number or a keyword such as obj, R, xref, trailer, n, f.</summary>
    public string ReadToken()
    {
        SkipWhitespace();
        var start = Position;
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            Position++;
        }

        if (start == Position)
        {
            throw Error("expected a token");
        }

        return Encoding.Latin1.GetString(data, start, Position - start);
    }

    public long ReadInteger()
    {
        var token = ReadToken();
        return long.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"expected an integer, found \"{token}\"");
    }

    public void Expect(string keyword)
    {
        var token = ReadToken();
        if (!string.Equals(token, keyword, StringComparison.Ordinal))
        {
            throw Error($"expected \"{keyword}\", found \"{token}\"");
        }
    }

    public PdfValue ReadValue(int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw Error("objects nested too deeply");
        }

        SkipWhitespace();
        if (Position >= data.Length)
        {
            throw Error("unexpected end of file");
        }

        var b = data[Position];
        switch (b)
        {
            case (byte)'<' when Position + 1 < data.Length && data[Position + 1] == '<':
                return ReadDictionary(depth);
            case (byte)'<':
                return ReadHexString();
            case (byte)'[':
                return ReadArray(depth);
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'/':
                return ReadName();
            default:
                break;
        }

        var start = Position;
        var token = ReadToken();
        if (token is "true" or "false" or "null")
        {
            return new PdfVerbatim(token);
        }

        if (!IsNumber(token))
        {
            Position = start;
            throw Error($"unexpected \"{token}\"");
        }

        // "12 0 R" is a reference; anything else leaves the lexer just after the number.
        var afterNumber = Position;
        if (IsUnsignedInteger(token) && TryReadReferenceTail(out var generation))
        {
            return new PdfReference(int.Parse(token, System.Globalization.CultureInfo.InvariantCulture), generation);
        }

        Position = afterNumber;
        return new PdfNumber(token);
    }

    public InvalidPdfException Error(string what) => new($"Not a readable PDF: {what} at byte {Position}.");

    private static bool IsNumber(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.') && token.Any(char.IsAsciiDigit);

    private static bool IsUnsignedInteger(string token) => token.Length is > 0 and < 10 && token.All(char.IsAsciiDigit);

    private bool TryReadReferenceTail(out int generation)
    {
        generation = 0;
        SkipWhitespace();
        var start = Position;
        while (Position < data.Length && char.IsAsciiDigit((char)data[Position]))
        {
            Position++;
        }

        if (Position == start || Position - start > 5)
        {
            return false;
        }

        generation = int.Parse(Encoding.Latin1.GetString(data, start, Position - start), System.Globalization.CultureInfo.InvariantCulture);
        SkipWhitespace();
        return Position < data.Length && data[Position] == 'R'
            && (Position + 1 == data.Length || IsWhitespace(data[Position + 1]) || IsDelimiter(data[Position + 1]))
            && ++Position > 0;
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        Position += 2;
        var dictionary = new PdfDictionary();
        while (true)
        {
            SkipWhitespace();
            if (Position + 1 < data.Length && data[Position] == '>' && data[Position + 1] == '>')
            {
                Position += 2;
                return dictionary;
            }

            if (ReadValue(depth + 1) is not PdfName key)
            {
                throw Error("a dictionary key must be a name");
            }

            dictionary[key.Value] = ReadValue(depth + 1);
        }
    }

    private PdfArray ReadArray(int depth)
    {
        Position++;
        var items = new List<PdfValue>();
        while (true)
        {
            SkipWhitespace();
            if (Position < data.Length && data[Position] == ']')
            {
                Position++;
                return new PdfArray(items);
            }

            items.Add(ReadValue(depth + 1));
        }
    }

    private PdfName ReadName()
    {
        var start = ++Position;
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            Position++;
        }

        return new PdfName(Encoding.Latin1.GetString(data, start, Position - start));
    }

    private PdfVerbatim ReadHexString()
    {
        var start = Position;
        var end = Array.IndexOf(data, (byte)'>', start);
        if (end < 0)
        {
            throw Error("unterminated hex string");
        }

        Position = end + 1;
        return new PdfVerbatim(Encoding.Latin1.GetString(data, start, Position - start));
    }

    private PdfVerbatim ReadLiteralString()
    {
        var start = Position;
        var depth = 0;
        while (Position < data.Length)
        {
            var b = data[Position++];
            if (b == '\\')
            {
                Position++;
            }
            else if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && --depth == 0)
            {
                return new PdfVerbatim(Encoding.Latin1.GetString(data, start, Position - start));
            }
        }

        throw Error("unterminated string");
    }
}
