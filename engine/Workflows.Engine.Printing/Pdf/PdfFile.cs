namespace Workflows.Engine.Printing.Pdf;

/// <summary>
/// The structure of an existing PDF as an incremental update needs it: where each object lives (following the
/// chain of classic cross-reference sections through /Prev), the newest trailer, the catalog and the pages.
/// Supports what PDFsharp writes and what our own incremental updates append; cross-reference streams
/// (PDF 1.5 compressed files) are refused with a clear message rather than half-read.
/// </summary>
internal sealed class PdfFile
{
    private const int MaxSections = 1000;
    private readonly byte[] data;
    private readonly Dictionary<int, long> offsets = [];

    private PdfFile(byte[] data)
    {
        this.data = data;
        StartXref = FindStartXref();
        Trailer = ReadSections(StartXref);
        if (Trailer["Root"] is not PdfReference root)
        {
            throw new InvalidPdfException("Not a readable PDF: the trailer has no /Root.");
        }

        Root = root;
    }

    public long StartXref { get; }

    /// <summary>The newest trailer (its /Size, /Root, /Info, /ID carry over into the next update).</summary>
    public PdfDictionary Trailer { get; }

    public PdfReference Root { get; }

    public int Size => (int)((Trailer["Size"] as PdfNumber)?.AsLong ?? offsets.Keys.DefaultIfEmpty(0).Max() + 1);

    public static PdfFile Open(byte[] data)
    {
        if (data.Length < 32 || data.AsSpan(0, Math.Min(1024, data.Length)).IndexOf("%PDF-"u8) < 0)
        {
            throw new InvalidPdfException("Not a PDF: the file does not start with a %PDF- header.");
        }

        return new PdfFile(data);
    }

    public PdfValue Resolve(PdfValue value) => value is PdfReference reference ? ReadObject(reference) : value;

    public PdfDictionary ReadDictionary(PdfReference reference) =>
        ReadObject(reference) as PdfDictionary ?? throw new InvalidPdfException($"Not a readable PDF: object {reference.Number} is not a dictionary.");

    public PdfValue ReadObject(PdfReference reference) => ObjectLexer(reference).ReadValue();

    private PdfLexer ObjectLexer(PdfReference reference)
    {
        if (!offsets.TryGetValue(reference.Number, out var offset) || offset <= 0 || offset >= data.Length)
        {
            throw new InvalidPdfException($"Not a readable PDF: object {reference.Number} is not in the cross-reference table.");
        }

        var lexer = new PdfLexer(data, (int)offset);
        var number = lexer.ReadInteger();
        lexer.ReadInteger();
        lexer.Expect("obj");
        if (number != reference.Number)
        {
            throw new InvalidPdfException($"Not a readable PDF: the cross-reference table points object {reference.Number} at object {number}.");
        }

        return lexer;
    }

    /// <summary>A stream object: its dictionary and its raw (still encoded) bytes, as many as its /Length says.</summary>
    public (PdfDictionary Dictionary, byte[] Data) ReadStream(PdfReference reference)
    {
        var lexer = ObjectLexer(reference);
        if (lexer.ReadValue() is not PdfDictionary dictionary || !string.Equals(lexer.ReadToken(), "stream", StringComparison.Ordinal))
        {
            throw new InvalidPdfException($"Not a readable PDF: object {reference.Number} is not a stream.");
        }

        // The data starts after the end-of-line that follows the keyword (CR LF or LF, ISO 32000-1 §7.3.8.1).
        var start = lexer.Position + (data[lexer.Position] == '\r' ? 2 : 1);
        var length = (Resolve(dictionary["Length"] ?? new PdfNumber(-1)) as PdfNumber)?.AsLong ?? -1;
        if (length < 0 || start + length > data.Length)
        {
            throw new InvalidPdfException($"Not a readable PDF: stream {reference.Number} has no usable /Length.");
        }

        return (dictionary, data.AsSpan(start, (int)length).ToArray());
    }

    /// <summary>Leaf pages in document order, by walking the page tree from the catalog.</summary>
    public List<PdfReference> PageReferences()
    {
        var pages = new List<PdfReference>();
        var catalog = ReadDictionary(Root);
        if (catalog["Pages"] is not PdfReference tree)
        {
            throw new InvalidPdfException("Not a readable PDF: the catalog has no page tree.");
        }

        var pending = new Stack<PdfReference>([tree]);
        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node.Number))
            {
                throw new InvalidPdfException("Not a readable PDF: the page tree has a cycle.");
            }

            var dictionary = ReadDictionary(node);
            if (dictionary.NameOf("Type") == "Pages" || dictionary["Kids"] is not null)
            {
                var kids = Resolve(dictionary["Kids"] ?? new PdfArray([])) as PdfArray ?? new PdfArray([]);
                foreach (var kid in Enumerable.Reverse(kids.Items).OfType<PdfReference>())
                {
                    pending.Push(kid);
                }
            }
            else
            {
                pages.Add(node);
            }
        }

        return pages;
    }

    private long FindStartXref()
    {
        var tail = Math.Max(0, data.Length - 2048);
        var index = data.AsSpan(tail).LastIndexOf("startxref"u8);
        if (index < 0)
        {
            throw new InvalidPdfException("Not a readable PDF: no startxref near the end of the file (truncated?).");
        }

        var lexer = new PdfLexer(data, tail + index + "startxref".Length);
        return lexer.ReadInteger();
    }

    private PdfDictionary ReadSections(long start)
    {
        PdfDictionary? newest = null;
        var visited = new HashSet<long>();
        long? next = start;
        while (next is { } offset)
        {
            if (offset <= 0 || offset >= data.Length || !visited.Add(offset) || visited.Count > MaxSections)
            {
                throw new InvalidPdfException($"Not a readable PDF: a cross-reference offset ({offset}) points outside the file or loops.");
            }

            var trailer = ReadSection((int)offset);
            newest ??= trailer;
            next = (trailer["Prev"] as PdfNumber)?.AsLong;
        }

        return newest!;
    }

    private PdfDictionary ReadSection(int offset)
    {
        var lexer = new PdfLexer(data, offset);
        var keyword = lexer.ReadToken();
        if (!string.Equals(keyword, "xref", StringComparison.Ordinal))
        {
            throw new InvalidPdfException(
                "This PDF uses a compressed cross-reference stream (PDF 1.5+), which the signer does not read yet; save it with a classic cross-reference table.");
        }

        while (true)
        {
            var token = lexer.ReadToken();
            if (string.Equals(token, "trailer", StringComparison.Ordinal))
            {
                return lexer.ReadValue() as PdfDictionary ?? throw lexer.Error("the trailer is not a dictionary");
            }

            if (!int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var first))
            {
                throw lexer.Error($"expected a cross-reference subsection, found \"{token}\"");
            }

            var count = lexer.ReadInteger();
            for (var i = 0; i < count; i++)
            {
                var entryOffset = lexer.ReadInteger();
                lexer.ReadInteger();
                var type = lexer.ReadToken();
                // Newer sections are read first, so the first offset seen for an object is the current one.
                if (string.Equals(type, "n", StringComparison.Ordinal))
                {
                    offsets.TryAdd(first + i, entryOffset);
                }
                else
                {
                    offsets.TryAdd(first + i, 0);
                }
            }
        }
    }
}
