using System.Diagnostics;
using Workflows.Bench.InMemory;
using Workflows.Bench.Measuring;
using Workflows.Bench.Reporting;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Bench.Signing;

/// <summary>
/// Issue 7's speed targets, measured with the dev PKI's keys (RSA 2048 leaves): generate + sign a one-page result
/// (render, the leader's personal signature, the unit's e-seal) p95 under 100 ms; verify both signatures p95 under
/// 50 ms; and a batch of 1,000 signed results without memory growth (managed heap and working set after a forced
/// GC, before and after the batch). Single-threaded: the targets are per document, not throughput.
/// </summary>
public static class SigningBench
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly UserId Leader = new("chair-tuan");
    private static readonly UnitId Commune = new("xa-tan-an");

    /// <summary>The published run: 200 timed documents, then the 1,000-document batch the issue names; smoke: a handful.</summary>
    public static Task<ReportTable> RunAsync(bool smoke, CancellationToken cancellationToken) =>
        smoke ? RunAsync(samples: 5, batch: 10, cancellationToken) : RunAsync(samples: 200, batch: 1_000, cancellationToken);

    public static async Task<ReportTable> RunAsync(int samples, int batch, CancellationToken cancellationToken)
    {
        // The bench is a composition root like the CLI: it picks the PDFsharp licence (ADR 0007).
        PdfGenerationLicense.UseAgpl();
        var fixture = Fixture.Create();

        // Warm up: the JIT, the font resolver, PDFsharp's font caches.
        for (var i = 0; i < 10; i++)
        {
            fixture.Verify(await fixture.GenerateAndSignAsync(i, null, cancellationToken));
        }

        var latencies = new LatencySamples();
        var phases = new LatencySamples();
        for (var i = 0; i < samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var pdf = await fixture.GenerateAndSignAsync(i, phases, cancellationToken);
            latencies.Add("generate + sign", Stopwatch.GetTimestamp() - started);
            started = Stopwatch.GetTimestamp();
            fixture.Verify(pdf);
            latencies.Add("verify", Stopwatch.GetTimestamp() - started);
        }

        var (heapBefore, workingSetBefore) = Settle();
        var batchWatch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < batch; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bytes += (await fixture.GenerateAndSignAsync(samples + i, null, cancellationToken)).Length;
        }

        batchWatch.Stop();
        var (heapAfter, workingSetAfter) = Settle();

        var table = new ReportTable("Signed results (render + personal signature + e-seal; verify)", "measure", "p50 ms", "p95 ms", "p99 ms", "target");
        Row(table, latencies, "generate + sign", "p95 < 100 ms");
        Row(table, latencies, "verify", "p95 < 50 ms");
        foreach (var phase in new[] { "render", "personal signature", "e-seal" })
        {
            Row(table, phases, phase, "(part of generate + sign)");
        }

        table.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{samples:N0} one-page birth certificates after 10 warm-up ones, one at a time on one thread; RSA 2048 keys of the dev PKI (`DevelopmentPki`), server-held (`ServerKeySigner`); verify checks both signatures: integrity, CMS, chain to the dev root, validity at signing time."));
        table.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Batch of {batch:N0} documents signed ({Figures.Seconds(batchWatch.Elapsed)}, {bytes / Math.Max(batch, 1):N0} bytes each): managed heap {Figures.Mib(heapBefore)} → {Figures.Mib(heapAfter)} ({Signed(heapAfter - heapBefore)}), working set {Figures.Mib(workingSetBefore)} → {Figures.Mib(workingSetAfter)} ({Signed(workingSetAfter - workingSetBefore)}), each after a forced, compacting GC."));
        return table;
    }

    private static void Row(ReportTable table, LatencySamples samples, string kind, string target)
    {
        var p = samples.Percentiles(kind);
        table.Add(kind, Figures.Ms(p.P50), Figures.Ms(p.P95), Figures.Ms(p.P99), target);
    }

    private static string Signed(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(bytes < 0 ? "−" : "+")}{Math.Abs(bytes) / 1024.0 / 1024.0:0.0} MiB");

    private static (long Heap, long WorkingSet) Settle()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    /// <summary>Keys, certificates, the signing service and the verifier, made once as a host makes them.</summary>
    private sealed class Fixture(PdfSigningService service, ISigner leader, ISigner seal, PdfSignatureVerifier verifier)
    {
        public static Fixture Create()
        {
            var pki = DevelopmentPki.Create(Created);
            var options = new CertificateOptions { NotAfter = Created.AddYears(15) };
            var time = new FixedTimeProvider(new DateTimeOffset(2025, 3, 10, 10, 30, 0, TimeSpan.FromHours(7)));
            var leader = new ServerKeySigner(pki.IssuePersonal(Leader, "Trần Minh Tuấn", "UBND xã Tân An", options), [pki.IssuingCa]);
            var seal = new ServerKeySigner(pki.IssueOrganization(Commune, "UBND xã Tân An", options), [pki.IssuingCa]);
            var root = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(pki.Root.RawData);
            return new Fixture(new PdfSigningService(new InMemorySigningSessionStore(), time), leader, seal, new PdfSignatureVerifier(TrustAnchors.Development(root), time));
        }

        public async Task<byte[]> GenerateAndSignAsync(int index, LatencySamples? phases, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var rendered = DocumentRenderer.Render(Result(index).ToContent());
            var rendering = Stopwatch.GetTimestamp();
            var personal = await SignAsync(rendered.Pdf, leader, SignatureRequest.For(rendered.Area(SignatureFields.Leader)!) with { ExpectedUser = Leader, Reason = "Phê duyệt kết quả" }, cancellationToken);
            var signing = Stopwatch.GetTimestamp();
            // As the issue step seals: the register's number and the issue date printed into the draft's blanks (ADR 0022).
            var number = $"{index + 1}/2025/GKS";
            var sealedPdf = await SignAsync(personal, seal, SignatureRequest.For(rendered.Area(SignatureFields.OrganizationSeal)!) with
            {
                ExpectedUnit = Commune,
                Reason = $"Phát hành kết quả số {number}",
                Inscriptions = [new(rendered.Slot(TextSlots.Number)!, number), new(rendered.Slot(TextSlots.IssueDate)!, "ngày 10 tháng 03 năm 2025")],
            }, cancellationToken);
            var sealing = Stopwatch.GetTimestamp();
            phases?.Add("render", rendering - started);
            phases?.Add("personal signature", signing - rendering);
            phases?.Add("e-seal", sealing - signing);
            return sealedPdf;
        }

        public void Verify(byte[] pdf)
        {
            var report = verifier.Verify(pdf);
            if (report.Signatures.Length != 2 || report.Signatures.Any(s => !s.IsValid))
            {
                throw new InvalidOperationException("A benchmarked document does not verify: " + string.Join("; ", report.Signatures.SelectMany(s => s.Problems)));
            }
        }

        private async Task<byte[]> SignAsync(byte[] pdf, ISigner signer, SignatureRequest request, CancellationToken cancellationToken)
        {
            var result = await service.SignAsync(pdf, signer, request, cancellationToken);
            return result.Value ?? throw new InvalidOperationException($"Signing refused: {result.Rejection?.Message}");
        }

        private static ResultDocument Result(int index) => new(
            new DossierHeading("UBND xã Tân An", "Tân An", $"000.00.12.H56-250310-{index:D4}", "Đăng ký khai sinh", "Nguyễn Thị Hồng")
            {
                ParentAuthority = "UBND tỉnh Tây Ninh",
            },
            "Giấy khai sinh",
            IssuedOn: null, // the draft the leader signs: the seal prints number and date
            [
                new("Họ, chữ đệm, tên", $"Nguyễn Minh Khôi {index}"),
                new("Ngày, tháng, năm sinh", "02/03/2025"),
                new("Giới tính", "Nam"),
                new("Dân tộc", "Kinh"),
                new("Quốc tịch", "Việt Nam"),
                new("Nơi sinh", "Bệnh viện Đa khoa tỉnh Tây Ninh"),
                new("Họ, chữ đệm, tên người mẹ", "Nguyễn Thị Hồng"),
                new("Họ, chữ đệm, tên người cha", "Lê Văn Đức"),
            ])
        {
            LeaderName = "Trần Minh Tuấn",
        };
    }
}
