using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Workflows.Engine.Printing.Templates;

/// <summary>
/// The result templates this build can print: one per sample procedure, the generic kinds the designer has always
/// offered (permit, certificate, extract, certified copy, refusal letter), and <see cref="Fallback"/> for a step that
/// names none. A definition naming any other id is refused by the host when it is validated or published.
/// </summary>
public static class ResultTemplates
{
    public static readonly ResultDocumentTemplate Fallback = new("ket-qua", "Kết quả giải quyết thủ tục hành chính", Title: null);

    public static readonly ResultDocumentTemplate BirthCertificate = new("giay-khai-sinh", "Giấy khai sinh", "Giấy khai sinh")
    {
        LegalBasis = "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014 và Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ.",
        Fields =
        [
            new("childName", "Họ, chữ đệm, tên"),
            new("childBirthDate", "Ngày, tháng, năm sinh"),
            new("childSex", "Giới tính"),
            new("birthPlace", "Nơi sinh"),
            new("motherName", "Họ, chữ đệm, tên người mẹ"),
            new("fatherName", "Họ, chữ đệm, tên người cha"),
        ],
        Statements = ["Đã đăng ký khai sinh và ghi vào Sổ đăng ký khai sinh."],
    };

    public static readonly ResultDocumentTemplate MarriageCertificate = new("giay-chung-nhan-ket-hon", "Giấy chứng nhận kết hôn", "Giấy chứng nhận kết hôn")
    {
        LegalBasis = "Căn cứ Luật Hôn nhân và gia đình năm 2014 và Luật Hộ tịch năm 2014.",
        Fields =
        [
            new("husbandName", "Họ, chữ đệm, tên người chồng"),
            new("husbandBirthDate", "Ngày, tháng, năm sinh"),
            new("husbandId", "Số định danh cá nhân"),
            new("husbandResidence", "Nơi cư trú"),
            new("wifeName", "Họ, chữ đệm, tên người vợ"),
            new("wifeBirthDate", "Ngày, tháng, năm sinh"),
            new("wifeId", "Số định danh cá nhân"),
            new("wifeResidence", "Nơi cư trú"),
        ],
        Statements = ["Hai bên nam, nữ tự nguyện kết hôn, đáp ứng đủ điều kiện kết hôn theo quy định của Luật Hôn nhân và gia đình; việc kết hôn đã được ghi vào Sổ đăng ký kết hôn."],
    };

    public static readonly ResultDocumentTemplate ConstructionPermit = new("giay-phep-xay-dung", "Giấy phép xây dựng nhà ở riêng lẻ", "Giấy phép xây dựng")
    {
        LegalBasis = "Căn cứ Luật Xây dựng năm 2014, được sửa đổi, bổ sung năm 2020, và Nghị định số 175/2024/NĐ-CP của Chính phủ.",
        Fields =
        [
            new("ownerName", "Cấp cho (chủ đầu tư)"),
            new("ownerAddress", "Địa chỉ"),
            new("constructionAddress", "Được phép xây dựng tại"),
            new("landParcel", "Thửa đất số, tờ bản đồ số"),
            new("landCertificateNumber", "Giấy chứng nhận quyền sử dụng đất số"),
            new("landArea", "Diện tích thửa đất (m²)"),
            new("buildingFootprint", "Diện tích xây dựng tầng 1 (m²)"),
            new("grossFloorArea", "Tổng diện tích sàn (m²)"),
            new("floors", "Số tầng"),
            new("buildingHeight", "Chiều cao công trình (m)"),
            new("designer", "Đơn vị, cá nhân thiết kế"),
        ],
        Statements =
        [
            "Chủ đầu tư phải xây dựng đúng nội dung giấy phép và thông báo ngày khởi công cho cơ quan quản lý xây dựng tại địa phương trước khi khởi công.",
            "Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ ngày cấp.",
        ],
    };

