using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SalesAssistant.Catalog.File;

/// <summary>
/// Passes a UTF-8 file through, without its byte order mark, checking the encoding as it goes. At the first byte
/// that is not UTF-8 it records the error (with its line, as <see cref="CatalogFileReader"/> reports it) and ends,
/// as if the file stopped there. It also notes whether the text holds anything but white space.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private const int BufferSize = 64 * 1024;

    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private readonly char[] chars = ArrayPool<char>.Shared.Rent(BufferSize);
    private int start;      // next byte to hand out
    private int checkedEnd; // bytes before this are valid UTF-8
    private int end;        // bytes read from the inner stream
    private long offsetOfBuffer;
    private int linesBeforeBuffer;
    private bool started;
    private bool innerEnded;
    private bool disposed;

    public CatalogFileError? EncodingError { get; private set; }

    /// <summary>Whether a character other than white space was seen (in what was read so far).</summary>
    public bool HasContent { get; private set; }

    /// <summary>Reads to the end, so that <see cref="EncodingError"/> and <see cref="HasContent"/> cover the whole file.</summary>
    public void Drain()
    {
        Span<byte> sink = stackalloc byte[4096];
        while (Read(sink) > 0)
        {
        }
    }

    public override int Read(Span<byte> destination)
    {
        if (start == checkedEnd && !Fill())
        {
            return 0;
        }
        var count = Math.Min(destination.Length, checkedEnd - start);
        buffer.AsSpan(start, count).CopyTo(destination);
        start += count;
        return count;
    }

    public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(destination.Span));

    public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(destination.AsSpan(offset, count)));

    /// <summary>Reads and checks the next piece; false at the end of the file or after an encoding error.</summary>
    private bool Fill()
    {
        if (EncodingError is not null)
        {
            return false;
        }
        // Keep the bytes of a character cut in two by the previous read.
        var tail = end - checkedEnd;
        linesBeforeBuffer += buffer.AsSpan(0, checkedEnd).Count((byte)'\n');
        offsetOfBuffer += checkedEnd;
        buffer.AsSpan(checkedEnd, tail).CopyTo(buffer);
        start = checkedEnd = 0;
        end = tail;

        while (true)
        {
            if (!innerEnded)
            {
                var read = inner.Read(buffer.AsSpan(end, BufferSize - end));
                innerEnded = read == 0;
                end += read;
            }
            if (!started)
            {
                if (end < 3 && !innerEnded)
                {
                    continue;
                }
                started = true;
                if (buffer.AsSpan(0, end).StartsWith(Encoding.UTF8.Preamble))
                {
                    buffer.AsSpan(3, end - 3).CopyTo(buffer);
                    end -= 3;
                }
            }

            var status = Utf8.ToUtf16(buffer.AsSpan(0, end), chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: innerEnded);
            if (!HasContent)
            {
                foreach (var c in chars.AsSpan(0, charsWritten))
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        HasContent = true;
                        break;
                    }
                }
            }
            checkedEnd = bytesRead;
            if (status == OperationStatus.InvalidData)
            {
                var line = 1 + linesBeforeBuffer + buffer.AsSpan(0, bytesRead).Count((byte)'\n');
                EncodingError = CatalogFileReader.NotUtf8(line, buffer[bytesRead], offsetOfBuffer + bytesRead);
            }
            if (checkedEnd > 0 || innerEnded || EncodingError is not null)
            {
                return checkedEnd > 0;
            }
            // Only part of one character so far: read more.
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!disposed)
        {
            disposed = true;
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
        base.Dispose(disposing);
    }
}
