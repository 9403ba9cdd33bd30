using System.Buffers.Binary;
using System.Text;

namespace SalesAssistant.LoadTool.Protocol;

/// <summary>
/// Just enough of Blazor's out-of-process render batch format (as blazor.web.js's OutOfProcessRenderBatch reads it) for a
/// client without a DOM: the string table, and the attribute frames of each element in the reference frames
/// (to find an input's event handler id by its data-testid). The batch ends with five int32 offsets:
/// updated components, reference frames, disposed component ids, disposed event handler ids, string table.
/// </summary>
internal sealed class RenderBatchReader(byte[] data)
{
    private const int FrameLength = 20;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int ComponentFrame = 4;

    private int Offset(int fromEnd) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(data.Length - fromEnd));

    public IEnumerable<string> Strings()
    {
        var table = Offset(4);
        var count = (data.Length - 20 - table) / 4;
        for (var i = 0; i < count; i++)
        {
            if (String(i) is { } s)
            {
                yield return s;
            }
        }
    }

    public bool ContainsString(string value) => Strings().Any(s => s == value);

    public IReadOnlyList<ulong> DisposedEventHandlerIds()
    {
        var start = Offset(8);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(start));
        return Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(start + 4 + i * 8))).ToList();
    }

    public IReadOnlyList<int> DisposedComponentIds()
    {
        var start = Offset(12);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(start));
        return Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(start + 4 + i * 4))).ToList();
    }

    /// <summary>The ids of the components this batch inserts (component frames: type, subtree length, component id).</summary>
    public IReadOnlyList<int> InsertedComponentIds()
    {
        var start = Offset(16);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(start));
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var frame = data.AsSpan(start + 4 + i * FrameLength, FrameLength);
            if (BinaryPrimitives.ReadInt32LittleEndian(frame) == ComponentFrame)
            {
                ids.Add(BinaryPrimitives.ReadInt32LittleEndian(frame[8..]));
            }
        }
        return ids;
    }

    /// <summary>Attribute frames (name, value, event handler id) grouped by the element frame they follow; lone attributes form their own group.</summary>
    public IReadOnlyList<IReadOnlyList<(string? Name, string? Value, ulong EventHandlerId)>> AttributeGroups()
    {
        var start = Offset(16);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(start));
        var groups = new List<IReadOnlyList<(string?, string?, ulong)>>();
        List<(string?, string?, ulong)>? current = null;
        for (var i = 0; i < count; i++)
        {
            var frame = data.AsSpan(start + 4 + i * FrameLength, FrameLength);
            var type = BinaryPrimitives.ReadInt32LittleEndian(frame);
            if (type == AttributeFrame)
            {
                if (current is null)
                {
                    current = [];
                    groups.Add(current);
                }
                current.Add((String(BinaryPrimitives.ReadInt32LittleEndian(frame[4..])), String(BinaryPrimitives.ReadInt32LittleEndian(frame[8..])),
                    BinaryPrimitives.ReadUInt64LittleEndian(frame[12..])));
            }
            else if (type == ElementFrame)
            {
                current = [];
                groups.Add(current);
            }
            else
            {
                current = null;
            }
        }
        return groups;
    }

    /// <summary>The event handler id of <paramref name="eventAttribute"/> (e.g. "oninput") on the element with this data-testid, if the batch renders it.</summary>
    public ulong? EventHandlerOf(string testId, string eventAttribute)
    {
        foreach (var group in AttributeGroups())
        {
            if (group.Any(a => a.Name == "data-testid" && a.Value == testId)
                && group.FirstOrDefault(a => a.Name == eventAttribute) is { EventHandlerId: > 0 } handler)
            {
                return handler.EventHandlerId;
            }
        }
        return null;
    }

    /// <summary>Event handler ids of lone <paramref name="eventAttribute"/> frames (attribute updates of an existing element).</summary>
    public IReadOnlyList<ulong> EventHandlersNamed(string eventAttribute) =>
        AttributeGroups().SelectMany(g => g).Where(a => a.Name == eventAttribute && a.EventHandlerId > 0).Select(a => a.EventHandlerId).ToList();

    private string? String(int index)
    {
        if (index < 0)
        {
            return null;
        }
        var table = Offset(4);
        var position = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(table + index * 4));
        // BinaryWriter's 7-bit encoded (LEB128) length, then UTF-8.
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(data, position, length);
    }
}
