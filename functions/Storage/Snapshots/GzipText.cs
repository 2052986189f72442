using System.IO.Compression;
using System.Text;

namespace ConseillersEntreprises.Storage.Snapshots;

/// <summary>
/// UTF-8 text gzip'd into a binary property: a need's JSON compresses 4–6×, which keeps a row far under the 64 KiB a
/// property may hold, whatever the number of advisors and comments.
/// </summary>
public static class GzipText
{
    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    public static string Decompress(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
