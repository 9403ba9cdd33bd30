using System.Globalization;
using System.Text;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Benchmarks.Catalog;

/// <summary>
/// Writes a realistic catalog file (README, "Catalog file format") of any size, streaming: the same seed and size
/// always give the same bytes, and no row is kept once written.
/// </summary>
/// <remarks>
/// Rows come in blocks of <see cref="BlockSize"/>. A block is about one kind of product (espresso machines,
/// laptops...): its first <see cref="AccessoriesPerBlock"/> rows are accessories of that kind, the rest are main
/// products, mostly in families of 3 or 4 tiers with rising prices and better specs. A main product's 3–10
/// accessories are accessory rows of its own block and of the block before, so every SKU it names is computed
/// from a row number (SKUs embed it) and is already in the file. Everything about a row is drawn from a random
/// generator seeded with (seed, row) or (seed, block), so nothing has to be remembered between rows.
/// </remarks>
public sealed class CatalogGenerator
{
    public const int BlockSize = 20;
    public const int AccessoriesPerBlock = 6;
    public const int MinAccessories = 3;
    public const int MaxAccessories = 10;

    private const long EanRange = 10_000_000_000;

    private readonly int products;
    private readonly int seed;
    private readonly long eanOffset;
    private BlockPlan? current;
    private BlockPlan? previous;

    public CatalogGenerator(int products, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(products);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(products, 100_000_000);
        this.products = products;
        this.seed = seed;
        eanOffset = (long)(new Rng(seed, 0, Purpose.Ean).NextUInt64() % EanRange);
    }

    /// <summary>Whether the row is an accessory product (of an accessory category), as opposed to a main product.</summary>
    public static bool IsAccessoryRow(int row) => row % BlockSize < AccessoriesPerBlock;

    /// <summary>Writes the header and every row, with LF line endings. The writer should encode UTF-8 without a byte order mark.</summary>
    public void Write(TextWriter writer)
    {
        writer.Write(string.Join(',', CatalogColumns.All));
        writer.Write('\n');
        for (var row = 0; row < products; row++)
        {
            WriteRow(writer, row);
        }
    }

    /// <summary>Writes the catalog to a stream as UTF-8 without a byte order mark.</summary>
    public void Write(Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        Write(writer);
    }

    private void WriteRow(TextWriter writer, int row)
    {
        var plan = Plan(row / BlockSize);
        var slot = row % BlockSize;
        var rng = new Rng(seed, row, Purpose.Row);
        if (slot < AccessoriesPerBlock)
        {
            WriteAccessory(writer, row, slot, plan, ref rng);
        }
        else
        {
            WriteMain(writer, row, slot, plan, ref rng);
        }
    }

    private void WriteAccessory(TextWriter writer, int row, int slot, BlockPlan plan, ref Rng rng)
    {
        var kind = plan.Kind;
        var brand = Pick(ProductKinds.Brands, ref rng);
        var item = kind.Accessories[(slot + plan.AccessoryOffset) % kind.Accessories.Length];
        var colour = Pick(ProductKinds.AccessoryColours, ref rng);
        var name = rng.Next(3) == 0 ? $"{brand} {item}, {colour.ToLowerInvariant()}" : $"{brand} {item}";
        var price = Price(3 + rng.Next(58), ref rng);

        var points = new List<string>(2);
        var first = rng.Next(ProductKinds.AccessoryTalkingPoints.Length);
        points.Add(ProductKinds.AccessoryTalkingPoints[first]);
        if (rng.Next(2) == 0)
        {
            points.Add(ProductKinds.AccessoryTalkingPoints[(first + 1 + rng.Next(ProductKinds.AccessoryTalkingPoints.Length - 1)) % ProductKinds.AccessoryTalkingPoints.Length]);
        }
        var specs = $"Colour: {colour}; Fits: {kind.Name}";

        WriteFields(writer, AccessorySku(row), EanOf(row, ref rng), name, brand, kind.AccessoryCategory, price, Stock(ref rng),
            "", "", "", string.Join(CatalogColumns.ListSeparator, points), specs);
    }

