using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Workflows.Architecture.Tests;

/// <summary>
/// The core takes time and ids as inputs (docs/architecture.md, "Tests"). Reading the clock or making GUIDs inside it would make
/// golden traces flaky, so no method of the core may call them.
/// </summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("DateTime", "get_Now")]
    [InlineData("DateTime", "get_UtcNow")]
    [InlineData("DateTime", "get_Today")]
    [InlineData("DateTimeOffset", "get_Now")]
    [InlineData("DateTimeOffset", "get_UtcNow")]
    [InlineData("Guid", "NewGuid")]
    [InlineData("Guid", "CreateVersion7")]
    [InlineData("Environment", "get_TickCount64")]
    [InlineData("Stopwatch", "GetTimestamp")]
    public void The_core_never_calls(string type, string member)
    {
        var calls = MemberReferences(typeof(Workflows.Engine.Execution.WorkflowExecutor).Assembly.Location)
            .Where(r => r.Type == type && r.Member == member)
            .ToList();

        calls.ShouldBeEmpty($"The core calls {type}.{member}; take the value as an input instead.");
    }

    private static IEnumerable<(string Type, string Member)> MemberReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.MemberReferences)
        {
            var reference = metadata.GetMemberReference(handle);
            var typeName = reference.Parent.Kind == HandleKind.TypeReference
                ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)reference.Parent).Name)
                : "";
            yield return (typeName, metadata.GetString(reference.Name));
        }
    }
}