    public static readonly ResultDocumentTemplate LandUseCertificate = new("giay-chung-nhan-quyen-su-dung-dat", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất")
    {
        LegalBasis = "Căn cứ Luật Đất đai năm 2024 và Nghị định số 101/2024/NĐ-CP của Chính phủ về điều tra cơ bản đất đai, đăng ký, cấp Giấy chứng nhận.",
        Fields =
        [
            new("applicantName", "Người sử dụng đất"),
            new("applicantId", "Số định danh cá nhân"),
            new("applicantAddress", "Địa chỉ thường trú"),
            new("parcelNumber", "Thửa đất số"),
            new("mapSheet", "Tờ bản đồ số"),
            new("parcelAddress", "Địa chỉ thửa đất"),
            new("area", "Diện tích (m²)"),
            new("landUse", "Mục đích sử dụng"),
            new("usedSince", "Thời điểm bắt đầu sử dụng"),
            new("landOrigin", "Nguồn gốc sử dụng"),
        ],
    };

    public static readonly ResultDocumentTemplate CriminalRecord = new("phieu-ly-lich-tu-phap", "Phiếu lý lịch tư pháp", "Phiếu lý lịch tư pháp")
    {
        LegalBasis = "Căn cứ Luật Lý lịch tư pháp năm 2009.",
        Fields =
        [
            new("certificateType", "Loại phiếu"),
            new("applicantName", "Họ, chữ đệm, tên"),
            new("sex", "Giới tính"),
            new("birthDate", "Ngày, tháng, năm sinh"),
            new("birthPlace", "Nơi sinh"),
            new("applicantId", "Số định danh cá nhân"),
            new("permanentResidence", "Nơi thường trú"),
            new("policeResult", "Tình trạng án tích"),
            new("purpose", "Mục đích sử dụng"),
        ],
        Statements = ["Phiếu được cấp theo yêu cầu của người có tên trên, để sử dụng vào mục đích đã ghi."],
    };

    public static readonly ResultDocumentTemplate HouseholdBusiness = new("giay-chung-nhan-dang-ky-ho-kinh-doanh", "Giấy chứng nhận đăng ký hộ kinh doanh", "Giấy chứng nhận đăng ký hộ kinh doanh")
    {
        LegalBasis = "Căn cứ Nghị định số 01/2021/NĐ-CP ngày 04 tháng 01 năm 2021 của Chính phủ về đăng ký doanh nghiệp.",
        Fields =
        [
            new("businessName", "Tên hộ kinh doanh"),
            new("businessAddress", "Địa điểm kinh doanh"),
            new("phone", "Điện thoại"),
            new("businessLines", "Ngành, nghề kinh doanh"),
            new("capital", "Vốn kinh doanh") { Format = TemplateFieldFormat.Amount },
            new("employees", "Số lượng lao động"),
            new("ownerName", "Họ, chữ đệm, tên chủ hộ kinh doanh"),
            new("ownerBirthDate", "Ngày, tháng, năm sinh"),
            new("ownerId", "Số định danh cá nhân"),
            new("ownerResidence", "Nơi thường trú"),
        ],
    };

    public static readonly ResultDocumentTemplate CertifiedCopy = new("chung-thuc-ban-sao", "Lời chứng chứng thực bản sao từ bản chính", "Lời chứng chứng thực bản sao từ bản chính")
    {
        LegalBasis = "Căn cứ Nghị định số 23/2015/NĐ-CP ngày 16 tháng 02 năm 2015 của Chính phủ về chứng thực.",
        Fields =
        [
            new("documentTitle", "Giấy tờ, văn bản được chứng thực"),
            new("documentIssuer", "Cơ quan cấp bản chính"),
            new("documentIssuedOn", "Ngày cấp bản chính"),
            new("requesterName", "Người yêu cầu chứng thực"),
            new("requesterId", "Số định danh cá nhân"),
            new("pages", "Số trang"),
            new("copies", "Số bản sao"),
        ],
        Statements = ["Chứng thực bản sao đúng với bản chính."],
    };

    /// <summary>The kinds the designer suggested before the registry existed; they print every field under the step's template name.</summary>
    private static readonly ImmutableArray<ResultDocumentTemplate> GenericKinds =
    [
        new("giay-phep", "Giấy phép (mẫu chung)", Title: null),
        new("giay-chung-nhan", "Giấy chứng nhận (mẫu chung)", Title: null),
        new("trich-luc", "Trích lục (mẫu chung)", Title: null),
        new("ban-sao-chung-thuc", "Bản sao chứng thực (mẫu chung)", Title: null),
        new("van-ban-tu-choi", "Văn bản từ chối (mẫu chung)", Title: null),
    ];

    public static ImmutableArray<ResultDocumentTemplate> All { get; } =
        [BirthCertificate, MarriageCertificate, ConstructionPermit, LandUseCertificate, CriminalRecord, HouseholdBusiness, CertifiedCopy, .. GenericKinds];

    private static readonly FrozenDictionary<string, ResultDocumentTemplate> ById = All.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    public static ResultDocumentTemplate? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The template a step names, or <see cref="Fallback"/> when it names none; null for an unknown id.</summary>
    public static ResultDocumentTemplate? Resolve(string? id) => id is null ? Fallback : Find(id);
}