    private void WriteMain(TextWriter writer, int row, int slot, BlockPlan plan, ref Rng rng)
    {
        var kind = plan.Kind;
        var member = plan.Members[slot - AccessoriesPerBlock];
        var block = row / BlockSize;
        // A family cut short by the end of the file would have fewer than 3 tiers: its rows are sold alone then.
        var family = member.Family is { } f && block * BlockSize + f.LastSlot < products ? f : null;
        var tier = family is null ? 1 : member.Tier;

        string name, brand, price;
        if (family is not null)
        {
            brand = family.Brand;
            var word = ProductKinds.TierWords[tier - 1];
            name = word.Length == 0
                ? $"{family.Name} {kind.Name.ToLowerInvariant()}"
                : $"{family.Name} {word} {kind.Name.ToLowerInvariant()}";
            price = Price((int)(family.BasePrice * (1 + 0.45 * (tier - 1))), ref rng, cents: ".99");
        }
        else
        {
            brand = Pick(ProductKinds.Brands, ref rng);
            name = $"{brand} {Pick(kind.Models, ref rng)} {row + 1} {kind.Name.ToLowerInvariant()}";
            price = Price(kind.MinPrice + rng.Next(kind.MaxPrice - kind.MinPrice), ref rng);
        }

        var specs = string.Join("; ", kind.Specs.Select(s => $"{s.Key}: {SpecValue(s, tier)}"));
        var points = TalkingPoints(kind, tier, ref rng);
        var accessories = AccessoriesOf(row, ref rng);

        WriteFields(writer, MainSku(kind, row), EanOf(row, ref rng), name, brand, kind.Category, price, Stock(ref rng),
            family?.Name ?? "", family is null ? "" : tier.ToString(CultureInfo.InvariantCulture),
            string.Join(CatalogColumns.ListSeparator, accessories), string.Join(CatalogColumns.ListSeparator, points), specs);
    }

    private static List<string> TalkingPoints(ProductKind kind, int tier, ref Rng rng)
    {
        var points = new List<string>(CatalogLimits.MaxTalkingPoints);
        if (tier > 1)
        {
            // What the customer gains by stepping up: the first spec, one tier better.
            var spec = kind.Specs[0];
            points.Add($"One step up from the tier below: {spec.Key.ToLowerInvariant()} {SpecValue(spec, tier)} instead of {SpecValue(spec, tier - 1)}");
        }
        var count = 1 + rng.Next(Math.Min(kind.TalkingPoints.Length, CatalogLimits.MaxTalkingPoints - points.Count));
        var start = rng.Next(kind.TalkingPoints.Length);
        for (var i = 0; i < count; i++)
        {
            points.Add(kind.TalkingPoints[(start + i) % kind.TalkingPoints.Length]);
        }
        return points;
    }

    /// <summary>3–10 distinct accessory rows of this block and the block before, all earlier in the file.</summary>
    private List<string> AccessoriesOf(int row, ref Rng rng)
    {
        var block = row / BlockSize;
        Span<int> pool = stackalloc int[2 * AccessoriesPerBlock];
        var size = 0;
        for (var b = block; b >= Math.Max(0, block - 1); b--)
        {
            for (var s = 0; s < AccessoriesPerBlock; s++)
            {
                pool[size++] = b * BlockSize + s;
            }
        }
        var count = MinAccessories + rng.Next(Math.Min(MaxAccessories, size) - MinAccessories + 1);
        var skus = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var j = i + rng.Next(size - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            skus.Add(AccessorySku(pool[i]));
        }
        return skus;
    }

    private string AccessorySku(int row) => $"{Plan(row / BlockSize).Kind.Code}-A{row + 1:D7}";

    private static string MainSku(ProductKind kind, int row) => $"{kind.Code}-{row + 1:D7}";

