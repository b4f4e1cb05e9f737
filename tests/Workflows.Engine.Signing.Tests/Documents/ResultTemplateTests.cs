using System.Text.RegularExpressions;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Templates;

namespace Workflows.Engine.Signing.Tests.Documents;

public sealed partial class ResultTemplateTests
{
    /// <summary>The seven sample procedures' results (ADR 0016); each prints its own title and fields.</summary>
    public static TheoryData<string, string> SampleTemplates => new()
    {
        { "giay-khai-sinh", "GIẤY KHAI SINH" },
        { "giay-chung-nhan-ket-hon", "GIẤY CHỨNG NHẬN KẾT HÔN" },
        { "giay-phep-xay-dung", "GIẤY PHÉP XÂY DỰNG" },
        { "giay-chung-nhan-quyen-su-dung-dat", "GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT" },
        { "phieu-ly-lich-tu-phap", "PHIẾU LÝ LỊCH TƯ PHÁP" },
        { "giay-chung-nhan-dang-ky-ho-kinh-doanh", "GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH" },
        { "chung-thuc-ban-sao", "LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH" },
    };

    /// <summary>A dossier's values for a template: each of its fields with a distinct Vietnamese value, plus one it does not print.</summary>
    public static IReadOnlyList<DossierValue> ValuesFor(ResultDocumentTemplate template) =>
    [
        new("appraisalNote", "Ý kiến thẩm định", "Ghi chú nội bộ không được in"),
        .. template.Fields.Select((f, i) => new DossierValue(f.Key, "nhãn biểu mẫu " + f.Key, $"Giá trị số {i + 1} ở Đắk Lắk")),
    ];

    public static RenderedDocument Render(string templateId) =>
        DocumentRenderer.Render(ResultTemplates.Find(templateId)!.Fill(Samples.Dossier, new DateOnly(2025, 3, 10), ValuesFor(ResultTemplates.Find(templateId)!), "Tên thủ tục").ToContent());

    [Theory]
    [MemberData(nameof(SampleTemplates))]
    public void Each_sample_result_prints_its_title_legal_basis_and_its_fields_in_order_under_its_own_labels(string templateId, string title)
    {
        var template = ResultTemplates.Find(templateId).ShouldNotBeNull();

        var text = Words(ExternalTool.PdfToText(Render(templateId).Pdf));

        text.ShouldContain(title, Case.Sensitive);
        text.ShouldContain(Words(template.LegalBasis.ShouldNotBeNull()), Case.Sensitive);
        var at = -1;
        for (var i = 0; i < template.Fields.Length; i++)
        {
            var value = $"Giá trị số {i + 1} ở Đắk Lắk";
            var found = text.IndexOf(value + " ", StringComparison.Ordinal);
            found.ShouldBeGreaterThan(at, $"{template.Fields[i].Key} is printed after the field before it");
            at = found;
            text.ShouldContain(Words(template.Fields[i].Label.Split(' ')[0]), Case.Sensitive);
        }

        foreach (var statement in template.Statements)
        {
            text.ShouldContain(Words(statement), Case.Sensitive);
        }

        text.ShouldNotContain("Ghi chú nội bộ", Case.Sensitive);
        text.ShouldNotContain("nhãn biểu mẫu", Case.Sensitive);
    }

    [Fact]
    public void Every_sample_procedure_has_its_own_template_and_ids_are_unique()
    {
        ResultTemplates.All.Select(t => t.Id).ShouldBeUnique();
        SampleTemplates.Select(row => row.Data.Item1).ShouldAllBe(id => ResultTemplates.Find(id) != null && !ResultTemplates.Find(id)!.PrintsEveryField);
        ResultTemplates.Find("no-such-template").ShouldBeNull();
        ResultTemplates.Resolve(null).ShouldBe(ResultTemplates.Fallback);
    }

    [Fact]
    public void The_fallback_prints_every_filled_field_under_its_form_label_and_the_procedure_name_as_title()
    {
        var document = ResultTemplates.Fallback.Fill(Samples.Dossier, new DateOnly(2025, 3, 10), [new("a", "Nơi đăng ký", "Xã Ea Kao"), new("b", "Trống", "")], "Đăng ký khai sinh");

        var text = Words(ExternalTool.PdfToText(DocumentRenderer.Render(document.ToContent()).Pdf));

        text.ShouldContain("ĐĂNG KÝ KHAI SINH", Case.Sensitive);
        text.ShouldContain("Nơi đăng ký:", Case.Sensitive);
        text.ShouldContain("Xã Ea Kao", Case.Sensitive);
        text.ShouldNotContain("Trống", Case.Sensitive);
    }

    [Fact]
    public void Dates_print_day_first_and_amounts_in_dong_grouped_by_dots()
    {
        var document = ResultTemplates.HouseholdBusiness.Fill(Samples.Dossier, new DateOnly(2025, 3, 10), [new("capital", "Vốn", "50000000"), new("ownerBirthDate", "Ngày sinh", "1990-07-02")], "x");

        document.Fields.ShouldBe([new("Vốn kinh doanh", "50.000.000 đồng"), new("Ngày, tháng, năm sinh", "02/07/1990")]);
    }

    private static string Words(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
