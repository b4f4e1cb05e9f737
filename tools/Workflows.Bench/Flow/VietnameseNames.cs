using System.Globalization;

namespace Workflows.Bench.Flow;

/// <summary>
/// Plausible Vietnamese names and places from short lists, seeded so generated data is reproducible. Realism
/// matters only as far as field lengths and Unicode go (stored JSON size, collation): lists are enough.
/// </summary>
public sealed class VietnameseNames(int seed)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Gia"];
    private static readonly string[] FemaleMiddle = ["Thị", "Ngọc", "Thu", "Thanh", "Bảo", "Khánh"];
    private static readonly string[] MaleGiven = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khang", "Khoa", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Việt"];
    private static readonly string[] FemaleGiven = ["Anh", "Chi", "Dung", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Thảo", "Trang", "Yến"];
    private static readonly string[] Places = ["Trạm y tế xã Tân An", "Bệnh viện đa khoa tỉnh", "Bệnh viện Phụ sản tỉnh", "Trung tâm y tế huyện", "Tại nhà, thôn Đông, xã Tân An"];

    // Not for security: reproducible test data from a seed.
#pragma warning disable CA5394
    private readonly Random random = new(seed);

    public bool Coin() => random.Next(2) == 0;

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public (string Name, string Sex) Child() => Coin() ? (Person(female: false), "nam") : (Person(female: true), "nữ");

    public string Person(bool female) => string.Join(
        ' ',
        Pick(FamilyNames),
        Pick(female ? FemaleMiddle : MaleMiddle),
        Pick(female ? FemaleGiven : MaleGiven));

    public string BirthPlace() => Pick(Places);

    /// <summary>Twelve digits, like a citizen identity number.</summary>
    public string NationalId() => random.NextInt64(1_000_000_000, 100_000_000_000).ToString("D12", CultureInfo.InvariantCulture);

    private string Pick(string[] options) => options[random.Next(options.Length)];
#pragma warning restore CA5394
}