    /// <summary>A GS1 EAN-13 unique to the row (one row in twenty has none).</summary>
    private string EanOf(int row, ref Rng rng)
    {
        if (rng.Next(20) == 0)
        {
            return "";
        }
        var body = "40" + ((eanOffset + row) % EanRange).ToString("D10", CultureInfo.InvariantCulture);
        return body + Ean.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    private static string Stock(ref Rng rng) =>
        (rng.Next(10) == 0 ? 0 : 1 + rng.Next(250)).ToString(CultureInfo.InvariantCulture);

    private static string Price(int whole, ref Rng rng, string? cents = null) =>
        Math.Max(whole, 1).ToString(CultureInfo.InvariantCulture) + (cents ?? (rng.Next(3) switch { 0 => ".00", 1 => ".49", _ => ".99" }));

    private static string SpecValue(SpecTemplate spec, int tier)
    {
        var value = (spec.Base + spec.Step * (tier - 1)).ToString(spec.Format, CultureInfo.InvariantCulture);
        return spec.Unit.Length == 0 ? value : $"{value} {spec.Unit}";
    }

    private static string Pick(string[] values, ref Rng rng) => values[rng.Next(values.Length)];

    private static void WriteFields(TextWriter writer, params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\""));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }
        writer.Write('\n');
    }

    /// <summary>The block's plan, computed from (seed, block); the last two are kept since rows name accessories of the block before.</summary>
    private BlockPlan Plan(int block)
    {
        if (current?.Block == block)
        {
            return current;
        }
        if (previous?.Block == block)
        {
            return previous;
        }
        var plan = BlockPlan.Create(seed, block);
        if (current is null || block > current.Block)
        {
            previous = current;
            current = plan;
        }
        return plan;
    }

    private sealed record FamilyPlan(string Name, string Brand, int BasePrice, int LastSlot);

    private readonly record struct Member(FamilyPlan? Family, int Tier);

    private sealed record BlockPlan(int Block, ProductKind Kind, int AccessoryOffset, Member[] Members)
    {
        public static BlockPlan Create(int seed, int block)
        {
            var rng = new Rng(seed, block, Purpose.Block);
            var kind = ProductKinds.All[rng.Next(ProductKinds.All.Length)];
            var accessoryOffset = rng.Next(kind.Accessories.Length);
            var members = new Member[BlockSize - AccessoriesPerBlock];
            var slot = AccessoriesPerBlock;
            var familyNumber = 0;
            while (slot < BlockSize)
            {
                var left = BlockSize - slot;
                // Mostly families of 3 or 4 tiers; the odd product left over is sold on its own.
                var size = left < 3 ? 1 : Math.Min(left, 3 + rng.Next(2));
                if (size == 1)
                {
                    members[slot - AccessoriesPerBlock] = new Member(null, 1);
                    slot++;
                    continue;
                }
                var brand = ProductKinds.Brands[rng.Next(ProductKinds.Brands.Length)];
                var model = kind.Models[rng.Next(kind.Models.Length)];
                // The series number makes family names unique across the file.
                var series = block * 4 + familyNumber++ + 100;
                var basePrice = kind.MinPrice + rng.Next(Math.Max(1, kind.MaxPrice / 2 - kind.MinPrice));
                var family = new FamilyPlan($"{brand} {model} {series}", brand, basePrice, slot + size - 1);
                for (var tier = 1; tier <= size; tier++)
                {
                    members[slot - AccessoriesPerBlock] = new Member(family, tier);
                    slot++;
                }
            }
            return new BlockPlan(block, kind, accessoryOffset, members);
        }
    }

    private enum Purpose : ulong
    {
        Ean = 1,
        Block = 2,
        Row = 3,
    }

    /// <summary>SplitMix64: small, fast and the same on every platform and .NET version (unlike System.Random's choice of algorithm).</summary>
    private struct Rng(int seed, long index, Purpose purpose)
    {
        private ulong state = Mix(((ulong)(uint)seed << 32) ^ (ulong)purpose * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index + 0x632BE59BD9B4E019UL));

        public ulong NextUInt64()
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }

        public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
